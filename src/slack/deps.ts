import type { SupportedLocale } from '../config/env.js';
import type { Logger } from '../logger.js';
import type { Authorization } from '../modules/access/authorization.service.js';
import type { CalendarFeature } from '../modules/calendar/index.js';
import type { InboundEventGate } from '../modules/inbound-events/inbound-event-gate.service.js';
import type { PeopleService } from '../modules/people/people.service.js';
import type { SchedulesService } from '../modules/scheduling/schedules.service.js';
import type { Clock } from '../modules/shared/clock.js';
import type { WorkspacesService } from '../modules/workspaces/workspaces.service.js';
import type { NotificationsSlackDeps } from './delivery/notification-services.js';
import type { HomeRefresher } from './home/home-refresher.js';
import type { WorkspaceSlackClients } from './workspace-clients.js';

/** Everything listeners need, built once in main.ts (or a test) and passed to createSlackApp. */
export interface SlackDeps {
  workspaces: WorkspacesService;
  /** Who may do what; every service that changes shared state asks it first. */
  authorization: Authorization;
  people: PeopleService;
  inboundEvents: InboundEventGate;
  calendar: CalendarFeature;
  schedules: SchedulesService;
  notifications: NotificationsSlackDeps;
  /** Bot clients per workspace for background work (sync, Home refreshes, fan-out). */
  slackClients: WorkspaceSlackClients;
  home: HomeRefresher;
  llm: { mode: 'openai' | 'fallback'; model?: string };
  defaults: { locale: SupportedLocale; timeZone: string };
  /** Resolves false when the database does not answer; used to word the apology. */
  isDatabaseReachable: () => Promise<boolean>;
  clock: Clock;
  logger: Logger;
}
