import type { MeetingCycleService } from '../../modules/meetings/meeting-cycle.service.js';
import type { JobHandler } from '../../modules/scheduling/job-handler.types.js';
import type { SchedulesService } from '../../modules/scheduling/schedules.service.js';

export const MEETING_CYCLE_KIND = 'meetings.cycle';

/**
 * Every minute, per workspace: each series gets its next occurrence; collection opens (DMs
 * to leads), the one reminder goes out, the agenda is posted at the cut-off, the minutes
 * after the end. Each step's time is stamped on the occurrence once, so a missed minute needs
 * no replay: the next run finds everything still due.
 */
export function meetingCycleJob(deps: { cycle: MeetingCycleService }): JobHandler {
  return {
    kind: MEETING_CYCLE_KIND,
    catchUp: { policy: 'run-once-late' },
    async run(context) {
      return { result: await deps.cycle.run(context.workspaceId) };
    },
  };
}

/** Gives a workspace its every-minute meeting cycle unless it has one (idempotent). */
export async function ensureMeetingCycleSchedule(
  schedules: SchedulesService,
  workspaceId: string,
): Promise<void> {
  const existing = await schedules.list(workspaceId);
  if (existing.some((schedule) => schedule.kind === MEETING_CYCLE_KIND)) return;
  await schedules.create({
    workspaceId,
    kind: MEETING_CYCLE_KIND,
    name: 'Joint meetings',
    recurrence: { type: 'cron', expression: '* * * * *' },
    timeOfDay: '00:00',
    timeZone: 'UTC',
  });
}
