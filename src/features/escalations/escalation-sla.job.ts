import type { EscalationsService } from '../../modules/escalations/escalations.service.js';
import type { JobHandler } from '../../modules/scheduling/job-handler.types.js';
import type { SchedulesService } from '../../modules/scheduling/schedules.service.js';

export const ESCALATION_SLA_KIND = 'escalations.sla';

/**
 * Every minute, per workspace: escalations whose SLA deadline (an absolute time in the
 * database) has passed move up one level, each in its own transaction guarded by the unique
 * breach event, so a restart or a second replica neither loses nor doubles a breach; then
 * unacknowledged urgent ones are pinged again. Missed minutes need no replay: the next run
 * finds everything still due, so only the latest missed slot runs.
 */
/** Cards repaired per run at most (a lost update, a crash before posting): the rest next minute. */
export const STALE_CARDS_PER_RUN = 20;

export function escalationSlaJob(deps: {
  escalations: Pick<EscalationsService, 'sweep'>;
  /** Escalation cards behind their escalation are queued for a (paced) refresh. */
  cards?: { sweepStale(workspaceId: string, limit?: number): Promise<number> };
}): JobHandler {
  return {
    kind: ESCALATION_SLA_KIND,
    catchUp: { policy: 'run-once-late' },
    async run(context) {
      const result = await deps.escalations.sweep({ workspaceId: context.workspaceId });
      const staleCards = deps.cards
        ? await deps.cards.sweepStale(context.workspaceId, STALE_CARDS_PER_RUN)
        : 0;
      return { result: { ...result, staleCards } };
    },
  };
}

/** Gives a workspace its every-minute SLA schedule unless it has one (idempotent). */
export async function ensureEscalationSlaSchedule(
  schedules: SchedulesService,
  workspaceId: string,
): Promise<void> {
  const existing = await schedules.list(workspaceId);
  if (existing.some((schedule) => schedule.kind === ESCALATION_SLA_KIND)) return;
  await schedules.create({
    workspaceId,
    kind: ESCALATION_SLA_KIND,
    name: 'Escalation SLA ladder',
    recurrence: { type: 'cron', expression: '* * * * *' },
    timeOfDay: '00:00',
    timeZone: 'UTC',
  });
}
