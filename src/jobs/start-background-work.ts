import type { Database } from '../db/database.js';
import { ensureStandingSchedules } from '../features/feature-registry.js';
import type { Logger } from '../logger.js';
import { startDeliveryWorker } from '../modules/delivery/delivery-worker-loop.service.js';
import type { Clock } from '../modules/shared/clock.types.js';
import { createWorkspaceSenders } from '../slack/delivery/workspace-senders.js';
import type { SlackDeps } from '../slack/deps.js';
import { buildDeliveryWorker } from '../wiring/notifications.wiring.js';
import { startScheduling } from './start-scheduling.js';

/**
 * What runs besides answering Slack: the scheduler of record (ticks every minute; the
 * database hands each slot to one replica) and the outbox worker (paced bulk sends on
 * Slack clients of their own, so a 429 on fan-out never stalls a person's command; idle,
 * it sleeps until a row is queued here or falls due, or 30 s for other replicas' rows). Each
 * row goes out with its workspace's token (deps.slackClients, connected by main.ts to the
 * environment's token or to the installations); an uninstalled workspace's rows fail.
 */
export async function startBackgroundWork(input: {
  db: Database;
  deps: SlackDeps;
  clock: Clock;
  logger: Logger;
  /**
   * Single-workspace mode: the environment's team, given its standing schedules here. In
   * OAuth mode there is none; each workspace gets them when it installs Liaison.
   */
  slack: { teamId?: string };
}): Promise<{ stop(): Promise<void> }> {
  const { db, deps, clock, logger } = input;
  const scheduling = startScheduling({
    db,
    clock,
    logger,
    calendars: deps.calendar.calendars,
    // The one job registry: every feature's jobs (src/features/*/*.feature.ts).
    handlers: (runtime) => deps.features.jobs.map((job) => job.handler(deps, runtime)),
  });
  if (input.slack.teamId) {
    const workspace = await deps.workspaces.forTeam({ teamId: input.slack.teamId });
    await ensureStandingSchedules(deps, workspace);
  }

  const sender = createWorkspaceSenders({
    slackClients: deps.slackClients,
    onFilesLost: (detail) =>
      logger.warn(detail, "a delivered message's files could not be uploaded to its thread"),
  });
  const delivery = startDeliveryWorker({
    logger,
    clock,
    // Rung by this process's notify/enqueue: no polling while nothing is queued.
    wake: deps.notifications.deliveryWake,
    worker: buildDeliveryWorker({ db, clock, logger, sender, notifications: deps.notifications }),
  });
  return {
    async stop() {
      await deps.directory.runner.stop();
      await scheduling.stop();
      await delivery.stop();
    },
  };
}
