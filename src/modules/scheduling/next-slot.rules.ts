import { Cron } from 'croner';
import { localDay, nextLocalDay, ruleRunsOn } from './recurrence.rules.js';
import type { Recurrence, ScheduleTiming } from './recurrence.schemas.js';
import { type WorkingCalendar, weekendOnlyCalendar } from './working-calendar.types.js';
import { instantToWallClock, wallClockToInstant } from './zoned-time.rules.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** How far ahead to look before deciding a rule never fires (every 52 weeks, with holidays). */
const HORIZON_DAYS = 366 * 8;
/**
 * Start looking this far before `after`'s local reading: a wall-clock time earlier than
 * this cannot map to an instant after `after`, since offsets around one instant differ by
 * well under three hours.
 */
const LOOKBACK_MS = 3 * HOUR_MS;

/**
 * The first slot strictly after `after`: the rule's next wall-clock time in the schedule's
 * zone, as a UTC instant, with the DST policy of zoned-time.ts (gap → first valid minute
 * after; fall-back hour → first occurrence only). Slots that would coincide collapse into
 * one, so successive calls always move forward. `calendar` is the schedule's calendar;
 * without one, weekends are the only non-working days. Null: the rule never fires again
 * within eight years.
 */
export function nextSlot(
  after: Date,
  timing: ScheduleTiming,
  calendar?: WorkingCalendar | null,
): Date | null {
  const effectiveCalendar = calendar ?? weekendOnlyCalendar;
  const afterNaive = instantToWallClock(after, timing.timeZone);
  const fromNaive = afterNaive - LOOKBACK_MS;
  const rule = timing.recurrence;
  return rule.type === 'cron'
    ? nextCronSlot(
        after,
        steadyOffsetAround(after, timing.timeZone) ? afterNaive : fromNaive,
        rule,
        timing,
        effectiveCalendar,
      )
    : nextDailySlot(after, fromNaive, rule, timing, effectiveCalendar);
}

/**
 * True when the zone's offset is the same `LOOKBACK_MS` before and after `instant`: no
 * transition near it, so every wall-clock reading around it maps to an instant by that one
 * offset, and the first slot after `instant` is the rule's first reading after its own.
 * Walking the lookback is then wasted: for a minutely cron it was 180 steps of croner
 * (≈ 10 ms per call, in the scheduler's tick on the thread that acknowledges Slack; issue 16).
 */
function steadyOffsetAround(instant: Date, zone: string): boolean {
  const offset = (at: number) => instantToWallClock(new Date(at), zone) - at;
  const now = instant.getTime();
  const here = offset(now);
  return offset(now - LOOKBACK_MS) === here && offset(now + LOOKBACK_MS) === here;
}

/** The slots after `after`, up to `count` of them (fewer if the rule stops). */
export function nextSlots(
  after: Date,
  count: number,
  timing: ScheduleTiming,
  calendar?: WorkingCalendar | null,
): Date[] {
  const slots: Date[] = [];
  let cursor = after;
  while (slots.length < count) {
    const slot = nextSlot(cursor, timing, calendar);
    if (!slot) break;
    slots.push(slot);
    cursor = slot;
  }
  return slots;
}

function minutesOf(timeOfDay: string): number {
  const [hours = 0, minutes = 0] = timeOfDay.split(':').map(Number);
  return hours * 60 + minutes;
}

function nextDailySlot(
  after: Date,
  fromNaive: number,
  rule: Exclude<Recurrence, { type: 'cron' }>,
  timing: ScheduleTiming,
  calendar: WorkingCalendar,
): Date | null {
  const offsetInDay = minutesOf(timing.timeOfDay) * MINUTE_MS;
  let day = localDay(fromNaive);
  for (let i = 0; i < HORIZON_DAYS; i++, day = nextLocalDay(day)) {
    if (!ruleRunsOn(rule, day, calendar, timing.skipNonWorkingDays)) continue;
    const slot = wallClockToInstant(day.naiveMs + offsetInDay, timing.timeZone);
    if (slot > after) return slot;
  }
  return null;
}

function nextCronSlot(
  after: Date,
  fromNaive: number,
  rule: Extract<Recurrence, { type: 'cron' }>,
  timing: ScheduleTiming,
  calendar: WorkingCalendar,
): Date | null {
  // Croner walks naive wall-clock readings (as if in UTC); zoned-time.ts applies the zone, so
  // cron and the other rules share one DST policy.
  const cron = new Cron(rule.expression, { paused: true, timezone: 'Etc/UTC' });
  const horizon = fromNaive + HORIZON_DAYS * DAY_MS;
  let cursor = fromNaive - 1;
  try {
    while (cursor < horizon) {
      const naive = cron.nextRun(new Date(cursor))?.getTime();
      if (naive === undefined) return null;
      const day = localDay(naive);
      if (timing.skipNonWorkingDays && calendar.dayKind(day.date) !== 'workday') {
        cursor = nextLocalDay(day).naiveMs - 1;
        continue;
      }
      const slot = wallClockToInstant(naive, timing.timeZone);
      if (slot > after) return slot;
      cursor = naive;
    }
    return null;
  } finally {
    cron.stop();
  }
}
