import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  addWorkingHours,
  chinaHolidays,
  isWorkingTime,
  nextWorkingMoment,
  noHolidays,
  usFederalHolidays,
  type WorkingTimeProfile,
  workingCalendar,
  workingMinutesBetween,
} from '../../../src/modules/calendar/index.js';

const nineToSix = { workStartMinute: 540, workEndMinute: 1080, absences: [] };
const shanghai: WorkingTimeProfile = {
  ...nineToSix,
  timeZone: 'Asia/Shanghai',
  calendar: workingCalendar(chinaHolidays),
};
const newYork: WorkingTimeProfile = {
  ...nineToSix,
  timeZone: 'America/New_York',
  calendar: workingCalendar(usFederalHolidays),
};
const berlin: WorkingTimeProfile = {
  ...nineToSix,
  timeZone: 'Europe/Berlin',
  calendar: workingCalendar(noHolidays),
};
const at = (iso: string) => new Date(iso);

describe('China: Spring Festival 2026 and National Day', () => {
  it('works the make-up Saturday before the Spring Festival and resumes on 24 February', () => {
    // Friday 13 Feb 17:00 + 2 working hours: 1 h that day, 1 h on make-up Saturday 14 Feb.
    expect(addWorkingHours(at('2026-02-13T17:00:00+08:00'), 2, shanghai)).toEqual(
      at('2026-02-14T10:00:00+08:00'),
    );
    // Saturday 14 Feb 17:00 + 2 h: the holiday runs 15–23 Feb, so 10:00 on Tuesday 24 Feb.
    expect(addWorkingHours(at('2026-02-14T17:00:00+08:00'), 2, shanghai)).toEqual(
      at('2026-02-24T10:00:00+08:00'),
    );
    expect(isWorkingTime(at('2026-02-14T10:00:00+08:00'), shanghai)).toBe(true);
    expect(isWorkingTime(at('2026-02-16T10:00:00+08:00'), shanghai)).toBe(false);
  });

  it('counts working days across the holiday, including the make-up Saturday 28 February', () => {
    expect(addWorkingDays(at('2026-02-13T15:00:00+08:00'), 1, shanghai)).toEqual(
      at('2026-02-14T15:00:00+08:00'),
    );
    expect(addWorkingDays(at('2026-02-13T15:00:00+08:00'), 2, shanghai)).toEqual(
      at('2026-02-24T15:00:00+08:00'),
    );
    // Fri 27 Feb + 1 working day = Saturday 28 Feb (调休), not Monday 2 March.
    expect(addWorkingDays(at('2026-02-27T11:00:00+08:00'), 1, shanghai)).toEqual(
      at('2026-02-28T11:00:00+08:00'),
    );
  });

  it('skips National Day 2025 and 2026 and works their make-up days', () => {
    expect(nextWorkingMoment(at('2025-09-30T18:00:00+08:00'), shanghai)).toEqual(
      at('2025-10-09T09:00:00+08:00'),
    );
    expect(nextWorkingMoment(at('2026-09-30T18:00:00+08:00'), shanghai)).toEqual(
      at('2026-10-08T09:00:00+08:00'),
    );
    expect(isWorkingTime(at('2026-10-10T09:30:00+08:00'), shanghai)).toBe(true); // Saturday, 调休
    // 30 Sep – 12 Oct 2026: 30 Sep, 8, 9, 10 (Sat), 12 Oct = 5 days × 9 h.
    expect(
      workingMinutesBetween(at('2026-09-30T00:00:00+08:00'), at('2026-10-13T00:00:00+08:00'), shanghai),
    ).toBe(5 * 9 * 60);
  });
});

describe('US Thanksgiving', () => {
  it('skips Thanksgiving Day but not the Friday after it', () => {
    expect(addWorkingHours(at('2026-11-25T17:00:00-05:00'), 2, newYork)).toEqual(
      at('2026-11-27T10:00:00-05:00'),
    );
    expect(addWorkingDays(at('2026-11-25T12:00:00-05:00'), 1, newYork)).toEqual(
      at('2026-11-27T12:00:00-05:00'),
    );
  });
});

describe('a DST-change week', () => {
  it('keeps 09:00 local in New York across the March switch (an hour earlier in UTC)', () => {
    // Friday 6 March 09:00 EST = 14:00 UTC; next working day Monday 9 March 09:00 EDT = 13:00 UTC.
    expect(addWorkingDays(at('2026-03-06T14:00:00Z'), 1, newYork)).toEqual(at('2026-03-09T13:00:00Z'));
    expect(nextWorkingMoment(at('2026-03-06T23:30:00Z'), newYork)).toEqual(at('2026-03-09T13:00:00Z'));
    expect(workingMinutesBetween(at('2026-03-02T00:00:00Z'), at('2026-03-14T00:00:00Z'), newYork)).toBe(
      10 * 9 * 60,
    );
  });

  it('keeps 09:00 local in Berlin across the October switch', () => {
    // Friday 23 Oct 09:00 CEST = 07:00 UTC; Monday 26 Oct 09:00 CET = 08:00 UTC.
    expect(addWorkingDays(at('2026-10-23T07:00:00Z'), 1, berlin)).toEqual(at('2026-10-26T08:00:00Z'));
    expect(addWorkingHours(at('2026-10-23T15:00:00Z'), 2, berlin)).toEqual(at('2026-10-26T09:00:00Z'));
  });

  it('gives a working day containing the switch its real length', () => {
    const nightShift: WorkingTimeProfile = {
      timeZone: 'America/New_York',
      workStartMinute: 60,
      workEndMinute: 240,
      calendar: workingCalendar(noHolidays, 0b1111111),
      absences: [],
    };
    // 01:00–04:00 local is 2 real hours when clocks go forward, 4 when they go back.
    expect(workingMinutesBetween(at('2026-03-08T05:00:00Z'), at('2026-03-09T05:00:00Z'), nightShift)).toBe(
      120,
    );
    expect(workingMinutesBetween(at('2026-11-01T04:00:00Z'), at('2026-11-02T05:00:00Z'), nightShift)).toBe(
      240,
    );
    // 02:30 does not exist on 8 March: one working day after 02:30 on the 7th is 03:00 EDT.
    expect(addWorkingDays(at('2026-03-07T07:30:00Z'), 1, nightShift)).toEqual(at('2026-03-08T07:00:00Z'));
  });
});

describe('definitions at the edges', () => {
  it('clamps addWorkingDays into working hours and counts only days after the start date', () => {
    expect(addWorkingDays(at('2026-06-01T06:00:00+02:00'), 1, berlin)).toEqual(
      at('2026-06-02T09:00:00+02:00'),
    );
    expect(addWorkingDays(at('2026-06-01T21:00:00+02:00'), 1, berlin)).toEqual(
      at('2026-06-02T18:00:00+02:00'),
    );
    // Saturday + 1 working day = Monday; + 0 = the next working day as well.
    expect(addWorkingDays(at('2026-06-06T10:00:00+02:00'), 1, berlin)).toEqual(
      at('2026-06-08T10:00:00+02:00'),
    );
    expect(addWorkingDays(at('2026-06-06T10:00:00+02:00'), 0, berlin)).toEqual(
      at('2026-06-08T10:00:00+02:00'),
    );
  });

  it('ends work that fits the day exactly at close of business, and skips absences', () => {
    expect(addWorkingHours(at('2026-06-01T09:00:00+02:00'), 9, berlin)).toEqual(
      at('2026-06-01T18:00:00+02:00'),
    );
    expect(addWorkingHours(at('2026-06-01T09:00:00+02:00'), 0, berlin)).toEqual(
      at('2026-06-01T09:00:00+02:00'),
    );
    const away = { ...berlin, absences: [{ from: '2026-06-02', to: '2026-06-03' }] };
    expect(addWorkingHours(at('2026-06-01T17:00:00+02:00'), 2, away)).toEqual(
      at('2026-06-04T10:00:00+02:00'),
    );
  });

  it('refuses nonsense instead of looping', () => {
    expect(() => addWorkingHours(at('2026-06-01T09:00:00Z'), -1, berlin)).toThrow(RangeError);
    expect(() => addWorkingDays(at('2026-06-01T09:00:00Z'), 1.5, berlin)).toThrow(RangeError);
    const never = { ...berlin, calendar: workingCalendar(noHolidays, 0) };
    expect(() => nextWorkingMoment(at('2026-06-01T09:00:00Z'), never)).toThrow(/no working time/);
  });
});
