import type { AssessmentService } from '../../modules/escalations/assessment.service.js';
import type { JobHandler } from '../../modules/scheduling/job-handler.types.js';
import type { SchedulesService } from '../../modules/scheduling/schedules.service.js';

export const ESCALATION_ASSESSMENT_KIND = 'escalations.assessment';

/**
 * Nightly, per workspace: recomputes the joint assessment of the current quarter, and of the
 * previous one during the first 7 days of a quarter (answers and decisions that land late),
 * storing one AssessmentSnapshot per department and quarter. After that a quarter's snapshot
 * is kept as it is. Recomputing is idempotent (an upsert), so a retried slot is harmless and
 * a missed night is worth one late run.
 */
export function escalationAssessmentJob(deps: {
  assessment: Pick<AssessmentService, 'recompute'>;
}): JobHandler {
  return {
    kind: ESCALATION_ASSESSMENT_KIND,
    catchUp: { policy: 'run-once-late' },
    async run(context) {
      return { result: { quarters: await deps.assessment.recompute(context.workspaceId) } };
    },
  };
}

/** Gives a workspace its nightly assessment (02:30 in the workspace's zone) unless it has one. */
export async function ensureEscalationAssessmentSchedule(
  schedules: SchedulesService,
  workspace: { id: string; defaultTimeZone: string },
): Promise<void> {
  const existing = await schedules.list(workspace.id);
  if (existing.some((schedule) => schedule.kind === ESCALATION_ASSESSMENT_KIND)) return;
  await schedules.create({
    workspaceId: workspace.id,
    kind: ESCALATION_ASSESSMENT_KIND,
    name: 'Escalations joint assessment',
    recurrence: { type: 'cron', expression: '30 2 * * *' },
    timeOfDay: '02:30',
    timeZone: workspace.defaultTimeZone,
  });
}
