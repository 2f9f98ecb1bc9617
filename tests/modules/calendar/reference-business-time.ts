import { DateTime } from 'luxon';
import type { WorkingTimeProfile } from '../../../src/modules/calendar/index.js';

/*
 * Slow, obviously-right versions of the business-time functions: they walk real time one
 * minute at a time and read each minute's wall clock with luxon. Instants must be whole
 * minutes (every DST change in the zones tested is on a whole minute).
 */

const MINUTE = 60_000;
const LIMIT_MINUTES = 60 * 24 * 120;

function wallClock(ms: number, profile: WorkingTimeProfile) {
  const local = DateTime.fromMillis(ms, { zone: profile.timeZone });
  return { date: local.toISODate() ?? '', minute: local.hour * 60 + local.minute };
}

export function referenceIsWorkingDate(date: string, profile: WorkingTimeProfile): boolean {
  return (
    profile.calendar.dayKind(date) === 'workday' &&
    !profile.absences.some((absence) => date >= absence.from && date <= absence.to)
  );
}

export function referenceIsWorking(ms: number, profile: WorkingTimeProfile): boolean {
  const { date, minute } = wallClock(ms, profile);
  return (
    referenceIsWorkingDate(date, profile) &&
    minute >= profile.workStartMinute &&
    minute < profile.workEndMinute
  );
}

export function referenceWorkingMinutesBetween(
  from: number,
  to: number,
  profile: WorkingTimeProfile,
): number {
  let count = 0;
  for (let t = from; t < to; t += MINUTE) if (referenceIsWorking(t, profile)) count++;
  return count;
}

export function referenceNextWorkingMoment(from: number, profile: WorkingTimeProfile): number {
  for (let t = from; t < from + LIMIT_MINUTES * MINUTE; t += MINUTE)
    if (referenceIsWorking(t, profile)) return t;
  throw new Error('reference: no working time found');
}

export function referenceAddWorkingMinutes(
  from: number,
  minutes: number,
  profile: WorkingTimeProfile,
): number {
  if (minutes === 0) return from;
  let count = 0;
  for (let t = from; t < from + LIMIT_MINUTES * MINUTE; t += MINUTE) {
    if (referenceIsWorking(t, profile) && ++count === minutes) return t + MINUTE;
  }
  throw new Error('reference: ran out of time');
}

/**
 * "n working days from `from`": start at the next working moment s (walked minute by
 * minute); for n = 0 that is the answer. Otherwise walk on until the n-th new working date
 * after s's date begins, then on to the first minute of it whose wall clock shows at least
 * s's time of day (or the next date, when the rest of that date was skipped by DST).
 */
export function referenceAddWorkingDays(from: number, days: number, profile: WorkingTimeProfile): number {
  const startAt = referenceNextWorkingMoment(from, profile);
  if (days === 0) return startAt;
  const start = wallClock(startAt, profile);
  let found = 0;
  let targetDate: string | undefined;
  let previousDate = start.date;
  for (let t = startAt; t <= startAt + LIMIT_MINUTES * MINUTE; t += MINUTE) {
    const now = wallClock(t, profile);
    if (targetDate !== undefined && now.date !== targetDate) return t; // its rest was skipped
    if (now.date !== previousDate && referenceIsWorkingDate(now.date, profile) && ++found === days)
      targetDate = now.date;
    previousDate = now.date;
    if (now.date === targetDate && now.minute >= start.minute) return t;
  }
  throw new Error('reference: ran out of time');
}

/** The n-th working date after `date` (n ≥ 1), stepping one calendar day at a time. */
export function referenceAddWorkingDates(date: string, days: number, profile: WorkingTimeProfile): string {
  let current = DateTime.fromISO(date, { zone: 'utc' });
  for (let found = 0; found < days; ) {
    current = current.plus({ days: 1 });
    if (referenceIsWorkingDate(current.toISODate() ?? '', profile)) found++;
  }
  return current.toISODate() ?? '';
}
