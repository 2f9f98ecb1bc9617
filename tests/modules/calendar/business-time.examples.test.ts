import { describe, expect, it } from 'vitest';
import {
  addWorkingDates,
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

describe('N working days raised outside working time (Shanghai, 09:00–18:00)', () => {
  const twoDays = (iso: string) => addWorkingDays(at(iso), 2, shanghai);
  const fullDays = (from: string, to: Date) => workingMinutesBetween(at(from), to, shanghai) / (9 * 60);

  it('gives 2 full working days to work raised on Sunday 11:30 or Monday 08:00: Wednesday 09:00', () => {
    expect(twoDays('2026-11-22T11:30:00+08:00')).toEqual(at('2026-11-25T09:00:00+08:00'));
    expect(fullDays('2026-11-22T11:30:00+08:00', twoDays('2026-11-22T11:30:00+08:00'))).toBe(2);
    expect(twoDays('2026-11-23T08:00:00+08:00')).toEqual(at('2026-11-25T09:00:00+08:00'));
  });

  it('counts from 17:59 itself, and from the next morning at 18:00 (close of business)', () => {
    expect(twoDays('2026-11-23T17:59:00+08:00')).toEqual(at('2026-11-25T17:59:00+08:00'));
    expect(twoDays('2026-11-23T18:00:00+08:00')).toEqual(at('2026-11-26T09:00:00+08:00'));
    expect(fullDays('2026-11-23T18:00:00+08:00', twoDays('2026-11-23T18:00:00+08:00'))).toBe(2);
  });

  it('counts a Friday evening from Monday 09:00', () => {
    expect(twoDays('2026-11-20T19:00:00+08:00')).toEqual(at('2026-11-25T09:00:00+08:00'));
  });

  it('counts the eve of a holiday from the first morning after it, make-up Saturday included', () => {
    // Wed 30 Sep 2026 19:00: 1–7 Oct off, so from Thu 8 Oct 09:00; Fri 9, Sat 10 (调休).
    expect(twoDays('2026-09-30T19:00:00+08:00')).toEqual(at('2026-10-10T09:00:00+08:00'));
    // Inside working hours on the eve it counts from the moment itself.
    expect(twoDays('2026-09-30T15:00:00+08:00')).toEqual(at('2026-10-09T15:00:00+08:00'));
    // New Year's Eve 2025 at 18:00: 1–3 Jan off, Sunday 4 Jan a make-up workday.
    expect(addWorkingDays(at('2025-12-31T18:00:00+08:00'), 1, shanghai)).toEqual(
      at('2026-01-05T09:00:00+08:00'),
    );
  });

  it('counts a make-up workday (调休) as working time, before and after its hours', () => {
    // Sunday 4 Jan 2026 is a working day: 08:00 counts from 09:00 that Sunday.
    expect(addWorkingDays(at('2026-01-04T08:00:00+08:00'), 1, shanghai)).toEqual(
      at('2026-01-05T09:00:00+08:00'),
    );
    expect(addWorkingDays(at('2026-10-10T11:00:00+08:00'), 1, shanghai)).toEqual(
      at('2026-10-12T11:00:00+08:00'),
    );
    // Saturday 14 Feb 2026 (make-up) after close: the Spring Festival runs 15–23 Feb.
    expect(twoDays('2026-02-14T18:30:00+08:00')).toEqual(at('2026-02-26T09:00:00+08:00'));
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
  it('counts addWorkingDays from the next working moment, at its time of day', () => {
    // Before opening: from 09:00 that day.
    expect(addWorkingDays(at('2026-06-01T06:00:00+02:00'), 1, berlin)).toEqual(
      at('2026-06-02T09:00:00+02:00'),
    );
    // After close: from 09:00 the next working day (not 18:00 tomorrow).
    expect(addWorkingDays(at('2026-06-01T21:00:00+02:00'), 1, berlin)).toEqual(
      at('2026-06-03T09:00:00+02:00'),
    );
    // Saturday + 1 working day: from Monday 09:00, so Tuesday 09:00; + 0 = Monday 09:00.
    expect(addWorkingDays(at('2026-06-06T10:00:00+02:00'), 1, berlin)).toEqual(
      at('2026-06-09T09:00:00+02:00'),
    );
    expect(addWorkingDays(at('2026-06-06T10:00:00+02:00'), 0, berlin)).toEqual(
      at('2026-06-08T09:00:00+02:00'),
    );
    // Inside working hours, + 0 is the moment itself.
    expect(addWorkingDays(at('2026-06-01T11:00:00+02:00'), 0, berlin)).toEqual(
      at('2026-06-01T11:00:00+02:00'),
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

describe('addWorkingDates: things due on a date', () => {
  it('is the N-th working date after the date, whatever the time of day', () => {
    // Sunday 22 Nov + 2 = Tuesday 24 Nov: due by the end of the second full working day.
    expect(addWorkingDates('2026-11-22', 2, shanghai)).toBe('2026-11-24');
    expect(addWorkingDates('2026-09-30', 3, shanghai)).toBe('2026-10-10');
    expect(() => addWorkingDates('2026-09-30', 0, shanghai)).toThrow(RangeError);
  });
});
