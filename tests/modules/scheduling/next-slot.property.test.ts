import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { nextSlot, nextSlots } from '../../../src/modules/scheduling/next-slot.rules.js';
import type { Recurrence, ScheduleTiming } from '../../../src/modules/scheduling/recurrence.schemas.js';
import type { WorkingCalendar } from '../../../src/modules/scheduling/working-calendar.types.js';

const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Australia/Melbourne',
  'Asia/Shanghai',
  'Australia/Lord_Howe',
];
const weekdays = fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 });
const recurrence: fc.Arbitrary<Recurrence> = fc.oneof(
  fc.record({ type: fc.constant('weekly' as const), weekdays }),
  fc.record({
    type: fc.constant('every-n-weeks' as const),
    weekdays,
    interval: fc.integer({ min: 1, max: 5 }),
    anchor: fc.constantFrom('2025-06-02', '2026-03-01', '2026-10-28'),
  }),
  fc.record({ type: fc.constant('monthly' as const), day: fc.integer({ min: 1, max: 31 }) }),
  fc.record({
    type: fc.constant('monthly' as const),
    nth: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, -1 as const),
    weekday: fc.integer({ min: 1, max: 7 }),
  }),
  fc.constant({ type: 'workdays' as const }),
  fc.constantFrom('30 2 * * *', '*/30 1-3 * * *', '0 9 * * 1-5', '45 23 L * *').map((expression) => ({
    type: 'cron' as const,
    expression,
  })),
);
const timing: fc.Arbitrary<ScheduleTiming> = fc.record({
  recurrence,
  timeOfDay: fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 59))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  timeZone: fc.constantFrom(...ZONES),
  skipNonWorkingDays: fc.boolean(),
});
// Around the 2026 DST changes of every zone above, so gaps and repeats come up often.
const after = fc
  .integer({ min: Date.parse('2026-02-20T00:00:00Z'), max: Date.parse('2026-11-10T00:00:00Z') })
  .map((ms) => new Date(ms));
/** A calendar with pseudo-random holidays and make-up workdays. */
const calendar: fc.Arbitrary<WorkingCalendar> = fc.integer({ min: 1, max: 1000 }).map((seed) => ({
  dayKind(date: string) {
    const n = Number(date.replaceAll('-', '')) + seed;
    const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
    if (n % 11 === 0) return weekend ? 'workday' : 'holiday';
    return weekend ? 'weekend' : 'workday';
  },
}));

const RUNS = { numRuns: 150 };

describe('nextSlot properties', () => {
  it('slots are strictly increasing and all after the starting instant', () => {
    fc.assert(
      fc.property(timing, after, calendar, (t, from, cal) => {
        const slots = nextSlots(from, 8, t, cal);
        expect(slots.length).toBeGreaterThan(0);
        expect(slots[0]?.getTime()).toBeGreaterThan(from.getTime());
        for (let i = 1; i < slots.length; i++)
          expect(slots[i]?.getTime()).toBeGreaterThan(slots[i - 1]?.getTime() ?? 0);
      }),
      RUNS,
    );
  });

  it('no slot is skipped: from any instant between two slots, the next is the later one', () => {
    fc.assert(
      fc.property(timing, after, fc.double({ min: 0, max: 1, noNaN: true }), (t, from, fraction) => {
        const [first, second] = nextSlots(from, 2, t);
        if (!first || !second) return;
        const between = new Date(
          first.getTime() + Math.floor((second.getTime() - first.getTime()) * fraction),
        );
        const expected = between < second ? second : nextSlot(second, t);
        expect(nextSlot(between, t)).toEqual(between.getTime() === first.getTime() ? second : expected);
      }),
      RUNS,
    );
  });

  it('a slot is at the wall-clock time, or at the first valid minute after it when that time does not exist', () => {
    const dateRules = timing.filter((t) => t.recurrence.type !== 'cron');
    fc.assert(
      fc.property(dateRules, after, (t, from) => {
        for (const slot of nextSlots(from, 5, t)) {
          const local = DateTime.fromJSDate(slot, { zone: t.timeZone });
          if (local.toFormat('HH:mm') === t.timeOfDay) continue;
          // In a gap: a minute earlier the local clock still read before the wanted time.
          const before = DateTime.fromJSDate(new Date(slot.getTime() - 60_000), { zone: t.timeZone });
          expect(before.offset).not.toBe(local.offset);
          expect(before.toFormat('HH:mm') < t.timeOfDay).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('with skipNonWorkingDays every slot falls on a working day of the calendar', () => {
    fc.assert(
      fc.property(timing, after, calendar, (t, from, cal) => {
        for (const slot of nextSlots(from, 6, { ...t, skipNonWorkingDays: true }, cal)) {
          const localDate = DateTime.fromJSDate(slot, { zone: t.timeZone }).toISODate() ?? '';
          expect(cal.dayKind(localDate)).toBe('workday');
        }
      }),
      RUNS,
    );
  });
});
