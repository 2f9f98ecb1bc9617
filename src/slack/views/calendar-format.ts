import { DateTime } from 'luxon';
import type { Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { CalendarDto, HolidayName, LocalDate } from '../../modules/calendar/index.js';
import { isRegion } from '../../modules/calendar/index.js';
import { escapeMrkdwn } from './escape.js';

/** A date as its reader writes it: "Tue 1 Dec 2026", "2026年12月1日（周二）". */
export function formatDate(date: LocalDate, locale: SupportedLocale): string {
  const day = DateTime.fromISO(date, { zone: 'utc' });
  return locale === 'zh-CN'
    ? day.setLocale('zh-CN').toFormat('yyyy年M月d日（ccc）')
    : day.setLocale('en-GB').toFormat('ccc d LLL yyyy');
}

/** A calendar's name in the reader's language with its key, escaped: "China … (`cn`)". */
export function calendarLabel(calendar: CalendarDto, locale: SupportedLocale): string {
  const name = locale === 'zh-CN' ? calendar.nameZh : calendar.nameEn;
  return name === calendar.key
    ? `\`${escapeMrkdwn(name)}\``
    : `${escapeMrkdwn(name)} (\`${escapeMrkdwn(calendar.key)}\`)`;
}

export function holidayName(name: HolidayName, locale: SupportedLocale): string {
  return escapeMrkdwn(locale === 'zh-CN' ? name.zh : name.en);
}

export function regionName(region: string | null, t: Translate): string {
  return isRegion(region) ? t(`calendar.regions.${region}`) : '—';
}
