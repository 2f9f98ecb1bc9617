import { defineFeature } from '../feature.types.js';
import {
  ensureFormSubmissionsPurgeSchedule,
  FORM_SUBMISSIONS_PURGE_KIND,
  formSubmissionsPurgeJob,
} from './form-submissions-purge.job.js';

/**
 * Every modal's submission takes effect once (`onView` wraps each form's listener, see
 * src/slack/once-per-submission.ts); this feature keeps the memory of submissions a week,
 * and that of Slack events (the event-retry dedupe, ProcessedEvent) too.
 */
export const formSubmissionsFeature = defineFeature({
  name: 'form-submissions',
  jobs: [
    {
      kind: FORM_SUBMISSIONS_PURGE_KIND,
      handler: (deps) =>
        formSubmissionsPurgeJob({ formSubmissions: deps.formSubmissions, inboundEvents: deps.inboundEvents }),
      ensureSchedule: (deps, workspace) => ensureFormSubmissionsPurgeSchedule(deps.schedules, workspace.id),
    },
  ],
});
