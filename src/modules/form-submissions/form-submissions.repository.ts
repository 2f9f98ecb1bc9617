import type { FormSubmission, SubmissionClaim } from './form-submission.types.js';

export interface FormSubmissionsRepository {
  /**
   * Claims a submission until `leaseUntil`, unless it is done or held under a live lease
   * (a claim whose lease ran out was abandoned and is taken over). Safe under concurrent callers.
   */
  claim(submission: FormSubmission, now: Date, leaseUntil: Date): Promise<SubmissionClaim>;
  markDone(submission: FormSubmission, now: Date): Promise<void>;
  /** Gives back a claim whose attempt changed nothing (field errors, a failure), so the form can be sent again. */
  release(submission: FormSubmission): Promise<void>;
  /** Deletes the workspace's submissions created before `before`; how many went. */
  purgeBefore(workspaceId: string, before: Date): Promise<number>;
}
