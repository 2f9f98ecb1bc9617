import { nextSlot } from '../scheduling/next-slot.rules.js';
import { type WorkingCalendar, weekendOnlyCalendar } from '../scheduling/working-calendar.types.js';
import { instantToWallClock, wallClockToInstant } from '../scheduling/zoned-time.rules.js';
import type { OccurrenceTimes, SeriesTiming } from './meetings.types.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** A holiday run longer than this (China's Golden Week is 7–8 days) means something is wrong. */
const MAX_HOLIDAY_RUN_DAYS = 31;

function minutesOf(timeOfDay: string): number {
  const [hours = 0, minutes = 0] = timeOfDay.split(':').map(Number);
  return hours * 60 + minutes;
}

/** The local date (YYYY-MM-DD) of an instant in a zone. */
export function localDateOf(instant: Date, zone: string): string {
  return new Date(instantToWallClock(instant, zone)).toISOString().slice(0, 10);
}

/** The instant of `timeOfDay` on a local date in a zone (DST as the scheduler handles it). */
export function instantOn(localDate: string, timeOfDay: string, zone: string): Date {
  return wallClockToInstant(Date.parse(`${localDate}T00:00:00Z`) + minutesOf(timeOfDay) * 60_000, zone);
}

function nextDate(localDate: string): string {
  return new Date(Date.parse(`${localDate}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** The times of an occurrence that starts at `startsAt`: its end and its agenda window. */
export function occurrenceTimes(plannedOn: string, startsAt: Date, timing: SeriesTiming): OccurrenceTimes {
  return {
    plannedOn,
    startsAt,
    endsAt: new Date(startsAt.getTime() + timing.durationMinutes * 60_000),
    opensAt: new Date(startsAt.getTime() - timing.agendaOpensHoursBefore * HOUR_MS),
    closesAt: new Date(startsAt.getTime() - timing.agendaClosesHoursBefore * HOUR_MS),
  };
}

/**
 * The series' occurrences starting after `after`, up to `count`, with its holiday policy
 * applied: the rule's slots are the scheduler's (src/modules/scheduling), read in the series'
 * zone; a slot on a day the calendar does not work is dropped (SKIP) or moved to the next
 * working day at the same time (NEXT_WORKING_DAY) — unless that reaches the rule's next day,
 * which is then the meeting (held once). `plannedOn` stays the rule's date, so a skip or a
 * moved meeting is remembered by the day the rule gave.
 */
export function upcomingOccurrences(
  after: Date,
  timing: SeriesTiming,
  count: number,
  calendar?: WorkingCalendar | null,
): OccurrenceTimes[] {
  const cal = calendar ?? weekendOnlyCalendar;
  const rule = { ...timing, skipNonWorkingDays: false };
  const found: OccurrenceTimes[] = [];
  // The rule's slots are walked from a little before `after`: a slot moved forward by a
  // holiday may start after `after` though its planned day is before it.
  let cursor = new Date(after.getTime() - MAX_HOLIDAY_RUN_DAYS * DAY_MS);
  for (let guard = 0; found.length < count && guard < count * 60 + 400; guard++) {
    const slot = nextSlot(cursor, rule, cal);
    if (!slot) break;
    cursor = slot;
    const plannedOn = localDateOf(slot, timing.timeZone);
    let startsAt: Date | null = slot;
    if (cal.dayKind(plannedOn) !== 'workday') {
      if (timing.holidayPolicy === 'SKIP') startsAt = null;
      else {
        let day = nextDate(plannedOn);
        for (let i = 0; i < MAX_HOLIDAY_RUN_DAYS && cal.dayKind(day) !== 'workday'; i++) day = nextDate(day);
        // Moved onto (or past) the rule's next day — a long holiday run — the meeting is held
        // once, as that next occurrence, not twice at the same time.
        const following = nextSlot(slot, rule, cal);
        startsAt =
          following && localDateOf(following, timing.timeZone) <= day
            ? null
            : instantOn(day, timing.timeOfDay, timing.timeZone);
      }
    }
    if (startsAt && startsAt > after) found.push(occurrenceTimes(plannedOn, startsAt, timing));
  }
  return found;
}
