import { DateTime, IANAZone } from 'luxon';
import type { WorkingCalendar } from './calendar.types.js';
import { addDays, isWithin, type LocalDate, utcMidnightMs } from './local-date.rules.js';

/**
 * When one person works: a plain description the business-time functions take. Build it
 * with CalendarService.workingTimeProfileFor, or by hand in tests and jobs.
 */
export interface WorkingTimeProfile {
  /** IANA zone the working hours and dates are read in. */
  readonly timeZone: string;
  /** Working hours on a working day, local minutes after midnight: [start, end). */
  readonly workStartMinute: number;
  readonly workEndMinute: number;
  /** Which dates are working days: holidays, make-up workdays and the weekly pattern. */
  readonly calendar: WorkingCalendar;
  /** Out of office, inclusive local dates. */
  readonly absences: readonly { readonly from: LocalDate; readonly to: LocalDate }[];
}

/** Real time, as epoch milliseconds: [start, end). */
export interface Span {
  start: number;
  end: number;
}

const MINUTE_MS = 60_000;

export function assertValidProfile(profile: WorkingTimeProfile): void {
  const { workStartMinute: start, workEndMinute: end, timeZone } = profile;
  if (!IANAZone.isValidZone(timeZone)) throw new RangeError(`unknown time zone "${timeZone}"`);
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= 1440 && start < end))
    throw new RangeError(`working hours must satisfy 0 <= start < end <= 1440, got ${start}–${end}`);
}

export function isWorkingDate(date: LocalDate, profile: WorkingTimeProfile): boolean {
  return (
    profile.calendar.dayKind(date) === 'workday' &&
    !profile.absences.some((absence) => isWithin(date, absence))
  );
}

/** The first instant whose wall-clock date in `zone` is `date` (midnight, or later if skipped). */
export function startOfLocalDate(date: LocalDate, zone: string): number {
  return DateTime.fromISO(date, { zone }).toMillis();
}

/**
 * The date's real time cut where the zone's UTC offset changes (a DST switch), so each
 * piece maps wall-clock time to real time linearly. A change is found by comparing the
 * offset with the one at the end of the day, so an offset that changed and changed back
 * within one day would be missed; no zone in the tz database does that.
 */
function constantOffsetPieces(date: LocalDate, zone: IANAZone): { span: Span; offsetMs: number }[] {
  const dayStart = startOfLocalDate(date, zone.name);
  const dayEnd = startOfLocalDate(addDays(date, 1), zone.name);
  const offsetAt = (ms: number) => zone.offset(ms) * MINUTE_MS;
  const pieces: { span: Span; offsetMs: number }[] = [];
  let from = dayStart;
  while (from < dayEnd) {
    const offsetMs = offsetAt(from);
    let to = dayEnd;
    if (offsetAt(dayEnd - 1) !== offsetMs) {
      // Bisect for the first millisecond with another offset.
      let low = from;
      let high = dayEnd - 1;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (offsetAt(middle) === offsetMs) low = middle;
        else high = middle;
      }
      to = high;
    }
    pieces.push({ span: { start: from, end: to }, offsetMs });
    from = to;
  }
  return pieces;
}

/**
 * The real time a person works on a local date: every instant whose wall clock shows that
 * date and a time within working hours. Usually one span; on the night clocks go back the
 * repeated hour can split it in two. Empty on a non-working date.
 */
export function workingSpansOn(date: LocalDate, profile: WorkingTimeProfile): Span[] {
  if (!isWorkingDate(date, profile)) return [];
  return wallClockSpansOn(
    date,
    profile.timeZone,
    profile.workStartMinute * MINUTE_MS,
    profile.workEndMinute * MINUTE_MS,
  );
}

/** Instants on `date` whose wall-clock time of day (ms after midnight) is in [fromMs, toMs). */
export function wallClockSpansOn(date: LocalDate, timeZone: string, fromMs: number, toMs: number): Span[] {
  const wallMidnight = utcMidnightMs(date);
  const spans: Span[] = [];
  for (const { span, offsetMs } of constantOffsetPieces(date, IANAZone.create(timeZone))) {
    // Within a piece, wall-clock time of day = instant + offset − wall midnight.
    const start = Math.max(span.start, wallMidnight + fromMs - offsetMs);
    const end = Math.min(span.end, wallMidnight + toMs - offsetMs);
    if (start >= end) continue;
    const previous = spans.at(-1);
    if (previous && previous.end === start) previous.end = end;
    else spans.push({ start, end });
  }
  return spans;
}
