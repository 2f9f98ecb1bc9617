import type { Recurrence } from './recurrence.schemas.js';
import type { WorkingCalendar } from './working-calendar.types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A local calendar date, as naive milliseconds at 00:00 (see zoned-time.ts). */
export interface LocalDay {
  naiveMs: number;
  /** 'YYYY-MM-DD' */
  date: string;
  /** ISO weekday, Monday = 1 … Sunday = 7. */
  weekday: number;
}

export function localDay(naiveMs: number): LocalDay {
  const start = Math.floor(naiveMs / DAY_MS) * DAY_MS;
  const day = new Date(start);
  return { naiveMs: start, date: day.toISOString().slice(0, 10), weekday: day.getUTCDay() || 7 };
}

export function nextLocalDay(day: LocalDay): LocalDay {
  return localDay(day.naiveMs + DAY_MS);
}

/**
 * Whether a date-based rule has a slot on `day`, calendar included:
 *
 * - `workdays` runs on every day the calendar calls a working day — so on a make-up
 *   workday (a Saturday or Sunday marked as working, e.g. China's 调休) it runs, and on a
 *   weekday holiday it does not. With no calendar, Monday–Friday.
 * - Every other rule runs on its own days; with `skipNonWorkingDays`, a day of the rule's
 *   that is a holiday or a weekend is skipped (not moved). A make-up workday is a working
 *   day, so it runs only if the rule itself has a slot that day (a weekly Saturday rule
 *   runs on a make-up Saturday; a weekly Monday rule does not gain a Saturday run).
 */
export function ruleRunsOn(
  rule: Exclude<Recurrence, { type: 'cron' }>,
  day: LocalDay,
  calendar: WorkingCalendar,
  skipNonWorkingDays: boolean,
): boolean {
  if (rule.type === 'workdays') return calendar.dayKind(day.date) === 'workday';
  if (!ruleHasDay(rule, day)) return false;
  return !skipNonWorkingDays || calendar.dayKind(day.date) === 'workday';
}

function ruleHasDay(rule: Exclude<Recurrence, { type: 'cron' | 'workdays' }>, day: LocalDay): boolean {
  switch (rule.type) {
    case 'weekly':
      return rule.weekdays.includes(day.weekday);
    case 'every-n-weeks':
      return rule.weekdays.includes(day.weekday) && isInActiveWeek(day, rule.anchor, rule.interval);
    case 'monthly':
      return 'day' in rule ? isMonthDay(day, rule.day) : isNthWeekday(day, rule.nth, rule.weekday);
  }
}

/** Weeks run Monday to Sunday; the anchor's week is week 0; weeks before the anchor never run. */
function isInActiveWeek(day: LocalDay, anchor: string, interval: number): boolean {
  const anchorDay = localDay(Date.parse(`${anchor}T00:00:00Z`));
  const mondayOf = (d: LocalDay) => d.naiveMs - (d.weekday - 1) * DAY_MS;
  const weeks = Math.round((mondayOf(day) - mondayOf(anchorDay)) / (7 * DAY_MS));
  return weeks >= 0 && weeks % interval === 0;
}

function daysInMonth(naiveMs: number): number {
  const d = new Date(naiveMs);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
}

/** Day 29–31 in a shorter month means its last day, so "the 31st" runs every month. */
function isMonthDay(day: LocalDay, wanted: number): boolean {
  const dayOfMonth = new Date(day.naiveMs).getUTCDate();
  return dayOfMonth === Math.min(wanted, daysInMonth(day.naiveMs));
}

function isNthWeekday(day: LocalDay, nth: 1 | 2 | 3 | 4 | -1, weekday: number): boolean {
  if (day.weekday !== weekday) return false;
  const dayOfMonth = new Date(day.naiveMs).getUTCDate();
  if (nth === -1) return dayOfMonth + 7 > daysInMonth(day.naiveMs);
  return Math.ceil(dayOfMonth / 7) === nth;
}
