import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/i18n/catalog.js';
import {
  type CalendarDateError,
  isCalendarDateError,
  localDateAt,
  parseCalendarDate,
} from '../../../src/modules/calendar/index.js';

function refusal(run: () => unknown): CalendarDateError {
  try {
    run();
  } catch (error) {
    if (isCalendarDateError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const en = translator('en');
const zh = translator('zh-CN');
const say = (error: CalendarDateError, t = en) => t(error.userMessage.key, error.userMessage.params);

describe('parseCalendarDate', () => {
  it('returns a real date as YYYY-MM-DD, read as written', () => {
    expect(parseCalendarDate('2027-02-28')).toBe('2027-02-28');
    expect(parseCalendarDate(' 2028-02-29 ')).toBe('2028-02-29');
    expect(parseCalendarDate('2027-3-5')).toBe('2027-03-05');
    expect(parseCalendarDate('2027/03/05')).toBe('2027-03-05');
    expect(parseCalendarDate('２０２７－０３－０５')).toBe('2027-03-05');
  });

  it('refuses days and months that do not exist instead of rolling them over', () => {
    const thirtieth = refusal(() => parseCalendarDate('2027-02-30'));
    expect(thirtieth).toMatchObject({ problem: 'no_such_date', code: 'date.no_such_date' });
    expect(say(thirtieth)).toBe('“2027-02-30” is not a date: 2027-02 has 28 days.');
    expect(say(thirtieth, zh)).toBe('「2027-02-30」不是日期：2027-02 只有 28 天。');
    expect(say(refusal(() => parseCalendarDate('2027-02-29')))).toContain('2027-02 has 28 days');
    expect(say(refusal(() => parseCalendarDate('2027-13-01')))).toBe(
      '“2027-13-01” is not a date: a year has 12 months.',
    );
    expect(refusal(() => parseCalendarDate('2027-00-10')).problem).toBe('no_such_date');
    expect(refusal(() => parseCalendarDate('2027-04-00')).problem).toBe('no_such_date');
  });

  it('refuses what is not a date at all, echoing it inert', () => {
    for (const typed of ['', null, undefined, 'tomorrow', '27-02-01', '2027-02-01T10:00', '20270201'])
      expect(refusal(() => parseCalendarDate(typed)).problem).toBe('malformed');
    const injected = refusal(() => parseCalendarDate('<!channel> *bold*'));
    expect(say(injected)).toBe(
      '“channel bold” is not a date. Write dates as YYYY-MM-DD, for example 2026-12-01.',
    );
  });

  it('holds a date to the person’s today, not UTC’s', () => {
    // 20:00 UTC on 1 Dec 2036 is already 2 Dec in Shanghai, still 1 Dec in New York.
    const now = new Date('2036-12-01T20:00:00Z');
    const shanghai = localDateAt(now, 'Asia/Shanghai');
    const newYork = localDateAt(now, 'America/New_York');
    expect([shanghai, newYork]).toEqual(['2036-12-02', '2036-12-01']);
    const yesterday = refusal(() => parseCalendarDate('2036-12-01', { today: shanghai, min: shanghai }));
    expect(yesterday.problem).toBe('too_early');
    expect(say(yesterday)).toBe(
      'That date is in the past (today is 2036-12-02). Choose today or a later date.',
    );
    expect(parseCalendarDate('2036-12-02', { today: shanghai, min: shanghai })).toBe('2036-12-02');
    expect(parseCalendarDate('2036-12-01', { today: newYork, min: newYork })).toBe('2036-12-01');
  });

  it('keeps to min and max, and to a sane span of years whatever the caller allows', () => {
    expect(say(refusal(() => parseCalendarDate('2030-01-01', { min: '2031-01-01' })))).toBe(
      '2030-01-01 is too early. Choose 2031-01-01 or a later date.',
    );
    expect(say(refusal(() => parseCalendarDate('2032-01-01', { max: '2031-12-31' })))).toBe(
      '2032-01-01 is too far ahead. Choose 2031-12-31 or an earlier date.',
    );
    expect(refusal(() => parseCalendarDate('2300-01-01')).problem).toBe('too_late');
    expect(refusal(() => parseCalendarDate('1899-12-31')).problem).toBe('too_early');
    expect(parseCalendarDate('2031-12-31', { min: '2031-12-31', max: '2031-12-31' })).toBe('2031-12-31');
  });

  it('names the form field the error belongs to', () => {
    expect(refusal(() => parseCalendarDate('2027-02-30', { field: 'wantedBy' })).field).toBe('wantedBy');
  });
});
