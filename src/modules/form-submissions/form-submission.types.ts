/** One submission of a modal: the same view version submitted again has the same key. */
export interface FormSubmission {
  workspaceId: string;
  /** `<view id>:<view hash>` (Slack gives an updated view a new hash). */
  key: string;
  /** The form (callback_id), for the log. */
  callbackId: string;
}

/**
 * `claimed`: go ahead, this attempt is the one. `done`: an earlier attempt took effect.
 * `busy`: an earlier attempt is still at work (it will answer the person).
 */
export type SubmissionClaim = 'claimed' | 'done' | 'busy';
