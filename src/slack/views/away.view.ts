import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { AbsenceDto } from '../../modules/calendar/index.js';
import { formatDate } from './calendar-format.js';
import { escapeMrkdwn } from './escape.js';

export const AWAY_BLOCKS = { result: 'away.result' } as const;

function message(text: string): { text: string; blocks: KnownBlock[] } {
  return {
    text,
    blocks: [{ type: 'section', block_id: AWAY_BLOCKS.result, text: { type: 'mrkdwn', text } }],
  };
}

/** `/liaison away`: the dates recorded, in the person's language, and what it replaced. */
export function awayRecordedMessage(
  t: Translate,
  locale: SupportedLocale,
  { absence, replaced }: { absence: AbsenceDto; replaced: AbsenceDto[] },
) {
  const range = (a: AbsenceDto) => ({ from: formatDate(a.from, locale), to: formatDate(a.to, locale) });
  const lines = [t('calendar.away.recorded', range(absence))];
  if (absence.reason) lines.push(t('calendar.away.reason', { reason: escapeMrkdwn(absence.reason) }));
  if (replaced.length > 0) {
    const ranges = replaced.map((a) => `${range(a).from} – ${range(a).to}`).join(', ');
    lines.push(t('calendar.away.replaced', { ranges }));
  }
  return message(lines.join('\n'));
}

/** `/liaison back`: the absence that ended, or that there was none. */
export function backMessage(t: Translate, locale: SupportedLocale, ended: AbsenceDto | null) {
  if (!ended) return message(t('calendar.away.notAway'));
  return message(
    t('calendar.away.back', { from: formatDate(ended.from, locale), to: formatDate(ended.to, locale) }),
  );
}
