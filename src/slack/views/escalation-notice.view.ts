import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import { formatDateTime, localeOfTranslator } from '../../i18n/format.js';
import type { EscalationNotice } from '../../modules/escalations/escalation-notifier.types.js';
import { ESCALATION_CARD_BLOCKS, escalationButtons } from './escalation-card.view.js';
import { escapeMrkdwn } from './escape.js';

export const ESCALATION_NOTICE_BLOCK = 'escalation.notice';
export const ESCALATION_NOTICE_CONTEXT_BLOCK = 'escalation.notice.context';

/** Notices that ask the reader to act carry the buttons to do it from the DM. */
const ASKS_TO_ACT = new Set<EscalationNotice['type']>([
  'raised',
  'breached',
  'reping',
  'escalated',
  'reassigned',
]);

function formatLocal(t: Translate, at: Date, timeZone: string): string {
  return formatDateTime(at, localeOfTranslator(t), timeZone);
}

/**
 * One escalation notice for one reader, in their language and zone: a line of text (also
 * the fallback) and a context line with severity and level. The title is the raiser's text:
 * escaped, so `<!channel>` in it shows as text and notifies nobody.
 */
export function escalationNoticeView(
  notice: EscalationNotice,
  reader: { t: Translate; timeZone: string },
): { text: string; blocks: KnownBlock[] } {
  const { t, timeZone } = reader;
  const esc = notice.escalation;
  const params = {
    esc: `ESC-${esc.number}`,
    title: escapeMrkdwn(esc.title),
    level: esc.level,
    severity: t(`escalations.severity.${esc.severity}`),
    due: esc.slaDueAt ? formatLocal(t, esc.slaDueAt, timeZone) : t('escalations.notice.noDeadline'),
    deadline: notice.breachedDeadline ? formatLocal(t, notice.breachedDeadline, timeZone) : '',
  };
  const key = notice.type === 'breached' && notice.late ? 'breachedLate' : notice.type;
  const text = t(`escalations.notice.${key}`, params);
  return {
    text,
    blocks: [
      { type: 'section', block_id: ESCALATION_NOTICE_BLOCK, text: { type: 'mrkdwn', text } },
      {
        type: 'context',
        block_id: ESCALATION_NOTICE_CONTEXT_BLOCK,
        elements: [
          {
            type: 'mrkdwn',
            text: `ESC-${esc.number} · ${params.severity} · L${esc.level} · ${params.due} (${escapeMrkdwn(timeZone)})`,
          },
        ],
      },
      ...(ASKS_TO_ACT.has(notice.type)
        ? [
            escalationButtons(
              esc.number,
              ['acknowledge', 'propose', 'resolve'],
              t,
              ESCALATION_CARD_BLOCKS.noticeActions,
            ),
          ]
        : []),
    ],
  };
}
