import { describe, expect, it } from 'vitest';
import {
  CHINA_COVERAGE,
  chinaHolidays,
  layeredHolidays,
  noHolidays,
  usFederalHolidays,
  workingCalendar,
} from '../../../src/modules/calendar/index.js';

const china = workingCalendar(chinaHolidays);
const us = workingCalendar(usFederalHolidays);

describe('China: statutory holidays and make-up workdays (调休)', () => {
  it('covers 2025 and 2026', () => {
    expect(CHINA_COVERAGE.fromYear).toBeLessThanOrEqual(2025);
    expect(CHINA_COVERAGE.toYear).toBeGreaterThanOrEqual(2026);
  });

  it('has the 2026 Spring Festival off, named in both languages, with its make-up Saturdays as workdays', () => {
    for (const date of ['2026-02-15', '2026-02-16', '2026-02-20', '2026-02-23'])
      expect(china.describe(date)).toMatchObject({
        kind: 'holiday',
        name: { en: 'Spring Festival', zh: '春节' },
      });
    // Saturday 14 and Saturday 28 February 2026 are working days (调休).
    expect(china.describe('2026-02-14')).toMatchObject({
      kind: 'workday',
      makeUpWorkday: true,
      name: { zh: '春节' },
    });
    expect(china.describe('2026-02-28')).toMatchObject({ kind: 'workday', makeUpWorkday: true });
    expect(china.dayKind('2026-02-24')).toBe('workday');
    expect(china.dayKind('2026-03-01')).toBe('weekend');
  });

  it('has National Day 2025 (with Mid-Autumn) and 2026 off, and their make-up days on', () => {
    for (const date of ['2025-10-01', '2025-10-06', '2025-10-08'])
      expect(china.dayKind(date)).toBe('holiday');
    expect(china.describe('2025-10-01').name?.zh).toBe('国庆节');
    expect(china.describe('2025-09-28')).toMatchObject({ kind: 'workday', makeUpWorkday: true });
    expect(china.describe('2025-10-11')).toMatchObject({ kind: 'workday', makeUpWorkday: true });
    for (const date of ['2026-10-01', '2026-10-07']) expect(china.dayKind(date)).toBe('holiday');
    expect(china.describe('2026-10-10')).toMatchObject({ kind: 'workday', makeUpWorkday: true });
  });

  it('treats a make-up Saturday as a workday even for a Monday–Friday week', () => {
    expect(workingCalendar(noHolidays).dayKind('2026-02-14')).toBe('weekend');
    expect(china.dayKind('2026-02-14')).toBe('workday');
  });
});

describe('United States federal holidays', () => {
  it('has Thanksgiving and other federal holidays, named in both languages', () => {
    expect(us.describe('2026-11-26')).toMatchObject({
      kind: 'holiday',
      name: { en: 'Thanksgiving Day', zh: '感恩节' },
    });
    expect(us.describe('2025-11-27').kind).toBe('holiday');
    expect(us.describe('2026-09-07').name?.en).toBe('Labor Day');
    expect(us.dayKind('2026-11-27')).toBe('workday');
  });

  it('observes a weekend holiday on the nearest weekday', () => {
    // Independence Day 2026 is a Saturday: observed Friday 3 July.
    expect(us.describe('2026-07-03')).toMatchObject({
      kind: 'holiday',
      name: { en: 'Independence Day (observed)' },
    });
    // New Year's Day 2028 is a Saturday: observed Friday 31 December 2027.
    expect(us.dayKind('2027-12-31')).toBe('holiday');
    // Veterans Day 2028 is a Saturday; date-holidays has no substitute rule for it.
    expect(us.describe('2028-11-10')).toMatchObject({
      kind: 'holiday',
      name: { en: 'Veterans Day (observed)' },
    });
  });

  it('leaves out observances that are not federal holidays', () => {
    expect(us.dayKind('2026-02-13')).toBe('workday'); // Friday before Valentine's Day
    expect(us.dayKind('2026-10-30')).toBe('workday'); // Friday before Halloween
  });
});

describe('custom calendars over a region', () => {
  it('let their own dates win: a company holiday added, a public holiday made a working day', () => {
    const custom = workingCalendar(
      layeredHolidays(
        new Map([
          ['2026-12-24', { kind: 'holiday', name: { en: 'Christmas Eve', zh: 'Christmas Eve' } }],
          ['2026-11-26', { kind: 'workday', name: null }],
        ] as const),
        usFederalHolidays,
      ),
    );
    expect(custom.describe('2026-12-24')).toMatchObject({ kind: 'holiday', name: { en: 'Christmas Eve' } });
    expect(custom.dayKind('2026-11-26')).toBe('workday');
    expect(custom.dayKind('2026-12-25')).toBe('holiday');
  });

  it('follow a weekly pattern other than Monday–Friday', () => {
    const sundayToThursday = 0b1001111; // Mon–Thu and Sun
    const calendar = workingCalendar(noHolidays, sundayToThursday);
    expect(calendar.dayKind('2026-06-05')).toBe('weekend'); // Friday
    expect(calendar.dayKind('2026-06-07')).toBe('workday'); // Sunday
  });
});
