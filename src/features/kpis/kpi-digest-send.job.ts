import type { KpiSubscriptionsService } from '../../modules/kpis/kpi-subscriptions.service.js';
import type { JobHandler } from '../../modules/scheduling/job-handler.types.js';
import type { SchedulesService } from '../../modules/scheduling/schedules.service.js';

export const KPI_DIGEST_SEND_KIND = 'kpis.digest.send';

/**
 * Every five minutes, per workspace: each channel KPI digest whose local time has passed is
 * claimed, posted and moved to its next slot, so a retried run or a second replica posts once.
 */
export function kpiDigestSendJob(deps: {
  subscriptions: Pick<KpiSubscriptionsService, 'sendDue'>;
}): JobHandler {
  return {
    kind: KPI_DIGEST_SEND_KIND,
    catchUp: { policy: 'run-once-late' },
    async run(context) {
      return { result: await deps.subscriptions.sendDue(context.workspaceId) };
    },
  };
}

/** Gives a workspace its five-minute channel KPI digest pass unless it has one (idempotent). */
export async function ensureKpiDigestSendSchedule(
  schedules: SchedulesService,
  workspaceId: string,
): Promise<void> {
  const existing = await schedules.list(workspaceId);
  if (existing.some((schedule) => schedule.kind === KPI_DIGEST_SEND_KIND)) return;
  await schedules.create({
    workspaceId,
    kind: KPI_DIGEST_SEND_KIND,
    name: 'Channel KPI digests',
    recurrence: { type: 'cron', expression: '*/5 * * * *' },
    timeOfDay: '00:00',
    timeZone: 'UTC',
  });
}
