import type { JobHandler } from '../../modules/scheduling/job-handler.types.js';
import type { SchedulesService } from '../../modules/scheduling/schedules.service.js';
import type { Clock } from '../../modules/shared/clock.types.js';

export const HEARTBEAT_KIND = 'system.heartbeat';

/**
 * Proves the scheduler runs: each slot records when and where it ran (JobRun.result), and
 * `/liaison schedules` shows its last run. A missed heartbeat is still worth one late run.
 */
export function heartbeatJob(deps: { clock: Clock; instanceId: string }): JobHandler {
  return {
    kind: HEARTBEAT_KIND,
    catchUp: { policy: 'run-once-late' },
    async run(context) {
      return {
        result: {
          ranAt: deps.clock.now().toISOString(),
          instanceId: deps.instanceId,
          late: context.late,
          attempt: context.attempt,
        },
      };
    },
  };
}

/** Gives a workspace its hourly heartbeat schedule unless it has one (idempotent per process). */
export async function ensureHeartbeatSchedule(
  schedules: SchedulesService,
  workspaceId: string,
): Promise<void> {
  const existing = await schedules.list(workspaceId);
  if (existing.some((schedule) => schedule.kind === HEARTBEAT_KIND)) return;
  await schedules.create({
    workspaceId,
    kind: HEARTBEAT_KIND,
    name: 'Scheduler heartbeat',
    recurrence: { type: 'cron', expression: '0 * * * *' },
    timeOfDay: '00:00',
    timeZone: 'UTC',
  });
}
