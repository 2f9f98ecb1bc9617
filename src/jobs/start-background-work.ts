import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { startDeliveryWorker } from '../modules/delivery/delivery-worker-loop.js';
import type { Clock } from '../modules/shared/clock.js';
import { buildDeliveryWorker } from '../slack/delivery/notification-services.js';
import { createWorkspaceSenders } from '../slack/delivery/workspace-senders.js';
import type { SlackDeps } from '../slack/deps.js';
import { actionItemRemindersJob, ensureActionItemRemindersSchedule } from './action-item-reminders.job.js';
import { calendarCoverageJob, ensureCalendarCoverageSchedule } from './calendar-coverage.job.js';
import { directorySyncJob, ensureDirectorySyncSchedule } from './directory-sync.job.js';
import { ensureEscalationAssessmentSchedule, escalationAssessmentJob } from './escalation-assessment.job.js';
import { ensureEscalationSlaSchedule, escalationSlaJob } from './escalation-sla.job.js';
import { ensureHeartbeatSchedule } from './heartbeat.job.js';
import { startScheduling } from './start-scheduling.js';

/**
 * What runs besides answering Slack: the scheduler of record (ticks every minute; the
 * database hands each slot to one replica) and the outbox worker (paced bulk sends on
 * Slack clients of their own, so a 429 on fan-out never stalls a person's command). Each
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
    handlers: [
      directorySyncJob({ runner: deps.directory.runner }),
      actionItemRemindersJob({ notices: deps.actionItemNotices }),
      escalationAssessmentJob({ assessment: deps.assessment }),
      escalationSlaJob({ escalations: deps.escalations, cards: deps.escalationCards.refresher }),
      calendarCoverageJob({
        coverage: deps.calendarCoverage,
        requestHomeRefresh: (workspaceId, personIds) => deps.home.requestRefresh(workspaceId, personIds),
      }),
    ],
  });
  if (input.slack.teamId) {
    const workspace = await deps.workspaces.forTeam({ teamId: input.slack.teamId });
    await ensureHeartbeatSchedule(deps.schedules, workspace.id);
    await ensureDirectorySyncSchedule(deps.schedules, workspace);
    await ensureActionItemRemindersSchedule(deps.schedules, workspace.id);
    await ensureEscalationSlaSchedule(deps.schedules, workspace.id);
    await ensureEscalationAssessmentSchedule(deps.schedules, workspace);
    await ensureCalendarCoverageSchedule(deps.schedules, workspace);
  }

  const sender = createWorkspaceSenders({ slackClients: deps.slackClients });
  const delivery = startDeliveryWorker({
    logger,
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
