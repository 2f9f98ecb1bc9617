import type { Translate } from '../../i18n/catalog.js';
import { formatDateTime, localeOfTranslator } from '../../i18n/format.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { DepartmentName, SeriesDto } from '../../modules/meetings/meetings.types.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';

/** MTG-<n> */
export const seriesId = (series: Pick<SeriesDto, 'number'>) => `MTG-${series.number}`;

/**
 * "Mon 7 Dec 2026, 10:00 (Asia/Shanghai)", "2026年12月7日（周一）10:00 (Asia/Shanghai)": a
 * meeting's time in its own zone (the same for everyone taking part), in the one date style.
 */
export function formatWhen(at: Date, timeZone: string, t: Translate): string {
  return `${formatDateTime(at, localeOfTranslator(t), timeZone)} (${timeZone})`;
}

/** The rule in words: "every Monday at 10:00 (Asia/Shanghai)". */
export function describeSchedule(
  series: Pick<SeriesDto, 'recurrence' | 'timeOfDay' | 'timeZone'>,
  t: Translate,
) {
  const rule = series.recurrence;
  const common = { time: series.timeOfDay, zone: series.timeZone };
  const day = (n: number) => t(`meetings.weekdays.${n}` as Parameters<Translate>[0]);
  switch (rule.type) {
    case 'weekly':
      return t('meetings.describe.weekly', { ...common, weekdays: rule.weekdays.map(day).join(', ') });
    case 'every-n-weeks':
      return t('meetings.describe.everyNWeeks', {
        ...common,
        interval: rule.interval,
        weekdays: rule.weekdays.map(day).join(', '),
      });
    case 'monthly':
      return 'day' in rule
        ? t('meetings.describe.monthlyDay', { ...common, day: rule.day })
        : t('meetings.describe.monthlyNth', {
            ...common,
            nth: t(`meetings.nth.${rule.nth === -1 ? 'last' : rule.nth}` as Parameters<Translate>[0]),
            weekday: day(rule.weekday),
          });
    default:
      return `${rule.type} ${series.timeOfDay} (${series.timeZone})`;
  }
}

/** A department's name in the reader's language, escaped. */
export function nameOf(departments: readonly DepartmentName[], id: string | null, locale: SupportedLocale) {
  const department = departments.find((d) => d.id === id);
  if (!department) return '';
  return escapeMrkdwn(locale === 'zh-CN' ? department.nameZh : department.nameEn);
}

/** Slack limits: modal titles 24 characters, option texts 75, section text 3,000. */
export const short = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
