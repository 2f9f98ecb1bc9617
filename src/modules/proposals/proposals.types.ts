import type { LocalDate } from '../calendar/local-date.rules.js';

/** PROPOSED → ACCEPTED (an action item now exists) | DECLINED. Both are final. */
export type ProposalStatus = 'PROPOSED' | 'ACCEPTED' | 'DECLINED';

/** Where a proposal was drafted from: a decision on an escalation, or a meeting's notes. */
export type ProposalSourceType = 'escalation' | 'meeting';

/** Which path drafted it. */
export type DraftedBy = 'model' | 'rules';

export interface ProposalDto {
  id: string;
  workspaceId: string;
  sourceType: ProposalSourceType;
  /** The escalation's or the meeting's id. */
  sourceId: string;
  decisionId: string | null;
  agendaItemId: string | null;
  title: string;
  /** Null: unassigned (offered to the owner department's lead). */
  proposedOwnerPersonId: string | null;
  ownerDepartmentId: string | null;
  dueOn: LocalDate;
  /** Receipts: refs of the facts it rests on. */
  refs: string[];
  draftedBy: DraftedBy;
  model: string | null;
  requestedByPersonId: string | null;
  offeredToPersonId: string | null;
  status: ProposalStatus;
  actedByPersonId: string | null;
  actedAt: Date | null;
  actionItemId: string | null;
  createdAt: Date;
}

export type NewProposal = Omit<
  ProposalDto,
  'id' | 'status' | 'actedByPersonId' | 'actedAt' | 'actionItemId' | 'createdAt'
>;

/** What the person accepting may change first (the Edit… modal). */
export interface ProposalEdits {
  title?: string;
  ownerPersonId?: string;
  dueOn?: LocalDate;
}

/** What accepting settles on: the action item's fields. */
export interface AcceptedItem {
  title: string;
  ownerPersonId: string;
  ownerDepartmentId: string | null;
  dueOn: LocalDate;
}
