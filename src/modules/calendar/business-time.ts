import { DateTime } from 'luxon';
import { addDays, type LocalDate, localDateAt, utcMidnightMs } from './local-date.js';
import {
  assertValidProfile,
  isWorkingDate,
  type Span,
  startOfLocalDate,
  type WorkingTimeProfile,
  wallClockSpansOn,
  workingSpansOn,
} from './working-time.js';

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
 * - addWorkingDays(t, n): let D be t's local date. For n ≥ 1, the n-th working date after
 *   D (D itself never counts); for n = 0, D when it is a working date, else the next one.
 *   The result is the first instant on that date whose wall-clock time of day is at least
 *   t's, clamped into [workStart, workEnd] (before opening → opening; after close → close).
 *   A wall-clock time skipped by DST resolves to the first instant after it.
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
  assertValidProfile(profile);
  const local = DateTime.fromJSDate(start, { zone: profile.timeZone });
  const startDate: LocalDate = local.toISODate() ?? localDateAt(start, profile.timeZone);
  const timeOfDayMs = local.toMillis() + local.offset * MINUTE_MS - utcMidnightMs(startDate);
  const target = workingDateAfter(startDate, days, profile);
  const clamped = Math.min(
    Math.max(timeOfDayMs, profile.workStartMinute * MINUTE_MS),
    profile.workEndMinute * MINUTE_MS,
  );
  const [first] = wallClockSpansOn(target, profile.timeZone, clamped, 24 * HOUR_MS);
  // Nothing on the date is at or after the time of day only when it is 24:00: the next midnight.
  return new Date(first?.start ?? startOfLocalDate(addDays(target, 1), profile.timeZone));
}

function workingDateAfter(date: LocalDate, count: number, profile: WorkingTimeProfile): LocalDate {
  let current = date;
  let found = count === 0 && isWorkingDate(current, profile) ? 1 : 0;
  let daysWithoutWork = 0;
  while (found < Math.max(count, 1)) {
    current = addDays(current, 1);
    daysWithoutWork = isWorkingDate(current, profile) ? 0 : daysWithoutWork + 1;
    if (daysWithoutWork === 0) found++;
    if (daysWithoutWork > SEARCH_LIMIT_DAYS)
      throw new RangeError(`no working day within ${SEARCH_LIMIT_DAYS} days after ${current}`);
  }
  return current;
}
