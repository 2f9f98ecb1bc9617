import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { startDeliveryWorker } from '../modules/delivery/delivery-worker-loop.js';
import type { Clock } from '../modules/shared/clock.js';
import { buildDeliveryWorker } from '../slack/delivery/notification-services.js';
import { createPacedSlackSender } from '../slack/delivery/paced-slack-sender.js';
import { createBulkClient } from '../slack/delivery/slack-clients.js';
import type { SlackDeps } from '../slack/deps.js';
import { ensureHeartbeatSchedule } from './heartbeat.job.js';
import { startScheduling } from './start-scheduling.js';

/**
 * What runs besides answering Slack: the scheduler of record (ticks every minute; the
 * database hands each slot to one replica) and the outbox worker (paced bulk sends on a
 * Slack client of its own, so a 429 on fan-out never stalls a person's command).
 */
export async function startBackgroundWork(input: {
  db: Database;
  deps: SlackDeps;
  clock: Clock;
  logger: Logger;
  slack: { botToken: string; apiUrl: string; teamId: string };
}): Promise<{ stop(): Promise<void> }> {
  const { db, deps, clock, logger } = input;
  const scheduling = startScheduling({ db, clock, logger, calendars: deps.calendar.calendars });
  const workspace = await deps.workspaces.forTeam({ teamId: input.slack.teamId });
  await ensureHeartbeatSchedule(deps.schedules, workspace.id);

  const sender = createPacedSlackSender({
    client: createBulkClient({ token: input.slack.botToken, apiUrl: input.slack.apiUrl }),
  });
  const delivery = startDeliveryWorker({
    logger,
    worker: buildDeliveryWorker({ db, clock, logger, sender, notifications: deps.notifications }),
  });
  return {
    async stop() {
      await scheduling.stop();
      await delivery.stop();
    },
  };
}
