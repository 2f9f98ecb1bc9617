import type { AcceptedItem, NewProposal, ProposalDto } from './proposals.types.js';

/** A transaction the action items service can write in (opaque here). */
export type ProposalsTx = unknown;

export interface ProposalsRepository {
  /** Stores drafted proposals with their 'proposal.drafted' audit rows, in one transaction. */
  createMany(rows: readonly NewProposal[], actorSlackId: string | null): Promise<ProposalDto[]>;
  find(workspaceId: string, id: string): Promise<ProposalDto | null>;
  /**
   * In one transaction: PROPOSED → ACCEPTED only if it is still PROPOSED (a conditional update,
   * so two clicks or two people create one item), then `createItem` in the same transaction,
   * then the item's id on the proposal. Null when it was no longer PROPOSED (nothing written).
   */
  accept(
    workspaceId: string,
    input: { id: string; actedByPersonId: string; actorSlackId: string; at: Date; item: AcceptedItem },
    createItem: (tx: ProposalsTx) => Promise<{ id: string }>,
  ): Promise<ProposalDto | null>;
  /** PROPOSED → DECLINED when still PROPOSED (audited); null otherwise. */
  decline(
    workspaceId: string,
    input: { id: string; actedByPersonId: string; actorSlackId: string; at: Date },
  ): Promise<ProposalDto | null>;
}
