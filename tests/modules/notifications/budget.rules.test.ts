import { describe, expect, it } from 'vitest';
import { decide, isQuietAt, nextAllowedAt } from '../../../src/modules/notifications/budget.rules.js';
import {
  parseQuietHours,
  parseSnoozeUntil,
} from '../../../src/modules/notifications/notification-input.rules.js';
import {
  type BudgetPerson,
  DEFAULT_QUIET_HOURS,
} from '../../../src/modules/notifications/notifications.types.js';
import { isDomainError } from '../../../src/modules/shared/domain-error.types.js';

const lin: BudgetPerson = {
  personId: 'p-lin',
  workspaceId: 'w',
  slackUserId: 'U0DEMOLIN',
  active: true,
  timeZone: 'Asia/Shanghai',
  locale: 'zh-CN',
  quietHours: DEFAULT_QUIET_HOURS,
  quietHoursAreDefault: true,
  dailyCap: 3,
  mutedKinds: [],
  snoozes: [],
  absences: [],
};
const base = { person: lin, kind: 'checkin.prompt', urgent: false, countedToday: 0 };

describe('the notification budget in the person’s own time', () => {
  it('holds at 23:00 in Shanghai (15:00 UTC) until 08:00 Shanghai, but not at 10:00 Shanghai', () => {
    const late = decide({ ...base, now: new Date('2026-12-01T15:00:00Z') });
    expect(late).toEqual({ action: 'hold', until: new Date('2026-12-02T00:00:00Z'), reason: 'quiet_hours' });
    expect(decide({ ...base, now: new Date('2026-12-01T02:00:00Z') })).toEqual({ action: 'send' });
  });

  it('wraps midnight, and a zero-length window is no quiet hours', () => {
    expect(isQuietAt(new Date('2026-12-01T17:00:00Z'), 'Asia/Shanghai', DEFAULT_QUIET_HOURS)).toBe(true);
    expect(isQuietAt(new Date('2026-12-01T17:00:00Z'), 'Asia/Shanghai', null)).toBe(false);
    expect(
      isQuietAt(new Date('2026-12-01T12:30:00Z'), 'UTC', { startMinute: 12 * 60, endMinute: 13 * 60 }),
    ).toBe(true);
  });

  it('holds what exceeds the daily cap until the next local morning', () => {
    const noon = new Date('2026-12-01T04:00:00Z'); // 12:00 in Shanghai
    expect(decide({ ...base, now: noon, countedToday: 2 })).toEqual({ action: 'send' });
    expect(decide({ ...base, now: noon, countedToday: 3 })).toEqual({
      action: 'hold',
      until: new Date('2026-12-02T00:00:00Z'), // midnight is quiet, so 08:00 local
      reason: 'daily_cap',
    });
  });

  it('drops a muted kind, holds a snoozed one, and lets urgent through everything', () => {
    const noon = new Date('2026-12-01T04:00:00Z');
    const until = new Date('2026-12-01T06:00:00Z');
    const muted = { ...lin, mutedKinds: ['checkin.prompt'] };
    const snoozed = { ...lin, snoozes: [{ kind: null, until }] };
    expect(decide({ ...base, now: noon, person: muted })).toEqual({ action: 'drop', reason: 'muted' });
    expect(decide({ ...base, now: noon, person: snoozed })).toEqual({
      action: 'hold',
      until,
      reason: 'snoozed',
    });
    expect(decide({ ...base, now: noon, person: { ...muted, dailyCap: 0 }, urgent: true })).toEqual({
      action: 'send',
    });
    const lateNight = new Date('2026-12-01T16:00:00Z');
    expect(decide({ ...base, now: lateNight, person: snoozed, urgent: true })).toEqual({ action: 'send' });
  });

  it('drops everything for a person Slack deactivated, urgent included', () => {
    const noon = new Date('2026-12-01T04:00:00Z');
    const gone = { ...lin, active: false };
    expect(decide({ ...base, now: noon, person: gone })).toEqual({ action: 'drop', reason: 'inactive' });
    expect(decide({ ...base, now: noon, person: gone, urgent: true })).toEqual({
      action: 'drop',
      reason: 'inactive',
    });
  });

  it('a snooze that ends in quiet hours releases at the end of quiet hours', () => {
    const person = { ...lin, snoozes: [{ kind: null, until: new Date('2026-12-01T14:00:00Z') }] }; // 22:00 local
    expect(nextAllowedAt(new Date('2026-12-01T12:00:00Z'), person, 'x')).toEqual(
      new Date('2026-12-02T00:00:00Z'),
    );
  });
});

describe('what people type', () => {
  it('reads quiet hours and refuses nonsense with a localized error', () => {
    expect(parseQuietHours('21:30-08:00')).toEqual({ startMinute: 1290, endMinute: 480 });
    expect(parseQuietHours('off')).toBeNull();
    for (const bad of ['25:00-08:00', '21:30', '9pm-8am', '08:00-08:00']) {
      expect(() => parseQuietHours(bad)).toThrow(
        expect.objectContaining({ code: 'notifications.bad_quiet_hours' }),
      );
    }
  });

  it('reads snooze lengths and times in the person’s zone', () => {
    const now = new Date('2026-12-01T04:00:00Z'); // 12:00 Shanghai
    expect(parseSnoozeUntil('30m', now, 'Asia/Shanghai')).toEqual(new Date('2026-12-01T04:30:00Z'));
    expect(parseSnoozeUntil('2h', now, 'Asia/Shanghai')).toEqual(new Date('2026-12-01T06:00:00Z'));
    expect(parseSnoozeUntil('until 14:00', now, 'Asia/Shanghai')).toEqual(new Date('2026-12-01T06:00:00Z'));
    expect(parseSnoozeUntil('until 09:00', now, 'Asia/Shanghai')).toEqual(new Date('2026-12-02T01:00:00Z'));
    expect(parseSnoozeUntil('until 2026-12-03 09:00', now, 'Asia/Shanghai')).toEqual(
      new Date('2026-12-03T01:00:00Z'),
    );
    const past = (() => {
      try {
        parseSnoozeUntil('until 2026-11-30 09:00', now, 'Asia/Shanghai');
      } catch (error) {
        return error;
      }
    })();
    expect(isDomainError(past) && past.code).toBe('notifications.snooze_in_past');
    expect(() => parseSnoozeUntil('soon', now, 'UTC')).toThrow(
      expect.objectContaining({ code: 'notifications.bad_snooze' }),
    );
  });
});

describe('out of office', () => {
  it('holds everything but urgent while the person is away, until the morning after their last day', () => {
    const away = { ...lin, absences: [{ from: '2026-12-01', to: '2026-12-03' }] };
    const during = new Date('2026-12-02T04:00:00Z'); // 12:00 in Shanghai on a day off
    expect(decide({ ...base, now: during, person: away })).toEqual({
      action: 'hold',
      reason: 'away',
      // 4 December, 00:00 in Shanghai falls in quiet hours: out at 08:00 local.
      until: new Date('2026-12-04T00:00:00Z'),
    });
    expect(decide({ ...base, now: during, person: away, urgent: true })).toEqual({ action: 'send' });
    const before = new Date('2026-11-30T04:00:00Z');
    expect(decide({ ...base, now: before, person: away })).toEqual({ action: 'send' });
  });
});
