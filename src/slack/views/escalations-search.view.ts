import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import { formatDateOf } from '../../i18n/format.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { DecisionDto } from '../../modules/escalations/escalations.types.js';
import { escapeMrkdwn } from './escape.js';

export const ESCALATIONS_SEARCH_BLOCKS = {
  header: 'escalations.search.header',
  empty: 'escalations.search.empty',
  items: 'escalations.search.items',
} as const;

const MAX_DECISION_CHARS = 300;

/** `/escalate search WORDS`: matching decisions, newest first, dates in the reader's zone, user text escaped. */
export function escalationsSearchView(
  decisions: readonly DecisionDto[],
  reader: { t: Translate; timeZone: string; locale: SupportedLocale; query: string },
): { text: string; blocks: KnownBlock[] } {
  const { t, timeZone, locale, query } = reader;
  // A header is plain text: Slack renders nothing in it, so the query is shown as typed.
  const heading = t('escalations.search.heading', { query: query.slice(0, 100) });
  const header: KnownBlock = {
    type: 'header',
    block_id: ESCALATIONS_SEARCH_BLOCKS.header,
    text: { type: 'plain_text', text: heading.slice(0, 150) },
  };
  if (decisions.length === 0) {
    const empty = t('escalations.search.empty');
    return {
      text: `${heading}: ${empty}`,
      blocks: [
        header,
        { type: 'section', block_id: ESCALATIONS_SEARCH_BLOCKS.empty, text: { type: 'mrkdwn', text: empty } },
      ],
    };
  }
  const lines = decisions.map((decision) => {
    const text =
      decision.text.length > MAX_DECISION_CHARS
        ? `${decision.text.slice(0, MAX_DECISION_CHARS)}…`
        : decision.text;
    return `• ${t('escalations.search.line', {
      esc: decision.escalationNumber === null ? '' : `*ESC-${decision.escalationNumber}*`,
      title: escapeMrkdwn(decision.escalationTitle ?? ''),
      decision: escapeMrkdwn(text),
      date: formatDateOf(decision.decidedAt, locale, timeZone),
    })}`;
  });
  return {
    text: `${heading}: ${decisions.length}`,
    blocks: [
      header,
      {
        type: 'section',
        block_id: ESCALATIONS_SEARCH_BLOCKS.items,
        text: { type: 'mrkdwn', text: lines.join('\n').slice(0, 2900) },
      },
    ],
  };
}
