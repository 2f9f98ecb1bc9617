import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chinaHolidays,
  type WorkingTimeProfile,
  workingCalendar,
} from '../../../src/modules/calendar/index.js';
import { isoWeekday } from '../../../src/modules/calendar/local-date.rules.js';
import {
  cycleDateOn,
  DEFAULT_CADENCE,
  judgeAnswer,
  promptAt,
  reminderAt,
  windowClosesAt,
} from '../../../src/modules/okrs/okr-check-in.rules.js';

const shanghai: WorkingTimeProfile = {
  timeZone: 'Asia/Shanghai',
  workStartMinute: 540,
  workEndMinute: 1080,
  calendar: workingCalendar(chinaHolidays),
  absences: [],
};

describe('the cadence', () => {
  it('names the latest cadence weekday on or before today, every N weeks on the same weeks', () => {
    expect(cycleDateOn('2026-12-09', DEFAULT_CADENCE)).toBe('2026-12-07'); // Wednesday → Monday
    expect(cycleDateOn('2026-12-07', DEFAULT_CADENCE)).toBe('2026-12-07');
    const fortnightly = { ...DEFAULT_CADENCE, everyWeeks: 2, weekday: 5 };
    const a = cycleDateOn('2026-12-10', fortnightly);
    expect(isoWeekday(a)).toBe(5);
    expect(cycleDateOn('2026-12-17', fortnightly) === a || cycleDateOn('2026-12-24', fortnightly) === a).toBe(
      true,
    );
  });

  it('is never after today, on the cadence weekday, at most N weeks back', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 7 }),
        (day, everyWeeks, weekday) => {
          const today = day.toISOString().slice(0, 10);
          const cycle = cycleDateOn(today, { ...DEFAULT_CADENCE, everyWeeks, weekday });
          const back = (Date.parse(today) - Date.parse(cycle)) / 86_400_000;
          return cycle <= today && isoWeekday(cycle) === weekday && back < everyWeeks * 7;
        },
      ),
    );
  });

  it('closes the window the cadence hours after the local prompt time in the workspace zone', () => {
    expect(windowClosesAt('2026-12-07', DEFAULT_CADENCE, 'Asia/Shanghai').toISOString()).toBe(
      '2026-12-09T02:00:00.000Z',
    );
  });
});

describe('when an owner is asked', () => {
  it('asks at 10:00 in their zone, moved past holidays to the next working day', () => {
    expect(promptAt('2026-12-07', DEFAULT_CADENCE, shanghai)?.toISOString()).toBe('2026-12-07T02:00:00.000Z');
    // National Day week 2026: 1–7 October off, so a Monday 5 October cycle asks on Thursday 8 October.
    expect(promptAt('2026-10-05', DEFAULT_CADENCE, shanghai)?.toISOString().slice(0, 10)).toBe('2026-10-08');
  });

  it('skips absences, and asks New York at 10:00 New York time', () => {
    const away = { ...shanghai, absences: [{ from: '2026-12-07', to: '2026-12-08' }] };
    expect(promptAt('2026-12-07', DEFAULT_CADENCE, away)?.toISOString().slice(0, 10)).toBe('2026-12-09');
    const ny = { ...shanghai, timeZone: 'America/New_York' };
    expect(promptAt('2026-12-07', DEFAULT_CADENCE, ny)?.toISOString()).toBe('2026-12-07T15:00:00.000Z');
  });

  it('reminds half way to the close, and not after it', () => {
    const prompted = new Date('2026-12-07T02:00:00Z');
    expect(reminderAt(prompted, new Date('2026-12-09T02:00:00Z'))?.toISOString()).toBe(
      '2026-12-08T02:00:00.000Z',
    );
    expect(reminderAt(new Date('2026-12-10T02:00:00Z'), new Date('2026-12-09T02:00:00Z'))).toBeNull();
  });
});

it('takes answers on time before the close, a first one late after it, and freezes answered ones', () => {
  const close = new Date('2026-12-09T02:00:00Z');
  expect(judgeAnswer(new Date('2026-12-08T00:00:00Z'), close, true)).toBe('on_time');
  expect(judgeAnswer(close, close, false)).toBe('late');
  expect(judgeAnswer(close, close, true)).toBe('frozen');
});
