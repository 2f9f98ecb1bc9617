import type { Translate } from '../../i18n/catalog.js';
import type { ScheduleDto } from '../../modules/scheduling/schedule.types.js';
import { cronWords } from './cron-words.js';

type Weekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';
const EVERY_DAY = 7;

function weekdayList(t: Translate, weekdays: readonly number[]): string {
  return weekdays
    .map((day) => t(`scheduling.weekdays.${String(day) as Weekday}`))
    .join(t('scheduling.recurrence.separator'));
}

/** A schedule's rule in words, in the reader's language: "Every Monday, Thursday at 09:00 (Asia/Shanghai)". */
export function describeRecurrence(t: Translate, schedule: ScheduleDto): string | null {
  const rule = schedule.recurrence;
  if (!rule) return null;
  const time = schedule.timeOfDay;
  let words: string;
  switch (rule.type) {
    case 'weekly':
      words =
        rule.weekdays.length === EVERY_DAY
          ? t('scheduling.recurrence.daily', { time })
          : t('scheduling.recurrence.weekly', { weekdays: weekdayList(t, rule.weekdays), time });
      break;
    case 'every-n-weeks':
      words = t(
        rule.interval === 1 ? 'scheduling.recurrence.everyWeek' : 'scheduling.recurrence.everyNWeeks',
        {
          interval: rule.interval,
          weekdays: weekdayList(t, rule.weekdays),
          anchor: rule.anchor,
          time,
        },
      );
      break;
    case 'monthly':
      words =
        'day' in rule
          ? t('scheduling.recurrence.monthlyDay', { day: rule.day, time })
          : t('scheduling.recurrence.monthlyNth', {
              nth: t(`scheduling.nth.${String(rule.nth) as '1' | '2' | '3' | '4' | '-1'}`),
              weekday: t(`scheduling.weekdays.${String(rule.weekday) as Weekday}`),
              time,
            });
      break;
    case 'workdays':
      words = t('scheduling.recurrence.workdays', { time });
      break;
    case 'cron':
      words = cronWords(t, rule.expression);
      break;
  }
  if (schedule.skipNonWorkingDays && rule.type !== 'workdays')
    words = t('scheduling.recurrence.skipNonWorking', { rule: words });
  return t('scheduling.list.rule', { rule: words, timeZone: schedule.timeZone });
}
