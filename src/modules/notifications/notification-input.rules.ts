import { DateTime } from 'luxon';
import { parseCalendarDate } from '../calendar/calendar-date.rules.js';
import { DomainError } from '../shared/domain-error.types.js';
import type { QuietHours } from './notifications.types.js';

const MAX_SNOOZE_DAYS = 30;

function minuteOf(hours: string, minutes: string): number | undefined {
  const h = Number(hours);
  const m = Number(minutes);
  return h <= 23 && m <= 59 ? h * 60 + m : undefined;
}

/** `21:30-08:00` (also `21:30–08:00`, `21:30 - 8:00`) or `off`; null means off. */
export function parseQuietHours(text: string): QuietHours | null {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'off') return null;
  const match = /^(\d{1,2}):(\d{2})\s*[-–~]\s*(\d{1,2}):(\d{2})$/.exec(trimmed);
  const start = match ? minuteOf(match[1] ?? '', match[2] ?? '') : undefined;
  const end = match ? minuteOf(match[3] ?? '', match[4] ?? '') : undefined;
  if (start === undefined || end === undefined || start === end) {
    throw new DomainError(
      'notifications.bad_quiet_hours',
      { key: 'notifications.errors.quietUsage' },
      { detail: text },
    );
  }
  return { startMinute: start, endMinute: end };
}

/** `30m`, `2h`, `1h30m`, `until 14:00` (next time the local clock shows it), `until 2026-12-01 09:00`. */
export function parseSnoozeUntil(text: string, now: Date, zone: string): Date {
  const trimmed = text.trim().toLowerCase();
  const usage = () =>
    new DomainError(
      'notifications.bad_snooze',
      { key: 'notifications.errors.snoozeUsage' },
      { detail: text },
    );
  const local = DateTime.fromJSDate(now, { zone });
  let until: DateTime | undefined;
  const duration = /^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?$/.exec(trimmed);
  const clock = /^until\s+(\d{1,2}):(\d{2})$/.exec(trimmed);
  const dated = /^until\s+(\S+)\s+(\d{1,2}):(\d{2})$/.exec(trimmed);
  if (duration && (duration[1] || duration[2])) {
    until = local.plus({ hours: Number(duration[1] ?? 0), minutes: Number(duration[2] ?? 0) });
  } else if (clock) {
    const minute = minuteOf(clock[1] ?? '', clock[2] ?? '');
    if (minute === undefined) throw usage();
    until = local.startOf('day').plus({ minutes: minute });
    if (until <= local) until = local.startOf('day').plus({ days: 1, minutes: minute });
  } else if (dated) {
    // The date as every form and command reads it: 2026-02-30 is refused, not rolled over.
    const date = parseCalendarDate(dated[1]);
    const minute = minuteOf(dated[2] ?? '', dated[3] ?? '');
    if (minute === undefined) throw usage();
    until = DateTime.fromISO(`${date}T${formatMinute(minute)}`, { zone });
    if (!until.isValid) throw usage();
  }
  if (!until) throw usage();
  if (until <= local) {
    throw new DomainError(
      'notifications.snooze_in_past',
      { key: 'notifications.errors.snoozeInPast', params: { until: until.toFormat('yyyy-MM-dd HH:mm') } },
      { detail: text },
    );
  }
  if (until > local.plus({ days: MAX_SNOOZE_DAYS })) {
    throw new DomainError(
      'notifications.snooze_too_long',
      { key: 'notifications.errors.snoozeTooLong' },
      { detail: text },
    );
  }
  return until.toJSDate();
}

/** `21:30` from minutes after midnight. */
export function formatMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
