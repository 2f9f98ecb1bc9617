import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { AI_ACTIONS } from '../../features/ai/ai.ids.js';
import type { Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { EscalationCardData } from '../../modules/escalations/escalation-cards.repository.js';
import { MISSED_LEVEL_ONE_REASON } from '../../modules/escalations/escalations.rules.js';
import type { EscalationStatus } from '../../modules/escalations/escalations.types.js';

import { ESCALATION_ACTIONS } from '../ids.js';
import { formatDate } from './calendar-format.js';
import { escapeMrkdwn } from './escape.js';

/** The card's data is the escalations module's (its repository reads it). */
export type { EscalationCardData };

export const ESCALATION_CARD_BLOCKS = {
  heading: 'escalation.card.heading',
  facts: 'escalation.card.facts',
  problem: 'escalation.card.problem',
  options: 'escalation.card.options',
  source: 'escalation.card.source',
  proposal: 'escalation.card.proposal',
  decision: 'escalation.card.decision',
  meeting: 'escalation.card.meeting',
  actions: 'escalation.card.actions',
  /** "Summarize": a private, cited summary for whoever presses it (src/features/ai). */
  summarize: 'escalation.card.summarize',
  context: 'escalation.card.context',
  /** The buttons on a DM notice. */
  noticeActions: 'escalation.notice.actions',
} as const;

type ButtonKey = keyof typeof ESCALATION_ACTIONS;

/** Which buttons make sense in each status (the service still decides who may press them). */
export const BUTTONS_FOR_STATUS: Record<EscalationStatus, readonly ButtonKey[]> = {
  OPEN: ['acknowledge', 'propose', 'resolve', 'escalate', 'reassign', 'markForMeeting'],
  ACKNOWLEDGED: ['propose', 'resolve', 'escalate', 'reassign', 'markForMeeting'],
  PROPOSED: ['accept', 'reject', 'resolve', 'escalate', 'markForMeeting'],
  RESOLVED: ['reopen'],
};

const SECTION_MAX = 2900;
const clip = (text: string) => (text.length > SECTION_MAX ? `${text.slice(0, SECTION_MAX)}…` : text);

/**
 * Slack's date token: every viewer sees the moment in their own zone and language; the
 * fallback (UTC) is for clients that cannot render it.
 */
export function slackDate(at: Date): string {
  const unix = Math.floor(at.getTime() / 1000);
  const fallback = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${unix}^{date_short_pretty} {time}|${fallback}>`;
}

const mention = (slackId: string) => `<@${slackId}>`;

function button(key: ButtonKey, number: number, t: Translate): Button {
  return {
    type: 'button',
    action_id: ESCALATION_ACTIONS[key],
    text: { type: 'plain_text', text: t(`escalationCards.buttons.${key}`) },
    value: String(number),
    ...(key === 'acknowledge' || key === 'accept' ? { style: 'primary' as const } : {}),
  };
}

/** The buttons for a status, as an actions block. */
export function escalationButtons(
  number: number,
  keys: readonly ButtonKey[],
  t: Translate,
  blockId: string,
): ActionsBlock {
  return { type: 'actions', block_id: blockId, elements: keys.map((key) => button(key, number, t)) };
}

/**
 * The card in a department's channel, in the workspace's language (a whole channel reads
 * it). Every text a person typed is escaped, so `<!channel>` in a title notifies nobody.
 */
export function escalationCardMessage(
  card: EscalationCardData,
  reader: { t: Translate; locale: SupportedLocale },
): { text: string; blocks: KnownBlock[] } {
  const { t, locale } = reader;
  const esc = `ESC-${card.number}`;
  const title = escapeMrkdwn(card.title);
  const severity = t(`escalations.severity.${card.severity}`);
  const status = t(`escalations.status.${card.status}`);
  const mustAct = card.assigneeSlackId
    ? t('escalationCards.card.assignee', { person: mention(card.assigneeSlackId) })
    : card.mustActSlackIds.length > 0
      ? card.mustActSlackIds.map(mention).join(' ')
      : t('escalationCards.card.nobody');
  const resolved = card.status === 'RESOLVED';
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      block_id: ESCALATION_CARD_BLOCKS.heading,
      text: { type: 'mrkdwn', text: clip(t('escalationCards.card.heading', { esc, title })) },
    },
    {
      type: 'section',
      block_id: ESCALATION_CARD_BLOCKS.facts,
      fields: [
        { type: 'mrkdwn', text: t('escalationCards.card.severity', { value: severity }) },
        { type: 'mrkdwn', text: t('escalationCards.card.status', { value: status }) },
        { type: 'mrkdwn', text: t('escalationCards.card.level', { value: card.level }) },
        ...(resolved
          ? []
          : [
              { type: 'mrkdwn' as const, text: t('escalationCards.card.mustAct', { value: mustAct }) },
              {
                type: 'mrkdwn' as const,
                text: t('escalationCards.card.deadline', {
                  value: card.slaDueAt ? slackDate(card.slaDueAt) : t('escalationCards.card.noDeadline'),
                }),
              },
            ]),
      ],
    },
    {
      type: 'section',
      block_id: ESCALATION_CARD_BLOCKS.problem,
      text: {
        type: 'mrkdwn',
        text: clip(
          [
            t('escalationCards.card.blocked', { value: escapeMrkdwn(card.blocked) }),
            t('escalationCards.card.impact', { value: escapeMrkdwn(card.impact) }),
            t('escalationCards.card.decisionNeeded', { value: escapeMrkdwn(card.decisionNeeded) }),
            ...(card.wantedBy
              ? [t('escalationCards.card.wantedBy', { value: formatDate(card.wantedBy, locale) })]
              : []),
          ].join('\n\n'),
        ),
      },
    },
  ];
  if (card.options.length > 0) {
    const lines = card.options.map(
      (o) =>
        `• ${escapeMrkdwn(o.label)}${o.recommended ? ` *${t('escalationCards.card.recommended')}*` : ''}`,
    );
    blocks.push({
      type: 'section',
      block_id: ESCALATION_CARD_BLOCKS.options,
      text: { type: 'mrkdwn', text: clip(t('escalationCards.card.options', { value: lines.join('\n') })) },
    });
  }
  if (card.sourcePermalink && /^https:\/\/[^\s<>|]+$/.test(card.sourcePermalink)) {
    const quote = card.sourceQuote
      ? `\n${t('escalationCards.card.sourceQuote', { quote: escapeMrkdwn(card.sourceQuote).replace(/\n/g, '\n> ') })}`
      : '';
    blocks.push({
      type: 'section',
      block_id: ESCALATION_CARD_BLOCKS.source,
      text: {
        type: 'mrkdwn',
        text: clip(`${t('escalationCards.card.source', { url: card.sourcePermalink })}${quote}`),
      },
    });
  }
  if (card.proposal && !resolved) {
    blocks.push({
      type: 'section',
      block_id: ESCALATION_CARD_BLOCKS.proposal,
      text: {
        type: 'mrkdwn',
        text: clip(
          t('escalationCards.card.proposal', {
            person: card.proposedBySlackId ? mention(card.proposedBySlackId) : '?',
            value: escapeMrkdwn(card.proposal),
          }),
        ),
      },
    });
  }
  if (card.decision && resolved) {
    blocks.push({
      type: 'section',
      block_id: ESCALATION_CARD_BLOCKS.decision,
      text: {
        type: 'mrkdwn',
        text: clip(
          t('escalationCards.card.decision', {
            person: mention(card.decision.decidedBySlackId),
            date: slackDate(card.decision.decidedAt),
            value: escapeMrkdwn(card.decision.text),
          }),
        ),
      },
    });
  }
  if (card.markedForMeeting && !resolved) {
    const given = card.markedForMeetingReason;
    const reason = !given
      ? ''
      : given === MISSED_LEVEL_ONE_REASON
        ? t('escalationCards.card.flagReasonMissedLevelOne')
        : `: ${escapeMrkdwn(given)}`;
    blocks.push({
      type: 'context',
      block_id: ESCALATION_CARD_BLOCKS.meeting,
      elements: [{ type: 'mrkdwn', text: clip(t('escalationCards.card.meeting', { reason })) }],
    });
  }
  blocks.push(
    escalationButtons(card.number, BUTTONS_FOR_STATUS[card.status], t, ESCALATION_CARD_BLOCKS.actions),
    {
      type: 'actions',
      block_id: ESCALATION_CARD_BLOCKS.summarize,
      elements: [
        {
          type: 'button',
          action_id: AI_ACTIONS.summarize,
          text: { type: 'plain_text', text: t('ai.summary.button') },
          value: String(card.number),
        },
        // A decided card: its decision's action items, drafted as proposals (src/features/ai).
        ...(card.decision && resolved
          ? [
              {
                type: 'button' as const,
                action_id: AI_ACTIONS.draftActions,
                text: { type: 'plain_text' as const, text: t('ai.proposals.button') },
                value: String(card.number),
              },
            ]
          : []),
      ],
    },
  );
  const departments = card.departments
    .map((d) => escapeMrkdwn(locale === 'zh-CN' ? d.nameZh : d.nameEn))
    .join(' ↔ ');
  blocks.push({
    type: 'context',
    block_id: ESCALATION_CARD_BLOCKS.context,
    elements: [
      {
        type: 'mrkdwn',
        text: t('escalationCards.card.raisedBy', { person: mention(card.raisedBySlackId), departments }),
      },
    ],
  });
  return {
    text: t('escalationCards.card.fallback', { esc, severity, status, level: card.level, title }),
    blocks,
  };
}
