import type { KpiBreachesService } from '../../modules/kpis/kpi-breaches.service.js';
import type { JobHandler } from '../../modules/scheduling/job-handler.types.js';
import type { SchedulesService } from '../../modules/scheduling/schedules.service.js';

export const KPI_BREACH_SWEEP_KIND = 'kpis.breaches.sweep';

/**
 * Every five minutes, per workspace: breach alerts, escalations and recovery notices still
 * owed (the process died between recording the breach and posting, or a post failed) are
 * sent, instead of waiting for the KPI's next value. Each is claimed on its breach row first.
 */
export function kpiBreachSweepJob(deps: { breaches: Pick<KpiBreachesService, 'sweep'> }): JobHandler {
  return {
    kind: KPI_BREACH_SWEEP_KIND,
    catchUp: { policy: 'run-once-late' },
    async run(context) {
      return { result: await deps.breaches.sweep(context.workspaceId) };
    },
  };
}

/** Gives a workspace its five-minute breach sweep unless it has one (idempotent). */
export async function ensureKpiBreachSweepSchedule(
  schedules: SchedulesService,
  workspaceId: string,
): Promise<void> {
  const existing = await schedules.list(workspaceId);
  if (existing.some((schedule) => schedule.kind === KPI_BREACH_SWEEP_KIND)) return;
  await schedules.create({
    workspaceId,
    kind: KPI_BREACH_SWEEP_KIND,
    name: 'KPI breach alerts owed',
    recurrence: { type: 'cron', expression: '*/5 * * * *' },
    timeOfDay: '00:00',
    timeZone: 'UTC',
  });
}
