import type { Config } from './config/env.js';
import type { Database } from './db/database.js';
import { databaseReachability } from './db/database-health.js';
import type { LlmClient } from './llm/llm-client.js';
import type { Logger } from './logger.js';
import { createAccessPrismaRepository } from './modules/access/access.prisma-repository.js';
import { createAuthorization } from './modules/access/authorization.service.js';
import { createCalendarPrismaRepository } from './modules/calendar/calendar.prisma-repository.js';
import { createCalendarFeature } from './modules/calendar/index.js';
import { createInboundEventGate } from './modules/inbound-events/inbound-event-gate.service.js';
import { createInboundEventsPrismaRepository } from './modules/inbound-events/inbound-events.prisma-repository.js';
import { createPeoplePrismaRepository } from './modules/people/people.prisma-repository.js';
import { createPeopleService } from './modules/people/people.service.js';
import { createSchedulesPrismaRepository, createSchedulesService } from './modules/scheduling/index.js';
import type { Clock } from './modules/shared/clock.js';
import { createWorkspacesPrismaRepository } from './modules/workspaces/workspaces.prisma-repository.js';
import { createWorkspacesService } from './modules/workspaces/workspaces.service.js';
import { buildNotificationsDeps } from './slack/delivery/notification-services.js';
import type { SlackDeps } from './slack/deps.js';
import { noHomeRefresher } from './slack/home/home-refresher.js';
import { createWorkspaceSlackClients } from './slack/workspace-clients.js';

/**
 * Wires repositories into services. main.ts, the local console and the tests all build
 * Liaison through this one function, so what is tested is what runs.
 */
export function buildSlackDeps(input: {
  db: Database;
  clock: Clock;
  logger: Logger;
  llm: Pick<LlmClient, 'mode' | 'model'>;
  defaults: Config['defaults'];
}): SlackDeps {
  const { db, clock, logger } = input;
  const calendar = createCalendarFeature({ repo: createCalendarPrismaRepository(db.prisma), clock });
  return {
    workspaces: createWorkspacesService({
      repo: createWorkspacesPrismaRepository(db.prisma),
      defaults: input.defaults,
    }),
    authorization: createAuthorization({ repo: createAccessPrismaRepository(db.prisma) }),
    people: createPeopleService({
      repo: createPeoplePrismaRepository(db.prisma),
      clock,
      onDirectoryError: (error, slackUserId) =>
        logger.warn({ err: error, slackUserId }, 'could not read a profile from Slack; using what is stored'),
    }),
    calendar,
    schedules: createSchedulesService({
      repo: createSchedulesPrismaRepository(db.prisma),
      clock,
      calendars: calendar.calendars,
    }),
    notifications: buildNotificationsDeps({ db, clock }),
    inboundEvents: createInboundEventGate({ repo: createInboundEventsPrismaRepository(db.prisma), clock }),
    slackClients: createWorkspaceSlackClients(),
    home: noHomeRefresher,
    llm: { mode: input.llm.mode, model: input.llm.model },
    defaults: input.defaults,
    isDatabaseReachable: databaseReachability(db),
    clock,
    logger,
  };
}
