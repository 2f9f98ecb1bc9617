import { z } from 'zod';
import { localDateAt } from '../../modules/calendar/local-date.rules.js';
import { isAcceptableDue, isOpen } from '../../modules/proposals/proposals.rules.js';
import type { ProposalDto } from '../../modules/proposals/proposals.types.js';
import { DomainError } from '../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../../slack/deps.js';
import type { ButtonArgs, ViewSubmissionArgs } from '../../slack/listener-args.types.js';
import { readMetadata } from '../../slack/parsers/metadata.parser.js';
import { slackPeopleDirectory } from '../../slack/people-directory.js';
import type { RequestActor } from '../../slack/request-actor.js';
import { servicesOf } from '../feature-registry.js';
import { aiFeature } from './ai.feature.js';
import { AI_BLOCKS, AI_FIELD } from './ai.ids.js';
import { editProposalModal, proposalMessage } from './proposal.view.js';
import { proposalContext } from './proposal-offers.js';

const proposalId = z.string().uuid();

function idFrom(args: ButtonArgs): string {
  const parsed = proposalId.safeParse(args.action.value);
  if (!parsed.success)
    throw new DomainError(
      'ai.proposal_bad_button',
      { key: 'ai.proposals.errors.badButton' },
      { detail: `${args.action.action_id} carried ${String(args.action.value).slice(0, 100)}` },
    );
  return parsed.data;
}

/** The DM as it reads once someone acted: the proposal and its outcome, no buttons. */
async function settledMessage(deps: SlackDeps, proposal: ProposalDto, actor: RequestActor) {
  const context = await proposalContext(deps, proposal, actor.locale);
  let ownerSlackId: string | undefined;
  let dueOn: string | undefined;
  if (proposal.status === 'ACCEPTED' && proposal.actionItemId) {
    const item = await deps.actionItems.get(proposal.workspaceId, proposal.actionItemId);
    dueOn = item.dueOn;
    ownerSlackId = (
      await servicesOf(deps, aiFeature).draftsRepo.recipients(proposal.workspaceId, [item.ownerPersonId])
    ).get(item.ownerPersonId)?.slackUserId;
  }
  return proposalMessage(proposal, context, actor.t, actor.locale, {
    actorSlackId: actor.person.slackUserId,
    at: proposal.actedAt ?? new Date(),
    ...(ownerSlackId && dueOn ? { ownerSlackId, dueOn } : {}),
  });
}

/** Accept: the action item is created once; the DM shows who accepted it. */
export function acceptProposalButton(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const actor = await args.context.actor();
    const accepted = await servicesOf(deps, aiFeature).proposals.accept(actor.subject, idFrom(args));
    await args.respond({ replace_original: true, ...(await settledMessage(deps, accepted, actor)) });
  };
}

/** Decline: nothing is created; the DM shows who declined it. */
export function declineProposalButton(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const actor = await args.context.actor();
    const declined = await servicesOf(deps, aiFeature).proposals.decline(actor.subject, idFrom(args));
    await args.respond({ replace_original: true, ...(await settledMessage(deps, declined, actor)) });
  };
}

/** Edit…: for someone who may accept it, the modal with title, owner and due date filled in. */
export function editProposalButton(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const actor = await args.context.actor();
    const proposals = servicesOf(deps, aiFeature).proposals;
    const proposal = await proposals.get(actor.workspace.id, idFrom(args));
    if (!isOpen(proposal))
      throw new DomainError(
        'proposal.already_settled',
        {
          key:
            proposal.status === 'ACCEPTED'
              ? 'ai.proposals.errors.alreadyAccepted'
              : 'ai.proposals.errors.alreadyDeclined',
        },
        { detail: `proposal ${proposal.id} is ${proposal.status}` },
      );
    await proposals.authorize(actor.subject, proposal);
    const context = await proposalContext(deps, proposal, actor.locale);
    await args.client.views.open({
      trigger_id: args.body.trigger_id,
      view: editProposalModal(proposal, context.ownerSlackId, actor.t, {
        c: args.body.channel?.id ?? '',
        ts: args.body.message?.ts ?? '',
      }),
    });
  };
}

const editState = z.record(
  z.string(),
  z.record(
    z.string(),
    z.object({
      value: z.string().max(3_000).nullish(),
      selected_user: z
        .string()
        .regex(/^[UW][A-Z0-9]{2,30}$/)
        .nullish(),
      selected_date: z.string().max(40).nullish(),
    }),
  ),
);

/** The edit modal's three inputs, checked. */
function readEditState(values: unknown) {
  const parsed = editState.safeParse(values);
  if (!parsed.success)
    throw new DomainError(
      'view.bad_state',
      { key: 'ai.proposals.errors.badButton' },
      { detail: `unreadable view state: ${parsed.error.message.slice(0, 300)}` },
    );
  const field = (block: string) => parsed.data[block]?.[AI_FIELD];
  return {
    title: (field(AI_BLOCKS.editTitle)?.value ?? '').trim(),
    owner: field(AI_BLOCKS.editOwner)?.selected_user ?? null,
    due: field(AI_BLOCKS.editDue)?.selected_date ?? '',
  };
}

const editMetadata = z.object({ p: z.string().uuid(), c: z.string().max(40), ts: z.string().max(40) });

/** The Edit… modal was submitted: accepted with the changes, once; the DM shows the outcome. */
export function editProposalSubmission(deps: SlackDeps) {
  return async ({ ack, view, client, context }: ViewSubmissionArgs): Promise<void> => {
    const actor = await context.actor();
    const { p, c, ts } = readMetadata(view.private_metadata, editMetadata, {
      code: 'ai.proposal_bad_metadata',
      message: 'ai.proposals.errors.badButton',
      what: 'edit proposal modal metadata',
    });
    const state = readEditState(view.state.values);
    const title = state.title;
    if (!title)
      throw new DomainError(
        'proposal.empty_title',
        { key: 'ai.proposals.errors.emptyTitle' },
        { field: AI_BLOCKS.editTitle, detail: 'empty title' },
      );
    const due = state.due;
    if (!isAcceptableDue(due, localDateAt(deps.clock.now(), actor.timeZone)))
      throw new DomainError(
        'proposal.due_in_past',
        { key: 'ai.proposals.errors.dueInPast' },
        { field: AI_BLOCKS.editDue, detail: `due ${state.due.slice(0, 20)}` },
      );
    const ownerSlackId = state.owner;
    const ownerPersonId = ownerSlackId
      ? (
          await deps.people.identify(
            { workspaceId: actor.workspace.id, slackUserId: ownerSlackId, fallbackName: ownerSlackId },
            slackPeopleDirectory(client),
          )
        ).id
      : undefined;
    const accepted = await servicesOf(deps, aiFeature).proposals.accept(actor.subject, p, {
      title,
      dueOn: due,
      ...(ownerPersonId ? { ownerPersonId } : {}),
    });
    await ack();
    if (c && ts)
      await client.chat.update({ channel: c, ts, ...(await settledMessage(deps, accepted, actor)) });
  };
}
