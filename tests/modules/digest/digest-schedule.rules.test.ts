import { describe, expect, it } from 'vitest';
import {
  digestPeriod,
  nextDigestSlot,
  parseDigestRequest,
} from '../../../src/modules/digest/digest-schedule.rules.js';

describe('parseDigestRequest', () => {
  it('reads show, now, off, weekly and daily with their defaults', () => {
    expect(parseDigestRequest('')).toEqual({ type: 'show' });
    expect(parseDigestRequest(' NOW ')).toEqual({ type: 'now' });
    expect(parseDigestRequest('off')).toEqual({ type: 'set', setting: { cadence: 'off' } });
    expect(parseDigestRequest('weekly')).toEqual({
      type: 'set',
      setting: { cadence: 'weekly', weekday: 1, timeOfDay: '09:00' },
    });
    expect(parseDigestRequest('weekly 7:05 friday')).toEqual({
      type: 'set',
      setting: { cadence: 'weekly', weekday: 5, timeOfDay: '07:05' },
    });
    expect(parseDigestRequest('weekly 周三 18：00')).toEqual({
      type: 'set',
      setting: { cadence: 'weekly', weekday: 3, timeOfDay: '18:00' },
    });
    expect(parseDigestRequest('daily')).toEqual({
      type: 'set',
      setting: { cadence: 'daily', timeOfDay: '08:30' },
    });
    expect(parseDigestRequest('daily 23:59')).toEqual({
      type: 'set',
      setting: { cadence: 'daily', timeOfDay: '23:59' },
    });
  });

  it('refuses anything else', () => {
    for (const bad of [
      'monthly',
      'daily 24:00',
      'daily 8',
      'weekly funday',
      'weekly mon 09:00 extra',
      'now please',
      'off 9',
    ])
      expect(parseDigestRequest(bad), bad).toBeNull();
  });
});

describe('nextDigestSlot', () => {
  it('finds the next local weekday and time, strictly after now', () => {
    const monday9 = { cadence: 'weekly', weekday: 1, timeOfDay: '09:00' } as const;
    // Monday 09:00 in Shanghai is 01:00 UTC: at 01:00 exactly the next one is a week later.
    expect(nextDigestSlot(monday9, 'Asia/Shanghai', new Date('2036-12-01T00:59:00Z'))?.toISOString()).toBe(
      '2036-12-01T01:00:00.000Z',
    );
    expect(nextDigestSlot(monday9, 'Asia/Shanghai', new Date('2036-12-01T01:00:00Z'))?.toISOString()).toBe(
      '2036-12-08T01:00:00.000Z',
    );
    expect(
      nextDigestSlot(
        { cadence: 'daily', timeOfDay: '08:30' },
        'America/New_York',
        new Date('2036-12-01T14:00:00Z'),
      )?.toISOString(),
    ).toBe('2036-12-02T13:30:00.000Z');
    expect(nextDigestSlot({ cadence: 'off' }, 'UTC', new Date())).toBeNull();
  });

  it('keeps the local time across a daylight-saving change', () => {
    // Europe/Berlin moves to summer time on Sunday 29 March 2026.
    const slot = nextDigestSlot(
      { cadence: 'weekly', weekday: 1, timeOfDay: '09:00' },
      'Europe/Berlin',
      new Date('2026-03-27T12:00:00Z'),
    );
    expect(slot?.toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });
});

describe('digestPeriod', () => {
  it('keys a period by the reader’s local ISO week or date', () => {
    // Sunday 28 Dec 2036 23:30 UTC is Monday 29 Dec in Shanghai: ISO week 1 of 2037.
    const end = new Date('2036-12-28T23:30:00Z');
    expect(digestPeriod('weekly', end, 'Asia/Shanghai').key).toBe('weekly:2037-W01');
    expect(digestPeriod('weekly', end, 'UTC').key).toBe('weekly:2036-W52');
    expect(digestPeriod('daily', end, 'Asia/Shanghai')).toEqual({
      cadence: 'daily',
      start: new Date('2036-12-27T23:30:00Z'),
      end,
      key: 'daily:2036-12-29',
    });
  });
});
