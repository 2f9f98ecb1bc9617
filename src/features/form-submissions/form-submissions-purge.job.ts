import type { FormSubmissionGate } from '../../modules/form-submissions/form-submission-gate.service.js';
import type { InboundEventGate } from '../../modules/inbound-events/inbound-event-gate.service.js';
import type { JobHandler } from '../../modules/scheduling/job-handler.types.js';
import type { SchedulesService } from '../../modules/scheduling/schedules.service.js';

export const FORM_SUBMISSIONS_PURGE_KIND = 'form-submissions.purge';

/**
 * Daily, per workspace: forgets form submissions older than a week (long past any retry or
 * second click), and the ids of Slack events first seen more than a week ago (the event-retry
 * dedupe; a bounded batch, every team's), so neither table grows forever. Idempotent; a
 * missed day is one late run.
 */
export function formSubmissionsPurgeJob(deps: {
  formSubmissions: Pick<FormSubmissionGate, 'purge'>;
  inboundEvents: Pick<InboundEventGate, 'purge'>;
}): JobHandler {
  return {
    kind: FORM_SUBMISSIONS_PURGE_KIND,
    catchUp: { policy: 'run-once-late' },
    async run(context) {
      const purged = await deps.formSubmissions.purge(context.workspaceId);
      const eventsPurged = await deps.inboundEvents.purge();
      return { result: { purged, eventsPurged } };
    },
  };
}

/** Gives a workspace its daily purge (03:30 UTC) unless it has one. */
export async function ensureFormSubmissionsPurgeSchedule(
  schedules: SchedulesService,
  workspaceId: string,
): Promise<void> {
  const existing = await schedules.list(workspaceId);
  if (existing.some((schedule) => schedule.kind === FORM_SUBMISSIONS_PURGE_KIND)) return;
  await schedules.create({
    workspaceId,
    kind: FORM_SUBMISSIONS_PURGE_KIND,
    name: 'Forget old form submissions',
    recurrence: { type: 'cron', expression: '30 3 * * *' },
    timeOfDay: '03:30',
    timeZone: 'UTC',
  });
}
