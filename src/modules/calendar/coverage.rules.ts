import type { CalendarWithDates } from './calendar.dto.js';
import { type LocalDate, utcMidnightMs } from './local-date.rules.js';
import { isRegion, REGION_COVERAGE } from './region-holidays.rules.js';

/** Admins are warned this many days before a calendar in use runs out of holiday data. */
export const COVERAGE_WARNING_DAYS = 60;

/**
 * How far a calendar's holiday data is known. Past its end a calendar still answers (weekends
 * off, no holidays), which is wrong for China: holidays are published a year at a time.
 * - `rule`: computed by rule for any year (the US calendar from date-holidays).
 * - `through`: known up to and including `lastDate` (31 December of the last known year).
 * - `none`: a custom calendar no admin has added a date to yet.
 */
export type CalendarCoverage = { kind: 'rule' } | { kind: 'through'; lastDate: LocalDate } | { kind: 'none' };

const endOf = (year: number): LocalDate => `${year}-12-31`;

/**
 * A calendar's coverage. China's is the last year chinese-days ships, extended by each
 * following year an admin has added dates for (pasting that year's notice adds them); a
 * custom calendar's is the last year an admin has added dates for; a US-based one has no end.
 */
export function coverageOf(calendar: Pick<CalendarWithDates, 'region' | 'dates'>): CalendarCoverage {
  const ownYears = new Set(calendar.dates.map((d) => Number(d.date.slice(0, 4))));
  const region = isRegion(calendar.region) ? REGION_COVERAGE[calendar.region] : undefined;
  if (region === null) return { kind: 'rule' };
  if (region) {
    let year = region.toYear;
    while (ownYears.has(year + 1)) year += 1;
    return { kind: 'through', lastDate: endOf(year) };
  }
  if (ownYears.size === 0) return { kind: 'none' };
  return { kind: 'through', lastDate: endOf(Math.max(...ownYears)) };
}

/** Whole days from `today` to `lastDate`: 0 on the last covered day, negative once past it. */
export function daysLeft(today: LocalDate, lastDate: LocalDate): number {
  return Math.round((utcMidnightMs(lastDate) - utcMidnightMs(today)) / 86_400_000);
}

/** True from COVERAGE_WARNING_DAYS before the end of the data (and after it). */
export function isRunningOut(coverage: CalendarCoverage, today: LocalDate): boolean {
  return coverage.kind === 'through' && daysLeft(today, coverage.lastDate) <= COVERAGE_WARNING_DAYS;
}

/** True when the date lies beyond the calendar's known holidays. */
export function isPastCoverage(date: LocalDate, coverage: CalendarCoverage): boolean {
  return coverage.kind === 'through' && date > coverage.lastDate;
}
