import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { nextSlot, nextSlots } from '../../../src/modules/scheduling/next-slot.rules.js';
import type { ScheduleTiming } from '../../../src/modules/scheduling/recurrence.schemas.js';

const daily = (timeZone: string, timeOfDay: string): ScheduleTiming => ({
  recurrence: { type: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7] },
  timeOfDay,
  timeZone,
  skipNonWorkingDays: false,
});

/** The slots whose local date (in the zone) is `localDate`. */
function slotsOnLocalDate(timing: ScheduleTiming, localDate: string): string[] {
  const dayStart = DateTime.fromISO(localDate, { zone: timing.timeZone });
  const slots = nextSlots(dayStart.minus({ days: 2 }).toJSDate(), 6, timing);
  return slots
    .filter((slot) => DateTime.fromJSDate(slot, { zone: timing.timeZone }).toISODate() === localDate)
    .map((slot) => slot.toISOString());
}

// Each case: zone, change day (local date), wall-clock time → the one UTC instant it runs at.
const CASES: [zone: string, day: string, time: string, expected: string, why: string][] = [
  ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:00:00.000Z', 'gap → 03:00 EDT'],
  ['America/New_York', '2026-03-08', '01:30', '2026-03-08T06:30:00.000Z', 'before the gap, EST'],
  ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z', 'repeated hour → first (EDT) only'],
  ['America/New_York', '2026-11-01', '02:30', '2026-11-01T07:30:00.000Z', 'after the repeat, EST'],
  ['Europe/Berlin', '2026-03-29', '02:30', '2026-03-29T01:00:00.000Z', 'gap → 03:00 CEST'],
  ['Europe/Berlin', '2026-03-29', '01:30', '2026-03-29T00:30:00.000Z', 'before the gap, CET'],
  ['Europe/Berlin', '2026-10-25', '02:30', '2026-10-25T00:30:00.000Z', 'repeated hour → first (CEST) only'],
  ['Europe/Berlin', '2026-10-25', '01:30', '2026-10-24T23:30:00.000Z', 'before the repeat, CEST'],
  ['Australia/Melbourne', '2026-10-04', '02:30', '2026-10-03T16:00:00.000Z', 'gap → 03:00 AEDT'],
  ['Australia/Melbourne', '2026-10-04', '01:30', '2026-10-03T15:30:00.000Z', 'before the gap, AEST'],
  [
    'Australia/Melbourne',
    '2026-04-05',
    '02:30',
    '2026-04-04T15:30:00.000Z',
    'repeated hour → first (AEDT) only',
  ],
  ['Australia/Melbourne', '2026-04-05', '01:30', '2026-04-04T14:30:00.000Z', 'before the repeat, AEDT'],
  ['Asia/Shanghai', '2026-03-08', '02:30', '2026-03-07T18:30:00.000Z', 'no DST: always +08:00'],
  ['Asia/Shanghai', '2026-11-01', '01:30', '2026-10-31T17:30:00.000Z', 'no DST: always +08:00'],
];

describe('nextSlot on DST change days of 2026', () => {
  it.each(CASES)('%s %s at %s runs exactly once, at %s (%s)', (zone, day, time, expected) => {
    expect(slotsOnLocalDate(daily(zone, time), day)).toEqual([expected]);
  });

  it('returns to the usual local time the day after a change', () => {
    const after = new Date('2026-03-08T12:00:00Z');
    const slot = nextSlot(after, daily('America/New_York', '02:30'));
    expect(slot?.toISOString()).toBe('2026-03-09T06:30:00.000Z');
  });

  it('runs a cron slot in the repeated hour once, and collapses gap minutes into one slot', () => {
    const timing: ScheduleTiming = {
      recurrence: { type: 'cron', expression: '*/20 1,2 * * *' },
      timeOfDay: '00:00',
      timeZone: 'America/New_York',
      skipNonWorkingDays: false,
    };
    const fallBack = nextSlots(new Date('2026-11-01T04:00:00Z'), 6, timing).map((d) => d.toISOString());
    // 01:00, 01:20, 01:40 EDT once each; then 02:00, 02:20, 02:40 EST.
    expect(fallBack).toEqual([
      '2026-11-01T05:00:00.000Z',
      '2026-11-01T05:20:00.000Z',
      '2026-11-01T05:40:00.000Z',
      '2026-11-01T07:00:00.000Z',
      '2026-11-01T07:20:00.000Z',
      '2026-11-01T07:40:00.000Z',
    ]);
    const springForward = nextSlots(new Date('2026-03-08T05:30:00Z'), 4, timing).map((d) => d.toISOString());
    // 01:00, 01:20, 01:40 EST; 02:00–02:40 do not exist and all become 03:00 EDT, once.
    expect(springForward).toEqual([
      '2026-03-08T06:00:00.000Z',
      '2026-03-08T06:20:00.000Z',
      '2026-03-08T06:40:00.000Z',
      '2026-03-08T07:00:00.000Z',
    ]);
  });
});
