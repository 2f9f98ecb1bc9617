import type { DigestService } from '../../modules/digest/digest.service.js';
import type { JobHandler } from '../../modules/scheduling/job-handler.types.js';
import type { SchedulesService } from '../../modules/scheduling/schedules.service.js';

export const DIGEST_SEND_KIND = 'digest.send';

/**
 * Every five minutes, per workspace: eligible people get their default setting, then each
 * digest whose slot has passed is sent. The Delivery key names the person and the period
 * (`digest.managers:<person>:weekly:2026-W50`), so a restart, a retried run or a second
 * replica never sends one twice; the slot then moves on (compare-and-set).
 */
export function digestSendJob(deps: { digest: Pick<DigestService, 'sendDue'> }): JobHandler {
  return {
    kind: DIGEST_SEND_KIND,
    catchUp: { policy: 'run-once-late' },
    async run(context) {
      return { result: await deps.digest.sendDue(context.workspaceId) };
    },
  };
}

/** Gives a workspace its five-minute digest pass unless it has one (idempotent). */
export async function ensureDigestSendSchedule(
  schedules: SchedulesService,
  workspaceId: string,
): Promise<void> {
  const existing = await schedules.list(workspaceId);
  if (existing.some((schedule) => schedule.kind === DIGEST_SEND_KIND)) return;
  await schedules.create({
    workspaceId,
    kind: DIGEST_SEND_KIND,
    name: 'Managers’ digests',
    recurrence: { type: 'cron', expression: '*/5 * * * *' },
    timeOfDay: '00:00',
    timeZone: 'UTC',
  });
}
