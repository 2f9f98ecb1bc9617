import type { Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { CalendarDto, HolidayName } from '../../modules/calendar/index.js';
import { isRegion } from '../../modules/calendar/index.js';
import { escapeMrkdwn } from './escape.js';

/** Dates are written by src/i18n/format.ts; kept here for the views that import it from here. */
export { formatDate } from '../../i18n/format.js';

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
