import { DateTime } from 'luxon';
import { addDays, type LocalDate, localDateAt, utcMidnightMs } from './local-date.rules.js';
import {
  assertValidProfile,
  isWorkingDate,
  type Span,
  startOfLocalDate,
  type WorkingTimeProfile,
  wallClockSpansOn,
  workingSpansOn,
} from './working-time.rules.js';

/*
 * Business-time arithmetic over a WorkingTimeProfile. Definitions (real time throughout,
 * so a day with a DST change has its real number of minutes):
 *
 * - Working time: the instants whose wall clock (in profile.timeZone) shows a working date
 *   and a time of day in [workStart, workEnd). A working date is a `workday` of
 *   profile.calendar (holidays off, make-up workdays on) outside every absence.
 * - addWorkingHours(t, h): the earliest instant T ≥ t with exactly h hours of working time
 *   in [t, T). So h = 0 gives t itself, and work that ends exactly at close of business
 *   is due at close of business (18:00), not at the next opening.
 * - addWorkingDays(t, n): "n working days from t". Let s be the next working moment at or
 *   after t (t itself when t is working time). For n = 0 the answer is s. For n ≥ 1, let D be
 *   s's local date (a working date) and T the n-th working date after D (D itself never
 *   counts); the answer is the first instant on T whose wall-clock time of day is at least
 *   s's — the same time of day, i.e. the same offset into the working day, n working days
 *   on. So work raised on Sunday 11:30, or on Monday 08:00, starts counting at Monday 09:00
 *   and 2 working days are due on Wednesday 09:00; raised Monday 17:59 they are due
 *   Wednesday 17:59, raised at 18:00 (close of business) Thursday 09:00. A wall-clock time
 *   skipped by DST on T resolves to the first instant after it.
 * - addWorkingDates(D, n): the date-only form for things due on a date (action items): the
 *   n-th working date after the local date D (D never counts, whatever time it is), for
 *   n ≥ 1. "Due in 2 working days" set on Sunday or Monday evening is due on Tuesday,
 *   i.e. by the end of the second full working day.
 * - workingMinutesBetween(a, b): minutes of working time in [a, b), negative when b < a;
 *   fractional when the instants are not whole minutes.
 * - isWorkingTime(t): t is working time. nextWorkingMoment(t): t if so, else the start of
 *   the next working time.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** How far to look for working time before deciding the profile has none (ten years). */
const SEARCH_LIMIT_DAYS = 3_660;

/** Working spans from the local date of `fromMs` on, in order, ending no earlier than fromMs. */
function* workingSpansFrom(fromMs: number, profile: WorkingTimeProfile): Generator<Span> {
  assertValidProfile(profile);
  let date = localDateAt(fromMs, profile.timeZone);
  let daysWithoutWork = 0;
  for (;;) {
    const spans = workingSpansOn(date, profile).filter((span) => span.end > fromMs);
    for (const span of spans) yield { start: Math.max(span.start, fromMs), end: span.end };
    daysWithoutWork = spans.length > 0 ? 0 : daysWithoutWork + 1;
    if (daysWithoutWork > SEARCH_LIMIT_DAYS)
      throw new RangeError(
        `no working time within ${SEARCH_LIMIT_DAYS} days of ${new Date(fromMs).toISOString()}`,
      );
    date = addDays(date, 1);
  }
}

export function isWorkingTime(instant: Date, profile: WorkingTimeProfile): boolean {
  assertValidProfile(profile);
  const ms = instant.getTime();
  return workingSpansOn(localDateAt(ms, profile.timeZone), profile).some(
    (span) => span.start <= ms && ms < span.end,
  );
}

export function nextWorkingMoment(instant: Date, profile: WorkingTimeProfile): Date {
  for (const span of workingSpansFrom(instant.getTime(), profile)) return new Date(span.start);
  throw new Error('unreachable: workingSpansFrom ends only by throwing');
}

export function addWorkingHours(start: Date, hours: number, profile: WorkingTimeProfile): Date {
  if (!(Number.isFinite(hours) && hours >= 0)) throw new RangeError(`hours must be ≥ 0, got ${hours}`);
  let remaining = Math.round(hours * HOUR_MS);
  if (remaining === 0) return new Date(start);
  for (const span of workingSpansFrom(start.getTime(), profile)) {
    const length = span.end - span.start;
    if (remaining <= length) return new Date(span.start + remaining);
    remaining -= length;
  }
  throw new Error('unreachable: workingSpansFrom ends only by throwing');
}

export function workingMinutesBetween(a: Date, b: Date, profile: WorkingTimeProfile): number {
  const from = a.getTime();
  const to = b.getTime();
  if (to < from) return 0 - workingMinutesBetween(b, a, profile); // 0 − x: never −0
  assertValidProfile(profile);
  let total = 0;
  for (let date = localDateAt(from, profile.timeZone); startOfLocalDate(date, profile.timeZone) < to; ) {
    for (const span of workingSpansOn(date, profile))
      total += Math.max(0, Math.min(span.end, to) - Math.max(span.start, from));
    date = addDays(date, 1);
  }
  return total / MINUTE_MS;
}

export function addWorkingDays(start: Date, days: number, profile: WorkingTimeProfile): Date {
  if (!(Number.isInteger(days) && days >= 0))
    throw new RangeError(`days must be an integer ≥ 0, got ${days}`);
  const from = nextWorkingMoment(start, profile);
  if (days === 0) return from;
  const local = DateTime.fromJSDate(from, { zone: profile.timeZone });
  const fromDate: LocalDate = local.toISODate() ?? localDateAt(from, profile.timeZone);
  const timeOfDayMs = local.toMillis() + local.offset * MINUTE_MS - utcMidnightMs(fromDate);
  const target = workingDateAfter(fromDate, days, profile);
  const [first] = wallClockSpansOn(target, profile.timeZone, timeOfDayMs, 24 * HOUR_MS);
  // Nothing on the date is at or after the time of day only if the rest of the day was skipped.
  return new Date(first?.start ?? startOfLocalDate(addDays(target, 1), profile.timeZone));
}

export function addWorkingDates(date: LocalDate, days: number, profile: WorkingTimeProfile): LocalDate {
  if (!(Number.isInteger(days) && days >= 1))
    throw new RangeError(`days must be an integer ≥ 1, got ${days}`);
  assertValidProfile(profile);
  return workingDateAfter(date, days, profile);
}

/** The count-th working date after `date` (count ≥ 1; `date` itself never counts). */
function workingDateAfter(date: LocalDate, count: number, profile: WorkingTimeProfile): LocalDate {
  let current = date;
  let found = 0;
  let daysWithoutWork = 0;
  while (found < count) {
    current = addDays(current, 1);
    daysWithoutWork = isWorkingDate(current, profile) ? 0 : daysWithoutWork + 1;
    if (daysWithoutWork === 0) found++;
    if (daysWithoutWork > SEARCH_LIMIT_DAYS)
      throw new RangeError(`no working day within ${SEARCH_LIMIT_DAYS} days after ${current}`);
  }
  return current;
}
