import { DateTime } from 'luxon';

/** A calendar date with no time or zone, 'YYYY-MM-DD' (ISO 8601). */
export type LocalDate = string;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date in 'YYYY-MM-DD' form (2026-02-30 is not one). */
export function isLocalDate(text: string): boolean {
  return LOCAL_DATE.test(text) && DateTime.fromISO(text, { zone: 'utc' }).isValid;
}

/** Milliseconds of the date's midnight read as UTC: a zone-free day number for arithmetic. */
export function utcMidnightMs(date: LocalDate): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

export function localDateFromUtcMs(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return localDateFromUtcMs(utcMidnightMs(date) + days * DAY_MS);
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export function isoWeekday(date: LocalDate): number {
  const sundayZero = new Date(utcMidnightMs(date)).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}

/** The date a wall clock in `timeZone` shows at `instant`. */
export function localDateAt(instant: Date | number, timeZone: string): LocalDate {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return DateTime.fromMillis(ms, { zone: timeZone }).toISODate() ?? localDateFromUtcMs(ms);
}

/** True when the date is within [from, to], both inclusive. ISO dates compare as strings. */
export function isWithin(date: LocalDate, range: { from: LocalDate; to: LocalDate }): boolean {
  return date >= range.from && date <= range.to;
}

/** The same day `years` years on (29 February → 28 February in a common year). */
export function addYears(date: LocalDate, years: number): LocalDate {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ years }).toISODate() ?? date;
}
