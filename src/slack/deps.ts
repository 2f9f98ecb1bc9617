import type { FeatureRegistry } from '../features/feature-registry.js';
import type { SupportedLocale } from '../i18n/locales.js';
import type { Llm } from '../llm/llm.js';
import type { Logger } from '../logger.js';
import type { AdminsService } from '../modules/access/admins.service.js';
import type { Authorization } from '../modules/access/authorization.service.js';
import type { ActionItemNotices } from '../modules/action-items/action-item-notices.service.js';
import type { ActionItemsService } from '../modules/action-items/action-items.service.js';
import type { AuditLogService } from '../modules/audit/audit-log.service.js';
import type { CoverageService } from '../modules/calendar/coverage.service.js';
import type { CalendarFeature } from '../modules/calendar/index.js';
import type { DepartmentsService } from '../modules/departments/departments.service.js';
import type { AssessmentService } from '../modules/escalations/assessment.service.js';
import type { EscalationsService } from '../modules/escalations/escalations.service.js';
import type { ExportService } from '../modules/export/export.service.js';
import type { FormSubmissionGate } from '../modules/form-submissions/form-submission-gate.service.js';
import type { InboundEventGate } from '../modules/inbound-events/inbound-event-gate.service.js';
import type { InstallationsService } from '../modules/installations/installations.service.js';
import type { PeopleService } from '../modules/people/people.service.js';
import type { SchedulesService } from '../modules/scheduling/schedules.service.js';
import type { Clock } from '../modules/shared/clock.types.js';
import type { WorkspacesService } from '../modules/workspaces/workspaces.service.js';
import type { DirectorySlackDeps } from '../wiring/directory.wiring.js';
import type { EscalationCards } from '../wiring/escalations.wiring.js';
import type { NotificationsSlackDeps } from '../wiring/notifications.wiring.js';
import type { HomeRefresher } from './home/home-refresher.js';
import type { HomeTab } from './home/home-tab.js';
import type { WorkspaceSlackClients } from './workspace-clients.js';

/** Everything listeners need, built once in main.ts (or a test) and passed to createSlackApp. */
export interface SlackDeps {
  workspaces: WorkspacesService;
  /** OAuth installs (cached): Bolt's installation store, uninstalls, tokens for background work. */
  installations: InstallationsService;
  /** Who may do what; every service that changes shared state asks it first. */
  authorization: Authorization;
  /** Departments, their people and roles (manage modal, CSV import, demo set). */
  departments: DepartmentsService;
  /** Granted Liaison admins. */
  admins: AdminsService;
  /** Reading the audit log (`/liaison audit`). */
  auditLog: AuditLogService;
  people: PeopleService;
  inboundEvents: InboundEventGate;
  /** Each modal submission takes effect once (src/slack/once-per-submission.ts). */
  formSubmissions: FormSubmissionGate;
  calendar: CalendarFeature;
  /** How far each calendar's holidays are known; warnings to admins (src/features/calendar/calendar-coverage.job.ts). */
  calendarCoverage: CoverageService;
  schedules: SchedulesService;
  notifications: NotificationsSlackDeps;
  /** Directory sync from Slack (users.list), deactivation flags, open-items sources. */
  directory: DirectorySlackDeps;
  /** The features this Liaison runs: their listeners, jobs, help lines and own services (src/features). */
  features: FeatureRegistry;
  /** Bot clients per workspace for background work (sync, Home refreshes, fan-out). */
  slackClients: WorkspaceSlackClients;
  /** Each person's Home dashboard; features register its sections here. */
  homeTab: HomeTab;
  /** Republishes the Home tabs of people whose data changed (coalesced, paced). */
  home: HomeRefresher;
  /**
   * Action items (owner, due date, status, source): other modules create theirs with
   * `actionItems.createMany(items, { tx })`; see the top of action-items.service.ts.
   */
  actionItems: ActionItemsService;
  /** Escalations: the ladder, its SLAs (src/features/escalations/escalation-sla.job.ts) and decisions. */
  escalations: EscalationsService;
  /** The joint assessment per department and quarter (`/escalate report`, src/features/escalations/escalation-assessment.job.ts). */
  assessment: AssessmentService;
  /** Cards in department channels (paced refresher, stale sweep) and the buttons' pre-modal check. */
  escalationCards: EscalationCards;
  /** The hourly reminder / overdue pass (src/features/action-items/action-item-reminders.job.ts). */
  actionItemNotices: ActionItemNotices;
  /** `/liaison export`: the workspace's data (admins) or a person's own, as JSON or CSV. */
  exports: ExportService;
  /**
   * The language-model layer (src/llm): `generateObject` with receipts, the rule-based
   * fallback, the per-workspace daily token budget and the run records. Off (rules only)
   * when no OPENAI_API_KEY is set.
   */
  llm: Llm;
  defaults: { locale: SupportedLocale; timeZone: string };
  /** Resolves false when the database does not answer; used to word the apology. */
  isDatabaseReachable: () => Promise<boolean>;
  clock: Clock;
  logger: Logger;
}
