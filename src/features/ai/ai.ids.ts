/** What Slack sends back for the AI feature's buttons and modal. */
export const AI_ACTIONS = {
  /** On an escalation card and its notices: a private summary. Value: the escalation number. */
  summarize: 'ai.summarize',
  /** Under a private summary: post it in the card's thread. Value: the escalation number. */
  postSummary: 'ai.post_summary',
  /** On a proposal: value is the proposal id. */
  acceptProposal: 'ai.accept_proposal',
  editProposal: 'ai.edit_proposal',
  declineProposal: 'ai.decline_proposal',
} as const;

/** The "Edit the proposal" modal; private_metadata is `{"p": <proposal id>}`. */
export const AI_EDIT_PROPOSAL_VIEW = 'ai.edit_proposal_submit';

export const AI_BLOCKS = {
  summaryActions: 'ai.summary.actions',
  writtenBy: 'ai.written_by',
  proposalActions: 'ai.proposal.actions',
  editTitle: 'ai.edit.title',
  editDays: 'ai.edit.days',
} as const;
