import { DateTime } from 'luxon';
import type { Translate } from './catalog.js';
import type { SupportedLocale } from './locales.js';

/**
 * The one way Liaison writes a date or a moment, per language, everywhere a person reads
 * one (cards, lists, DMs, Home, reports, forms):
 *
 * | | English | 简体中文 |
 * |---|---|---|
 * | date | `Mon 7 Dec 2026` | `2026年12月7日（周一）` |
 * | date and time | `Mon 7 Dec 2026, 16:00` | `2026年12月7日（周一）16:00` |
 *
 * Times are 24-hour, in the reader's zone. Machines (CSV, JSON, command arguments) keep ISO.
 */
const DATE_FORMAT: Record<SupportedLocale, { luxonLocale: string; date: string; dateTime: string }> = {
  // en-US month abbreviations ("Sep"), not en-GB's "Sept".
  en: { luxonLocale: 'en-US', date: 'ccc d LLL yyyy', dateTime: 'ccc d LLL yyyy, HH:mm' },
  'zh-CN': { luxonLocale: 'zh-CN', date: 'yyyy年M月d日（ccc）', dateTime: 'yyyy年M月d日（ccc）HH:mm' },
};

/** A calendar date (`YYYY-MM-DD`, no zone): "Mon 7 Dec 2026", "2026年12月7日（周一）". */
export function formatDate(date: string, locale: SupportedLocale): string {
  const day = DateTime.fromISO(date, { zone: 'utc' });
  if (!day.isValid) return date;
  const format = DATE_FORMAT[locale];
  return day.setLocale(format.luxonLocale).toFormat(format.date);
}

/** The date of a moment, in the reader's zone. */
export function formatDateOf(at: Date, locale: SupportedLocale, timeZone: string): string {
  const format = DATE_FORMAT[locale];
  return DateTime.fromJSDate(at, { zone: timeZone }).setLocale(format.luxonLocale).toFormat(format.date);
}

/** A moment in the reader's zone: "Mon 7 Dec 2026, 16:00", "2026年12月7日（周一）16:00". */
export function formatDateTime(at: Date, locale: SupportedLocale, timeZone: string): string {
  const format = DATE_FORMAT[locale];
  return DateTime.fromJSDate(at, { zone: timeZone }).setLocale(format.luxonLocale).toFormat(format.dateTime);
}

/** A moment soon: only its time when it falls on the reader's today ("16:00"), else date and time. */
export function formatSoon(at: Date, now: Date, locale: SupportedLocale, timeZone: string): string {
  const moment = DateTime.fromJSDate(at, { zone: timeZone });
  return moment.hasSame(DateTime.fromJSDate(now, { zone: timeZone }), 'day')
    ? moment.toFormat('HH:mm')
    : formatDateTime(at, locale, timeZone);
}

/** The language a translator speaks (for views that hold only `t`). */
export function localeOfTranslator(t: Translate): SupportedLocale {
  return t('common.locale') === 'zh-CN' ? 'zh-CN' : 'en';
}

/** Slack or a browser's language tag ("en-US", "zh-CN", "zh-Hans") as the style it reads. */
export function formatLocaleOf(tag: string | undefined): SupportedLocale {
  return tag?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
