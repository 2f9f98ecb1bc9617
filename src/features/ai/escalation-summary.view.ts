import type { ContextBlock, KnownBlock } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import type { WrittenBy } from '../../modules/ai/llm-runs.types.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';
import { AI_ACTIONS, AI_BLOCKS } from './ai.ids.js';
import type { WrittenSummary } from './escalation-summary.service.js';

const SECTION_MAX = 2_900;
const clip = (text: string) => (text.length > SECTION_MAX ? `${text.slice(0, SECTION_MAX)}…` : text);

/** The modest note of which path wrote a text. */
export function writtenByNote(
  t: Translate,
  written: { writtenBy: WrittenBy; outcome: string; model?: string },
): ContextBlock {
  const reason =
    written.outcome === 'no_model' || written.outcome === 'over_budget' || written.outcome === 'breaker_open'
      ? t(`ai.writtenBy.reasons.${written.outcome}`)
      : t('ai.writtenBy.reasons.other');
  return {
    type: 'context',
    block_id: AI_BLOCKS.writtenBy,
    elements: [
      {
        type: 'mrkdwn',
        text:
          written.writtenBy === 'model'
            ? t('ai.writtenBy.model', { model: escapeMrkdwn(written.model ?? 'LLM') })
            : t('ai.writtenBy.rules', { reason }),
      },
    ],
  };
}

/**
 * A summary as Slack blocks: four sections, each line followed by its receipts. Every text
 * is escaped here (the lines were already made inert), so nothing in it notifies or links.
 */
export function escalationSummaryMessage(
  written: WrittenSummary,
  t: Translate,
  options: { offerThread: boolean },
): { text: string; blocks: KnownBlock[] } {
  const esc = `ESC-${written.source.escalation.number}`;
  const title = t('ai.summary.title', { esc, title: escapeMrkdwn(written.source.escalation.title) });
  const section = (heading: string, lines: { text: string; refs: string[] }[]): KnownBlock => ({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: clip(
        `${heading}\n${
          lines.length > 0
            ? lines
                .map((line) => `• ${escapeMrkdwn(line.text)} _(${line.refs.map(escapeMrkdwn).join(', ')})_`)
                .join('\n')
            : t('ai.summary.none')
        }`,
      ),
    },
  });
  const { summary } = written;
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: clip(title) } },
    section(t('ai.summary.positions'), summary.positions),
    section(t('ai.summary.options'), summary.options),
    section(t('ai.summary.risks'), summary.risks),
    section(t('ai.summary.decision'), summary.decision),
    writtenByNote(t, written),
  ];
  if (options.offerThread) {
    blocks.push({
      type: 'actions',
      block_id: AI_BLOCKS.summaryActions,
      elements: [
        {
          type: 'button',
          action_id: AI_ACTIONS.postSummary,
          text: { type: 'plain_text', text: t('ai.summary.postInThread') },
          value: String(written.source.escalation.number),
        },
      ],
    });
  }
  return { text: title.replace(/\*/g, ''), blocks };
}
