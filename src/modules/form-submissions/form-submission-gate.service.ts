import type { Clock } from '../shared/clock.types.js';
import type { FormSubmission, SubmissionClaim } from './form-submission.types.js';
import type { FormSubmissionsRepository } from './form-submissions.repository.js';

/** How long a submission is remembered: far longer than any retry or second click. */
export const FORM_SUBMISSION_RETENTION_DAYS = 7;

export interface FormSubmissionGate {
  /**
   * Claims a submission for this attempt. When an earlier attempt is still at work, waits a
   * little for it (a double click arrives while the first is being handled): `done` if it took
   * effect, `claimed` if it gave the claim back (its form had errors), else `busy`.
   */
  claim(submission: FormSubmission): Promise<SubmissionClaim>;
  /** The attempt took effect: every later attempt with this key is `done`. */
  complete(submission: FormSubmission): Promise<void>;
  /** The attempt changed nothing (field errors, a failure): the form may be sent again. */
  release(submission: FormSubmission): Promise<void>;
  /** Forgets the workspace's submissions older than the retention; how many went. */
  purge(workspaceId: string): Promise<number>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function createFormSubmissionGate(deps: {
  repo: FormSubmissionsRepository;
  clock: Clock;
  /** Longer than any form's handling; after it, an abandoned claim (a dead process) is taken over. */
  leaseMs?: number;
  /** How long a repeat waits for an attempt at work (Slack waits 3 s for the answer). */
  waitMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}): FormSubmissionGate {
  const leaseMs = deps.leaseMs ?? 60_000;
  const waitMs = deps.waitMs ?? 2_000;
  const pollMs = deps.pollMs ?? 100;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  const tryClaim = (submission: FormSubmission) => {
    const now = deps.clock.now();
    return deps.repo.claim(submission, now, new Date(now.getTime() + leaseMs));
  };

  return {
    async claim(submission) {
      let outcome = await tryClaim(submission);
      for (let waited = 0; outcome === 'busy' && waited < waitMs; waited += pollMs) {
        await sleep(pollMs);
        outcome = await tryClaim(submission);
      }
      return outcome;
    },

    complete: (submission) => deps.repo.markDone(submission, deps.clock.now()),

    release: (submission) => deps.repo.release(submission),

    purge: (workspaceId) =>
      deps.repo.purgeBefore(
        workspaceId,
        new Date(deps.clock.now().getTime() - FORM_SUBMISSION_RETENTION_DAYS * DAY_MS),
      ),
  };
}
