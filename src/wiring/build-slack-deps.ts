import type { Config, EncryptionKeys } from '../config/env.js';
import type { Database } from '../db/database.js';
import { databaseReachability } from '../db/database-health.js';
import { forgetOnWritesTo } from '../db/statement-observer.js';
import type { Feature } from '../features/feature.types.js';
import {
  attachFeatureSurfaces,
  createFeatureRegistry,
  onWorkspaceInstalled,
} from '../features/feature-registry.js';
import { FEATURES } from '../features/features.js';
import type { LlmClient } from '../llm/llm-client.js';
import type { Logger } from '../logger.js';
import { createAdminsPrismaRepository } from '../modules/access/admins.prisma-repository.js';
import { createAdminsService } from '../modules/access/admins.service.js';
import { createAuditLogPrismaRepository } from '../modules/audit/audit-log.prisma-repository.js';
import { createAuditLogService } from '../modules/audit/audit-log.service.js';
import { createCalendarPrismaRepository } from '../modules/calendar/calendar.prisma-repository.js';
import { createCalendarFeature } from '../modules/calendar/index.js';
import { createDepartmentsPrismaRepository } from '../modules/departments/departments.prisma-repository.js';
import { createDepartmentsService } from '../modules/departments/departments.service.js';
import { createExportPrismaRepository } from '../modules/export/export.prisma-repository.js';
import { createExportService } from '../modules/export/export.service.js';
import { createFormSubmissionGate } from '../modules/form-submissions/form-submission-gate.service.js';
import { createFormSubmissionsPrismaRepository } from '../modules/form-submissions/form-submissions.prisma-repository.js';
import { createHomePrismaRepository } from '../modules/home/home.prisma-repository.js';
import { createHomeService } from '../modules/home/home.service.js';
import { createInboundEventGate } from '../modules/inbound-events/inbound-event-gate.service.js';
import { createInboundEventsPrismaRepository } from '../modules/inbound-events/inbound-events.prisma-repository.js';
import { createInstallationsPrismaRepository } from '../modules/installations/installations.prisma-repository.js';
import { createInstallationsService } from '../modules/installations/installations.service.js';
import { createTokenCipher } from '../modules/installations/token-cipher.service.js';
import { createPeoplePrismaRepository } from '../modules/people/people.prisma-repository.js';
import { createPeopleService } from '../modules/people/people.service.js';
import { createSchedulesPrismaRepository, createSchedulesService } from '../modules/scheduling/index.js';
import type { Clock } from '../modules/shared/clock.types.js';
import { createWorkspacesPrismaRepository } from '../modules/workspaces/workspaces.prisma-repository.js';
import { createWorkspacesService } from '../modules/workspaces/workspaces.service.js';
import type { SlackDeps } from '../slack/deps.js';
import { createHomeTab } from '../slack/home/home-tab.js';
import { createPacedHomeRefresher } from '../slack/home/paced-home-refresher.js';
import { createWorkspaceSlackClients } from '../slack/workspace-clients.js';
import { buildAuthorization } from './access.wiring.js';
import { buildActionItemsDeps } from './action-items.wiring.js';
import { buildCalendarCoverage } from './calendar-coverage.wiring.js';
import { buildDirectoryDeps } from './directory.wiring.js';
import { buildAssessmentService } from './escalation-assessment.wiring.js';
import { buildEscalationCards, buildEscalationsService } from './escalations.wiring.js';
import { buildLlm } from './llm.wiring.js';
import { buildNotificationsDeps } from './notifications.wiring.js';

/**
 * Wires repositories into services. main.ts, the local console and the tests all build
 * Liaison through this one function, so what is tested is what runs. The shared services
 * are built here (their builders are the other files of src/wiring/); each feature's own
 * services, listeners, jobs and surfaces come from its declaration (src/features/).
 */
export function buildSlackDeps(input: {
  db: Database;
  clock: Clock;
  logger: Logger;
  /** The OpenAI adapter (main.ts), or `{ mode: 'fallback' }`: the rules answer every prompt. */
  llm: LlmClient | { mode: 'fallback' };
  /** Tokens (in + out) each workspace may spend per UTC day; LLM_LAYER_DEFAULTS otherwise. */
  llmDailyTokenBudget?: number;
  defaults: Config['defaults'];
  /** OAuth mode: the keys installation tokens are encrypted with. Absent: single workspace. */
  encryption?: EncryptionKeys;
  /** The features this Liaison runs (tests may run fewer). */
  features?: readonly Feature[];
}): SlackDeps {
  const { db, clock, logger } = input;
  const features = createFeatureRegistry(input.features ?? FEATURES, { db });
  const calendar = createCalendarFeature({ repo: createCalendarPrismaRepository(db.prisma), clock });
  const schedules = createSchedulesService({
    repo: createSchedulesPrismaRepository(db.prisma),
    clock,
    calendars: calendar.calendars,
  });
  const slackClients = createWorkspaceSlackClients();
  const installations = createInstallationsService({
    repo: createInstallationsPrismaRepository(db.prisma),
    ...(input.encryption ? { cipher: createTokenCipher(input.encryption) } : {}),
    clock,
    defaults: input.defaults,
    calendars: calendar.calendars,
    onTokenChanged: (workspaceId) => slackClients.forget(workspaceId),
    // Every installed workspace gets the standing schedules, not only the environment's team.
    onInstalled: (workspace) => onWorkspaceInstalled(deps, workspace),
    onRefreshError: (error, key) =>
      logger.warn(
        { err: error, installation: key },
        'could not refresh a cached installation; serving the cached one',
      ),
  });
  const authorization = buildAuthorization({ db, clock });
  const people = createPeopleService({
    repo: createPeoplePrismaRepository(db.prisma),
    clock,
    onDirectoryError: (error, slackUserId) =>
      logger.warn({ err: error, slackUserId }, 'could not read a profile from Slack; using what is stored'),
  });
  const notifications = buildNotificationsDeps({ db, clock, kinds: features.notificationKinds });
  const homeTab = createHomeTab({
    service: createHomeService({ repo: createHomePrismaRepository(db.prisma) }),
    clock,
    logger,
  });
  const actionItems = buildActionItemsDeps({
    db,
    clock,
    logger,
    authorization,
    calendar,
    notifications,
    defaultLocale: input.defaults.locale,
    requestHomeRefresh: (workspaceId, personIds) => deps.home.requestRefresh(workspaceId, personIds),
  });
  const escalationCards = buildEscalationCards({
    db,
    clock,
    logger,
    slackClients,
    notify: notifications.notify,
    defaults: input.defaults,
  });
  const workspaces = createWorkspacesService({
    repo: createWorkspacesPrismaRepository(db.prisma),
    defaults: input.defaults,
    orgWorkspaceFor: (enterpriseId) => installations.orgWorkspaceFor(enterpriseId),
  });
  db.statements.observe(forgetOnWritesTo(['Workspace', '*'], workspaces.forgetAll));
  const deps: SlackDeps = {
    workspaces,
    installations,
    authorization,
    people,
    departments: createDepartmentsService({
      repo: createDepartmentsPrismaRepository(db.prisma),
      authorization,
      clock,
      // Read at call time: main.ts or a test may put a real Home refresher in deps.home.
      memberships: {
        requestRefresh: (workspaceId, personIds) => deps.home.requestRefresh(workspaceId, personIds),
      },
      // A channel that now speaks another language gets its open cards in it.
      onLanguageChanged: (workspaceId, departmentIds) =>
        escalationCards.refresher.refreshDepartments(workspaceId, departmentIds),
    }),
    admins: createAdminsService({ repo: createAdminsPrismaRepository(db.prisma), authorization, people }),
    auditLog: createAuditLogService({ repo: createAuditLogPrismaRepository(db.prisma), authorization }),
    calendar,
    schedules,
    actionItems: actionItems.service,
    actionItemNotices: actionItems.notices,
    escalations: buildEscalationsService({
      db,
      clock,
      logger,
      calendar,
      notify: notifications.notify,
      defaults: input.defaults,
      actionItems: actionItems.service,
      onChanged: (change) => {
        escalationCards.refresher.requestRefresh(change.workspaceId, change.escalationId);
        // Read at call time: main.ts or a test may put a real Home refresher in deps.home.
        deps.home.requestRefresh(change.workspaceId, change.personIds);
      },
    }),
    escalationCards,
    calendarCoverage: buildCalendarCoverage({
      db,
      clock,
      logger,
      calendar,
      notifications,
      defaultLocale: input.defaults.locale,
    }),
    assessment: buildAssessmentService({ db, clock, authorization }),
    exports: createExportService({
      repo: createExportPrismaRepository(db.prisma),
      // Each feature contributes what it keeps about people (src/features: `exportSections`).
      sections: features.features.flatMap((feature) => feature.exportSections?.({ db }) ?? []),
      clock,
      authorization,
    }),
    notifications,
    directory: buildDirectoryDeps({ db, clock, logger, notifications, slackClients }),
    inboundEvents: createInboundEventGate({ repo: createInboundEventsPrismaRepository(db.prisma), clock }),
    formSubmissions: createFormSubmissionGate({
      repo: createFormSubmissionsPrismaRepository(db.prisma),
      clock,
    }),
    slackClients,
    features,
    homeTab,
    home: createPacedHomeRefresher({ homeTab, clients: slackClients, logger }),
    llm: buildLlm({
      db,
      clock,
      logger,
      llm: input.llm,
      ...(input.llmDailyTokenBudget !== undefined ? { dailyTokenBudget: input.llmDailyTokenBudget } : {}),
    }),
    defaults: input.defaults,
    isDatabaseReachable: databaseReachability(db),
    clock,
    logger,
  };
  attachFeatureSurfaces(deps);
  return deps;
}
