import type { CheckInsService } from '../../modules/okrs/okr-check-ins.service.js';
import type { JobHandler } from '../../modules/scheduling/job-handler.types.js';
import type { SchedulesService } from '../../modules/scheduling/schedules.service.js';

export const OKR_CHECK_INS_KIND = 'okrs.check-ins';

/**
 * Every 15 minutes: the check-in prompts that are due (each owner at the cadence's local time
 * on their own first working date of the cycle), reminders half way to the close, and the
 * wrap-ups of windows that closed. Each pass does what is due now, so a missed slot is
 * caught up by the next one and only a recent one runs late.
 */
export function okrCheckInsJob(deps: { checkIns: CheckInsService }): JobHandler {
  return {
    kind: OKR_CHECK_INS_KIND,
    catchUp: { policy: 'skip-older-than', windowMs: 30 * 60_000 },
    async run(context) {
      return { result: await deps.checkIns.run(context.workspaceId) };
    },
  };
}

/** Gives a workspace its check-in pass unless it has it. */
export async function ensureOkrCheckInsSchedule(
  schedules: SchedulesService,
  workspaceId: string,
): Promise<void> {
  const existing = await schedules.list(workspaceId);
  if (existing.some((schedule) => schedule.kind === OKR_CHECK_INS_KIND)) return;
  await schedules.create({
    workspaceId,
    kind: OKR_CHECK_INS_KIND,
    name: 'OKR check-ins',
    recurrence: { type: 'cron', expression: '*/15 * * * *' },
    timeOfDay: '00:00',
    timeZone: 'UTC',
  });
}
