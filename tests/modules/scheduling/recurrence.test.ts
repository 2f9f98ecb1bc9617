import { describe, expect, it } from 'vitest';
import { nextSlots } from '../../../src/modules/scheduling/next-slot.rules.js';
import { recurrenceSchema, type ScheduleTiming } from '../../../src/modules/scheduling/recurrence.schemas.js';
import type { WorkingCalendar } from '../../../src/modules/scheduling/working-calendar.types.js';

const START = new Date('2026-01-01T00:00:00Z');
const inUtc = (recurrence: unknown, extra: Partial<ScheduleTiming> = {}): ScheduleTiming => ({
  recurrence: recurrenceSchema.parse(recurrence),
  timeOfDay: '09:00',
  timeZone: 'UTC',
  skipNonWorkingDays: false,
  ...extra,
});
const dates = (slots: Date[]) => slots.map((slot) => slot.toISOString().slice(0, 10));

/** China 2026 around the Spring Festival: holidays Feb 15–23, make-up workdays Sat Feb 14 and Sat Feb 28. */
const chinaFebruary: WorkingCalendar = {
  dayKind(date) {
    if (date === '2026-02-14' || date === '2026-02-28') return 'workday';
    if (date >= '2026-02-15' && date <= '2026-02-23') return 'holiday';
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday === 0 || weekday === 6 ? 'weekend' : 'workday';
  },
};

describe('recurrence rules', () => {
  it('weekly runs on the given weekdays only', () => {
    expect(dates(nextSlots(START, 4, inUtc({ type: 'weekly', weekdays: [3, 1] })))).toEqual([
      '2026-01-05',
      '2026-01-07',
      '2026-01-12',
      '2026-01-14',
    ]);
  });

  it('every N weeks counts weeks from the anchor week and never runs before it', () => {
    const rule = { type: 'every-n-weeks', weekdays: [5], interval: 2, anchor: '2026-01-14' };
    expect(dates(nextSlots(START, 3, inUtc(rule)))).toEqual(['2026-01-16', '2026-01-30', '2026-02-13']);
  });

  it('monthly on a day uses the last day of shorter months', () => {
    expect(dates(nextSlots(START, 4, inUtc({ type: 'monthly', day: 31 })))).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
  });

  it('monthly on the first Monday and on the last Friday', () => {
    expect(dates(nextSlots(START, 3, inUtc({ type: 'monthly', nth: 1, weekday: 1 })))).toEqual([
      '2026-01-05',
      '2026-02-02',
      '2026-03-02',
    ]);
    expect(dates(nextSlots(START, 3, inUtc({ type: 'monthly', nth: -1, weekday: 5 })))).toEqual([
      '2026-01-30',
      '2026-02-27',
      '2026-03-27',
    ]);
  });

  it('cron is read as wall-clock time in the zone', () => {
    const timing = inUtc({ type: 'cron', expression: '15 9 * * 1' }, { timeZone: 'Asia/Shanghai' });
    expect(nextSlots(START, 2, timing).map((d) => d.toISOString())).toEqual([
      '2026-01-05T01:15:00.000Z',
      '2026-01-12T01:15:00.000Z',
    ]);
  });

  it('refuses unknown shapes, bad weekdays and cron with seconds', () => {
    expect(recurrenceSchema.safeParse({ type: 'weekly', weekdays: [0] }).success).toBe(false);
    expect(recurrenceSchema.safeParse({ type: 'monthly', nth: 5, weekday: 1 }).success).toBe(false);
    expect(recurrenceSchema.safeParse({ type: 'cron', expression: '0 0 9 * * 1' }).success).toBe(false);
    expect(recurrenceSchema.safeParse({ type: 'cron', expression: 'not a cron' }).success).toBe(false);
    expect(recurrenceSchema.safeParse({ type: 'daily' }).success).toBe(false);
  });
});

describe('recurrence with a working calendar', () => {
  const from = new Date('2026-02-09T00:00:00Z');

  it('every working day skips holidays and runs on make-up workdays', () => {
    const timing = inUtc({ type: 'workdays' }, { skipNonWorkingDays: true });
    expect(dates(nextSlots(from, 7, timing, chinaFebruary))).toEqual([
      '2026-02-09',
      '2026-02-10',
      '2026-02-11',
      '2026-02-12',
      '2026-02-13',
      '2026-02-14', // make-up Saturday
      '2026-02-24', // first day after the holiday
    ]);
  });

  it('a weekday rule skips holidays (not moved) and gains no make-up Saturday', () => {
    const timing = inUtc({ type: 'weekly', weekdays: [1, 5] }, { skipNonWorkingDays: true });
    expect(dates(nextSlots(from, 4, timing, chinaFebruary))).toEqual([
      '2026-02-09',
      '2026-02-13',
      '2026-02-27', // Mon 16, Fri 20 and Mon 23 are holidays
      '2026-03-02',
    ]);
  });

  it('a Saturday rule runs on a make-up Saturday only when skipping non-working days', () => {
    const saturday = { type: 'weekly', weekdays: [6] };
    expect(dates(nextSlots(from, 2, inUtc(saturday, { skipNonWorkingDays: true }), chinaFebruary))).toEqual([
      '2026-02-14',
      '2026-02-28',
    ]);
    expect(dates(nextSlots(from, 2, inUtc(saturday), chinaFebruary))).toEqual(['2026-02-14', '2026-02-21']);
  });

  it('without a calendar, skipping non-working days skips weekends', () => {
    const timing = inUtc({ type: 'monthly', day: 7 }, { skipNonWorkingDays: true });
    // 2026-02-07 and 2026-03-07 are Saturdays.
    expect(dates(nextSlots(START, 3, timing))).toEqual(['2026-01-07', '2026-04-07', '2026-05-07']);
  });

  it('cron skips non-working days too', () => {
    const timing = inUtc({ type: 'cron', expression: '0 10 * * *' }, { skipNonWorkingDays: true });
    expect(dates(nextSlots(new Date('2026-02-13T12:00:00Z'), 2, timing, chinaFebruary))).toEqual([
      '2026-02-14',
      '2026-02-24',
    ]);
  });
});
