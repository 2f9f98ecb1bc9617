import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDates,
  addWorkingDays,
  addWorkingHours,
  type CalendarEntry,
  isWorkingTime,
  type LocalDate,
  layeredHolidays,
  nextWorkingMoment,
  noHolidays,
  type WorkingTimeProfile,
  workingCalendar,
  workingMinutesBetween,
} from '../../../src/modules/calendar/index.js';
import { addDays, localDateAt } from '../../../src/modules/calendar/local-date.rules.js';
import {
  referenceAddWorkingDates,
  referenceAddWorkingDays,
  referenceAddWorkingMinutes,
  referenceIsWorking,
  referenceNextWorkingMoment,
  referenceWorkingMinutesBetween,
} from './reference-business-time.js';

/*
 * Each function against the minute-by-minute reference, from starts near the 2026 DST
 * changes of each zone (and Shanghai, which has none), with random weekly patterns,
 * holidays, make-up workdays, absences and working hours — including hours that contain
 * the 02:00–03:00 switch. Run counts are small: the reference walks every minute.
 */

const MINUTE = 60_000;
const ANCHORS: Record<string, string[]> = {
  'America/New_York': ['2026-03-08', '2026-11-01'],
  'Europe/Berlin': ['2026-03-29', '2026-10-25'],
  'Australia/Melbourne': ['2026-04-05', '2026-10-04'],
  'Asia/Shanghai': ['2026-02-16', '2026-10-01'],
};
const ZONES = Object.keys(ANCHORS);

const hoursArbitrary = fc.oneof(
  fc.constant({ start: 540, end: 1080 }),
  fc.constant({ start: 60, end: 240 }), // contains the DST switch in every tested zone
  fc.constant({ start: 0, end: 1440 }),
  fc
    .tuple(fc.integer({ min: 0, max: 23 * 60 }), fc.integer({ min: 60, max: 12 * 60 }))
    .map(([start, length]) => ({ start, end: Math.min(1440, start + length) })),
);

const scenario = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    anchorIndex: fc.integer({ min: 0, max: 1 }),
    offsetMinutes: fc.integer({ min: -3 * 1440, max: 2 * 1440 }),
    // At least three working weekdays, so durations stay within a couple of weeks.
    workDays: fc.integer({ min: 1, max: 127 }).filter((mask) => mask.toString(2).split('1').length - 1 >= 3),
    hours: hoursArbitrary,
    entries: fc.array(
      fc.record({
        day: fc.integer({ min: -4, max: 20 }),
        kind: fc.constantFrom('holiday', 'workday' as const),
      }),
      { maxLength: 6 },
    ),
    absences: fc.array(
      fc.record({ day: fc.integer({ min: -4, max: 16 }), length: fc.integer({ min: 0, max: 3 }) }),
      { maxLength: 2 },
    ),
  })
  .map((s) => {
    const anchor = ANCHORS[s.zone]?.[s.anchorIndex] ?? '2026-01-01';
    const own = new Map<LocalDate, CalendarEntry>(
      s.entries.map((e) => [addDays(anchor, e.day), { kind: e.kind, name: null }] as const),
    );
    const profile: WorkingTimeProfile = {
      timeZone: s.zone,
      workStartMinute: s.hours.start,
      workEndMinute: s.hours.end,
      calendar: workingCalendar(own.size > 0 ? layeredHolidays(own, undefined) : noHolidays, s.workDays),
      absences: s.absences.map((a) => ({
        from: addDays(anchor, a.day),
        to: addDays(anchor, a.day + a.length),
      })),
    };
    // Midnight UTC of the anchor date, moved by whole minutes: always minute-aligned.
    const start = Date.parse(`${anchor}T00:00:00Z`) + s.offsetMinutes * MINUTE;
    return {
      profile,
      start,
      describe: `${s.zone} ${new Date(start).toISOString()} ${s.hours.start}-${s.hours.end} mask ${s.workDays}`,
    };
  });

const RUNS = { numRuns: 25 };

describe('business time agrees with a minute-by-minute walk through real time', () => {
  it('isWorkingTime and nextWorkingMoment', () => {
    fc.assert(
      fc.property(scenario, ({ profile, start }) => {
        expect(isWorkingTime(new Date(start), profile)).toBe(referenceIsWorking(start, profile));
        expect(nextWorkingMoment(new Date(start), profile).getTime()).toBe(
          referenceNextWorkingMoment(start, profile),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('workingMinutesBetween', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 4 * 1440 }), ({ profile, start }, spanMinutes) => {
        const end = start + spanMinutes * MINUTE;
        const expected = referenceWorkingMinutesBetween(start, end, profile);
        expect(workingMinutesBetween(new Date(start), new Date(end), profile)).toBe(expected);
        expect(workingMinutesBetween(new Date(end), new Date(start), profile)).toBe(0 - expected);
      }),
      RUNS,
    );
  });

  it('addWorkingHours (whole minutes)', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 12 * 60 }), ({ profile, start }, minutes) => {
        const result = addWorkingHours(new Date(start), minutes / 60, profile).getTime();
        expect(new Date(result).toISOString()).toBe(
          new Date(referenceAddWorkingMinutes(start, minutes, profile)).toISOString(),
        );
      }),
      RUNS,
    );
  });

  it('addWorkingDays', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 4 }), ({ profile, start }, days) => {
        const result = addWorkingDays(new Date(start), days, profile).getTime();
        expect(new Date(result).toISOString()).toBe(
          new Date(referenceAddWorkingDays(start, days, profile)).toISOString(),
        );
      }),
      RUNS,
    );
  });

  it('addWorkingDays counts from the next working moment: outside working time is never counted', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 4 }), ({ profile, start }, days) => {
        const next = nextWorkingMoment(new Date(start), profile);
        expect(addWorkingDays(new Date(start), days, profile)).toEqual(addWorkingDays(next, days, profile));
      }),
      RUNS,
    );
  });

  it('addWorkingDates', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 6 }), ({ profile, start }, days) => {
        const today = localDateAt(start, profile.timeZone);
        expect(addWorkingDates(today, days, profile)).toBe(referenceAddWorkingDates(today, days, profile));
      }),
      { numRuns: 60 },
    );
  });
});
