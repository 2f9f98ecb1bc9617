/** What Slack sends back for the AI feature's buttons and modal. */
export const AI_ACTIONS = {
  /** On an escalation card and its notices: a private summary. Value: the escalation number. */
  summarize: 'ai.summarize',
  /** Under a private summary: post it in the card's thread. Value: the escalation number. */
  postSummary: 'ai.post_summary',
  /** On a decided card: draft action items from its decision as proposals. Value: the escalation number. */
  draftActions: 'ai.draft_actions',
  /** On a proposal: value is the proposal id. */
  acceptProposal: 'ai.accept_proposal',
  editProposal: 'ai.edit_proposal',
  declineProposal: 'ai.decline_proposal',
} as const;

/** The "Edit and accept" modal; private_metadata is `{"p": <proposal id>, "c": <DM channel>, "ts": <DM ts>}`. */
export const AI_EDIT_PROPOSAL_VIEW = 'ai.edit_proposal_submit';

export const AI_BLOCKS = {
  summaryActions: 'ai.summary.actions',
  writtenBy: 'ai.written_by',
  proposalActions: 'ai.proposal.actions',
  editTitle: 'ai.edit.title',
  editOwner: 'ai.edit.owner',
  editDue: 'ai.edit.due',
  draftActions: 'ai.draft.actions',
} as const;

/** The one element id inside each input block of the edit modal. */
export const AI_FIELD = 'value';

/** The notes modal (`/meeting notes [MTG-n]`); private_metadata is `{"s": <series number> | null}`. */
export const AI_MEETING_NOTES_VIEW = 'ai.meeting_notes_submit';
export const AI_NOTES_BLOCK = 'ai.notes.text';
