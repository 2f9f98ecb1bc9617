import type { KnownBlock, View } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import { formatDate } from '../../i18n/format.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { ProposalDto } from '../../modules/proposals/proposals.types.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';
import { AI_ACTIONS, AI_BLOCKS, AI_EDIT_PROPOSAL_VIEW, AI_FIELD } from './ai.ids.js';

/** What a proposal's DM shows besides the proposal itself. */
export interface ProposalContext {
  /** "ESC-4 — Stock for the stream" (plain text; escaped here). */
  source: string;
  ownerSlackId: string | null;
  departmentName: string | null;
  /** True when nobody was named and it went to the department's lead. */
  offeredAsLead: boolean;
}

export interface ProposalOutcome {
  actorSlackId: string;
  at: Date;
  /** Accepted: the item's owner and due date. */
  ownerSlackId?: string;
  dueOn?: string;
}

const mention = (slackId: string) => `<@${slackId}>`;

function details(proposal: ProposalDto, context: ProposalContext, t: Translate, locale: SupportedLocale) {
  return t('ai.proposals.fields', {
    title: escapeMrkdwn(proposal.title),
    owner: context.ownerSlackId ? mention(context.ownerSlackId) : t('ai.proposals.unassigned'),
    department: escapeMrkdwn(context.departmentName ?? '—'),
    due: formatDate(proposal.dueOn, locale),
    refs: proposal.refs.map(escapeMrkdwn).join(', '),
  });
}

/**
 * A proposal as its DM: what, who, which department, by when, what it rests on, who drafted
 * it — and Accept / Edit… / Decline while it is open, or the outcome once someone acted.
 */
export function proposalMessage(
  proposal: ProposalDto,
  context: ProposalContext,
  t: Translate,
  locale: SupportedLocale,
  outcome?: ProposalOutcome,
): { text: string; blocks: KnownBlock[] } {
  const heading = t('ai.proposals.heading', { source: escapeMrkdwn(context.source) });
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `${heading}\n${details(proposal, context, t, locale)}` },
    },
    {
      type: 'context',
      block_id: AI_BLOCKS.writtenBy,
      elements: [
        {
          type: 'mrkdwn',
          text:
            proposal.draftedBy === 'model'
              ? t('ai.writtenBy.model', { model: escapeMrkdwn(proposal.model ?? 'LLM') })
              : t('ai.writtenBy.rules', { reason: '' }),
        },
      ],
    },
  ];
  if (outcome) {
    const date = formatDate(outcome.at.toISOString().slice(0, 10), locale);
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text:
          outcome.ownerSlackId && outcome.dueOn
            ? t('ai.proposals.accepted', {
                person: mention(outcome.actorSlackId),
                date,
                owner: mention(outcome.ownerSlackId),
                due: formatDate(outcome.dueOn, locale),
              })
            : t('ai.proposals.declined', { person: mention(outcome.actorSlackId), date }),
      },
    });
  } else {
    if (context.offeredAsLead)
      blocks.push({
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: t('ai.proposals.offeredAsLead', {
              department: escapeMrkdwn(context.departmentName ?? '—'),
            }),
          },
        ],
      });
    blocks.push({
      type: 'actions',
      block_id: AI_BLOCKS.proposalActions,
      elements: [
        {
          type: 'button',
          style: 'primary',
          action_id: AI_ACTIONS.acceptProposal,
          text: { type: 'plain_text', text: t('ai.proposals.accept') },
          value: proposal.id,
        },
        {
          type: 'button',
          action_id: AI_ACTIONS.editProposal,
          text: { type: 'plain_text', text: t('ai.proposals.edit') },
          value: proposal.id,
        },
        {
          type: 'button',
          style: 'danger',
          action_id: AI_ACTIONS.declineProposal,
          text: { type: 'plain_text', text: t('ai.proposals.decline') },
          value: proposal.id,
        },
      ],
    });
  }
  return { text: `${heading.replace(/\*/g, '')}: ${proposal.title}`, blocks };
}

/** "Edit…": title, owner and due date prefilled; submitting accepts with the changes. */
export function editProposalModal(
  proposal: ProposalDto,
  ownerSlackId: string | null,
  t: Translate,
  metadata: { c: string; ts: string },
): View {
  return {
    type: 'modal',
    callback_id: AI_EDIT_PROPOSAL_VIEW,
    private_metadata: JSON.stringify({ p: proposal.id, ...metadata }),
    title: { type: 'plain_text', text: t('ai.proposals.modal.title') },
    submit: { type: 'plain_text', text: t('ai.proposals.modal.submit') },
    close: { type: 'plain_text', text: t('ai.proposals.modal.close') },
    blocks: [
      {
        type: 'input',
        block_id: AI_BLOCKS.editTitle,
        label: { type: 'plain_text', text: t('ai.proposals.modal.titleField') },
        element: {
          type: 'plain_text_input',
          action_id: AI_FIELD,
          initial_value: proposal.title,
          max_length: 200,
        },
      },
      {
        type: 'input',
        block_id: AI_BLOCKS.editOwner,
        label: { type: 'plain_text', text: t('ai.proposals.modal.owner') },
        optional: true,
        element: {
          type: 'users_select',
          action_id: AI_FIELD,
          ...(ownerSlackId ? { initial_user: ownerSlackId } : {}),
        },
      },
      {
        type: 'input',
        block_id: AI_BLOCKS.editDue,
        label: { type: 'plain_text', text: t('ai.proposals.modal.due') },
        element: { type: 'datepicker', action_id: AI_FIELD, initial_date: proposal.dueOn },
      },
    ],
  };
}
