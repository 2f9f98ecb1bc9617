/**
 * Proposals: what a language model or the rules drafted (action items now), stored as such
 * and offered to a person; nothing becomes an action item until someone with the right
 * accepts it. The proposed owner may accept or decline; so may a lead or head of the owner
 * department, or an admin (`action_items.manage`); anyone else is refused (audited, private).
 * Accepting creates the item through the action items service in the same transaction as
 * the proposal's conditional PROPOSED → ACCEPTED, so double clicks make one item.
 */
import type { Actor } from '../access/access.types.js';
import type { Authorization } from '../access/authorization.service.js';
import type { ActionItemsService } from '../action-items/action-items.service.js';
import type { Clock } from '../shared/clock.types.js';
import { DomainError } from '../shared/domain-error.types.js';
import type { ProposalsRepository } from './proposals.repository.js';
import { acceptedItem, isOpen } from './proposals.rules.js';
import type { NewProposal, ProposalDto, ProposalEdits } from './proposals.types.js';

export interface ProposalsService {
  propose(rows: readonly NewProposal[], actorSlackId: string | null): Promise<ProposalDto[]>;
  get(workspaceId: string, id: string): Promise<ProposalDto>;
  /** Accepts (with the accepter's edits): the action item is created once. */
  accept(actor: Actor, id: string, edits?: ProposalEdits): Promise<ProposalDto>;
  decline(actor: Actor, id: string): Promise<ProposalDto>;
  /** Refuses (audited) unless the actor may accept or decline this proposal. */
  authorize(actor: Actor, proposal: ProposalDto): Promise<void>;
}

export function createProposalsService(deps: {
  repo: ProposalsRepository;
  clock: Clock;
  authorization: Pick<Authorization, 'subjectOf' | 'require'>;
  actionItems: Pick<ActionItemsService, 'createMany'>;
}): ProposalsService {
  const { repo } = deps;

  async function get(workspaceId: string, id: string) {
    const proposal = await repo.find(workspaceId, id);
    if (!proposal)
      throw new DomainError(
        'proposal.not_found',
        { key: 'ai.proposals.errors.notFound' },
        { detail: `workspace ${workspaceId} has no proposal ${id}` },
      );
    return proposal;
  }

  function settled(proposal: ProposalDto): DomainError {
    return new DomainError(
      'proposal.already_settled',
      {
        key:
          proposal.status === 'ACCEPTED'
            ? 'ai.proposals.errors.alreadyAccepted'
            : 'ai.proposals.errors.alreadyDeclined',
      },
      { detail: `proposal ${proposal.id} is ${proposal.status}` },
    );
  }

  async function authorize(actor: Actor, proposal: ProposalDto) {
    if (actor.personId === proposal.proposedOwnerPersonId) return;
    const subject = await deps.authorization.subjectOf(actor.personId);
    await deps.authorization.require(
      subject,
      'action_items.manage',
      proposal.ownerDepartmentId ? { departmentId: proposal.ownerDepartmentId } : {},
    );
  }

  return {
    async propose(rows, actorSlackId) {
      if (rows.length === 0) return [];
      return repo.createMany(rows, actorSlackId);
    },
    get,
    authorize,
    async accept(actor, id, edits = {}) {
      const proposal = await get(actor.workspaceId, id);
      if (!isOpen(proposal)) throw settled(proposal);
      await authorize(actor, proposal);
      const item = acceptedItem(proposal, actor.personId, edits);
      const accepted = await repo.accept(
        actor.workspaceId,
        { id, actedByPersonId: actor.personId, actorSlackId: actor.slackUserId, at: deps.clock.now(), item },
        async (tx) => {
          const [created] = await deps.actionItems.createMany(
            [
              {
                workspaceId: actor.workspaceId,
                title: item.title,
                ownerPersonId: item.ownerPersonId,
                ownerDepartmentId: item.ownerDepartmentId,
                due: { date: item.dueOn },
                sourceType: proposal.sourceType,
                sourceId: proposal.sourceId,
                decisionId: proposal.decisionId,
                createdByPersonId: actor.personId,
              },
            ],
            { actorSlackId: actor.slackUserId, tx },
          );
          if (!created) throw new Error(`accepting proposal ${id} created no action item`);
          return created;
        },
      );
      if (!accepted) throw settled(await get(actor.workspaceId, id));
      return accepted;
    },
    async decline(actor, id) {
      const proposal = await get(actor.workspaceId, id);
      if (!isOpen(proposal)) throw settled(proposal);
      await authorize(actor, proposal);
      const declined = await repo.decline(actor.workspaceId, {
        id,
        actedByPersonId: actor.personId,
        actorSlackId: actor.slackUserId,
        at: deps.clock.now(),
      });
      if (!declined) throw settled(await get(actor.workspaceId, id));
      return declined;
    },
  };
}
