import type { KnownBlock } from '@slack/types';
import type { MessageKey, Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import { daysOf, formatMinute, type WorkingHours } from '../../modules/calendar/working-hours.rules.js';
import { escapeMrkdwn } from './escape.js';

export const WORKING_HOURS_BLOCKS = { summary: 'hours.summary' } as const;

const WEEK_INDEX = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 } as const;

/** "Mon, Tue, …" / "周一、周二…" — weekday names from Intl (1 Jan 2024 was a Monday). */
function dayNames(mask: number, locale: SupportedLocale): string {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const names = daysOf(mask).map((day) => format.format(new Date(Date.UTC(2024, 0, 1 + WEEK_INDEX[day]))));
  return names.join(locale === 'zh-CN' ? '、' : ', ');
}

export function workingHoursMessage(
  t: Translate,
  locale: SupportedLocale,
  hours: WorkingHours & { timeZone: string },
  key: Extract<MessageKey, 'calendar.hours.current' | 'calendar.hours.changed'>,
): { text: string; blocks: KnownBlock[] } {
  const text = t(key, {
    days: dayNames(hours.workDays, locale),
    start: formatMinute(hours.startMinute),
    end: formatMinute(hours.endMinute),
    timeZone: escapeMrkdwn(hours.timeZone),
  });
  return {
    text,
    blocks: [{ type: 'section', block_id: WORKING_HOURS_BLOCKS.summary, text: { type: 'mrkdwn', text } }],
  };
}
