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

export function referenceAddWorkingDays(from: number, days: number, profile: WorkingTimeProfile): number {
  const start = wallClock(from, profile);
  let targetDate = days === 0 && referenceIsWorkingDate(start.date, profile) ? start.date : undefined;
  let found = 0;
  let previousDate = start.date;
  for (let t = from; targetDate === undefined; t += MINUTE) {
    if (t > from + LIMIT_MINUTES * MINUTE) throw new Error('reference: ran out of time');
    const { date } = wallClock(t, profile);
    if (date !== previousDate && referenceIsWorkingDate(date, profile) && ++found === Math.max(days, 1))
      targetDate = date;
    previousDate = date;
  }
  const target = Math.min(Math.max(start.minute, profile.workStartMinute), profile.workEndMinute);
  // From a day before `from`: with n = 0 after close of business, the answer is earlier today.
  for (let t = from - 26 * 60 * MINUTE; ; t += MINUTE) {
    const now = wallClock(t, profile);
    if ((now.date === targetDate && now.minute >= target) || now.date > targetDate) return t;
  }
}
