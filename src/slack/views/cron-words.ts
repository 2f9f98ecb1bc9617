import type { Translate } from '../../i18n/catalog.js';
import { escapeMrkdwn } from './escape.js';

type Weekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';

const NUMBER = /^\d{1,2}$/;
const two = (n: number) => String(n).padStart(2, '0');

/** Cron day-of-week field ("1-5", "1,4", "0") as ISO weekdays (Monday 1 … Sunday 7), or null. */
function weekdaysOf(field: string): number[] | null {
  const days = new Set<number>();
  for (const part of field.split(',')) {
    const range = /^(\d)(?:-(\d))?$/.exec(part);
    if (!range) return null;
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    if (from > to || to > 7) return null;
    for (let day = from; day <= to; day += 1) days.add(day === 0 ? 7 : day);
  }
  return [...days].sort((a, b) => a - b);
}

/**
 * A five-field cron expression in words, in the reader's language: "Every minute", "Every
 * hour at 00 past", "Every day at 04:00", "Every Monday, Friday at 09:00", "Monthly on day 1
 * at 08:00". Anything else is named as a custom timetable, with its expression.
 */
export function cronWords(t: Translate, expression: string): string {
  const [minute = '', hour = '', dayOfMonth = '', month = '', dayOfWeek = '', ...rest] = expression
    .trim()
    .split(/\s+/);
  const other = () => t('scheduling.recurrence.cron', { expression: escapeMrkdwn(expression) });
  if (rest.length > 0 || month !== '*') return other();
  if (hour === '*' && dayOfMonth === '*' && dayOfWeek === '*') {
    if (minute === '*') return t('scheduling.recurrence.everyMinute');
    const step = /^\*\/(\d{1,2})$/.exec(minute);
    if (step) return t('scheduling.recurrence.everyNMinutes', { minutes: Number(step[1]) });
    if (NUMBER.test(minute) && Number(minute) < 60)
      return t('scheduling.recurrence.hourly', { minute: two(Number(minute)) });
    return other();
  }
  if (!NUMBER.test(minute) || !NUMBER.test(hour) || Number(minute) > 59 || Number(hour) > 23) return other();
  const time = `${two(Number(hour))}:${two(Number(minute))}`;
  if (dayOfMonth === '*' && dayOfWeek === '*') return t('scheduling.recurrence.daily', { time });
  if (dayOfMonth === '*') {
    const days = weekdaysOf(dayOfWeek);
    if (!days) return other();
    if (days.length === 7) return t('scheduling.recurrence.daily', { time });
    const weekdays = days
      .map((day) => t(`scheduling.weekdays.${String(day) as Weekday}`))
      .join(t('scheduling.recurrence.separator'));
    return t('scheduling.recurrence.weekly', { weekdays, time });
  }
  if (dayOfWeek === '*' && NUMBER.test(dayOfMonth) && Number(dayOfMonth) >= 1 && Number(dayOfMonth) <= 31)
    return t('scheduling.recurrence.monthlyOn', { day: Number(dayOfMonth), time });
  return other();
}
