import type { LocalDate } from '../calendar/local-date.rules.js';
import type { AcceptedItem, ProposalDto, ProposalEdits } from './proposals.types.js';

/** The longest title a proposal keeps (an action item's title allows 200). */
export const PROPOSAL_TITLE_MAX = 200;

/** Working days a drafted item is given when the input says nothing about timing. */
export const DEFAULT_DUE_WORKING_DAYS = 5;

/** The most items one draft proposes. */
export const MAX_PROPOSALS_PER_DRAFT = 8;

/** True while nobody has accepted or declined it. */
export function isOpen(proposal: Pick<ProposalDto, 'status'>): boolean {
  return proposal.status === 'PROPOSED';
}

/**
 * The action item accepting creates: the proposal as drafted, with the accepter's edits; an
 * unassigned proposal goes to whoever accepts it (the lead it was offered to, or an admin).
 */
export function acceptedItem(
  proposal: Pick<ProposalDto, 'title' | 'proposedOwnerPersonId' | 'ownerDepartmentId' | 'dueOn'>,
  acceptedBy: string,
  edits: ProposalEdits = {},
): AcceptedItem {
  const title = (edits.title ?? proposal.title).replace(/\s+/g, ' ').trim().slice(0, PROPOSAL_TITLE_MAX);
  return {
    title: title || proposal.title,
    ownerPersonId: edits.ownerPersonId ?? proposal.proposedOwnerPersonId ?? acceptedBy,
    ownerDepartmentId: proposal.ownerDepartmentId,
    dueOn: edits.dueOn ?? proposal.dueOn,
  };
}

/**
 * Sentences of a decision as separate things to do: split at sentence ends, semicolons and
 * line breaks (English and Chinese punctuation); Slack markup and fragments too short to act
 * on are dropped.
 */
export function actionSentences(text: string): string[] {
  return (
    text
      // Slack markup (<!channel>, <@U…>, <url|label>) is not something to do, and its "!" is not a sentence end.
      .replace(/<[^<>]*>/g, ' ')
      .split(/(?<=[.!?。！？；;])\s*|\n+/)
      .map((part) =>
        part
          .replace(/^[\s\-•*\d.)]+/, '')
          .replace(/[\s.;。；]+$/, '')
          .trim(),
      )
      .filter((part) => part.length >= 4)
      .slice(0, MAX_PROPOSALS_PER_DRAFT)
  );
}

/** A due date given by an edit: YYYY-MM-DD and not before today. */
export function isAcceptableDue(due: string, today: LocalDate): due is LocalDate {
  return /^\d{4}-\d{2}-\d{2}$/.test(due) && !Number.isNaN(Date.parse(`${due}T00:00:00Z`)) && due >= today;
}
