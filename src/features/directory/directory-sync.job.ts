import type { JobHandler } from '../../modules/scheduling/job-handler.types.js';
import type { SchedulesService } from '../../modules/scheduling/schedules.service.js';
import type { DirectorySyncRunner } from '../../slack/directory/directory-sync-runner.js';

export const DIRECTORY_SYNC_KIND = 'directory.sync';

/**
 * The nightly directory refresh. It claims the workspace's sync like `/liaison sync` does:
 * an interrupted run (a crash, a deploy, a Slack outage) resumes from its saved cursor;
 * a sync already running means this slot is skipped. The pages are read in the background
 * (10,000 people take ≈ 2.5 minutes at Tier 2), so the scheduler's tick is not held up;
 * the sync run keeps its own lease and progress (`/liaison sync status`). A missed night
 * is worth one late run.
 */
export function directorySyncJob(deps: { runner: DirectorySyncRunner }): JobHandler {
  return {
    kind: DIRECTORY_SYNC_KIND,
    catchUp: { policy: 'run-once-late' },
    async run(context) {
      const outcome = await deps.runner.start({ workspaceId: context.workspaceId });
      if (outcome.kind === 'busy' || outcome.kind === 'not_installed')
        return { outcome: 'SKIPPED', result: { reason: outcome.kind } };
      return { result: { syncRunId: outcome.run.id, claim: outcome.kind, fromPage: outcome.run.pages } };
    },
  };
}

/**
 * Gives a workspace its nightly directory sync unless it has one: 04:00 in the workspace's
 * zone, when nobody is waiting on Slack's rate limits.
 */
export async function ensureDirectorySyncSchedule(
  schedules: SchedulesService,
  workspace: { id: string; defaultTimeZone: string },
): Promise<void> {
  const existing = await schedules.list(workspace.id);
  if (existing.some((schedule) => schedule.kind === DIRECTORY_SYNC_KIND)) return;
  await schedules.create({
    workspaceId: workspace.id,
    kind: DIRECTORY_SYNC_KIND,
    name: 'Directory sync from Slack',
    recurrence: { type: 'cron', expression: '0 4 * * *' },
    timeOfDay: '04:00',
    timeZone: workspace.defaultTimeZone,
  });
}
