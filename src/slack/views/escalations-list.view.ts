import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import { formatDateTime, localeOfTranslator } from '../../i18n/format.js';
import type { EscalationDto, ListScope } from '../../modules/escalations/escalations.types.js';
import { escapeMrkdwn } from './escape.js';

export const ESCALATIONS_LIST_BLOCKS = {
  header: 'escalations.list.header',
  empty: 'escalations.list.empty',
  items: 'escalations.list.items',
} as const;

/** `/escalate list`: one line per escalation, deadlines in the reader's zone, titles escaped. */
export function escalationsListView(
  escalations: readonly EscalationDto[],
  reader: { t: Translate; timeZone: string; scope: ListScope },
): { text: string; blocks: KnownBlock[] } {
  const { t, timeZone, scope } = reader;
  const heading = t(`escalations.command.heading.${scope}`);
  if (escalations.length === 0) {
    const empty = t('escalations.list.empty');
    return {
      text: `${heading}: ${empty}`,
      blocks: [
        {
          type: 'header',
          block_id: ESCALATIONS_LIST_BLOCKS.header,
          text: { type: 'plain_text', text: heading },
        },
        { type: 'section', block_id: ESCALATIONS_LIST_BLOCKS.empty, text: { type: 'mrkdwn', text: empty } },
      ],
    };
  }
  const lines = escalations.map((esc) =>
    t('escalations.list.line', {
      esc: `ESC-${esc.number}`,
      severity: t(`escalations.severity.${esc.severity}`),
      status: t(`escalations.status.${esc.status}`),
      level: esc.level,
      due: esc.slaDueAt
        ? formatDateTime(esc.slaDueAt, localeOfTranslator(t), timeZone)
        : t('escalations.notice.noDeadline'),
      title: escapeMrkdwn(esc.title),
    }),
  );
  const body = lines.join('\n').slice(0, 2900);
  return {
    text: `${heading}\n${body}`,
    blocks: [
      {
        type: 'header',
        block_id: ESCALATIONS_LIST_BLOCKS.header,
        text: { type: 'plain_text', text: heading },
      },
      { type: 'section', block_id: ESCALATIONS_LIST_BLOCKS.items, text: { type: 'mrkdwn', text: body } },
    ],
  };
}
