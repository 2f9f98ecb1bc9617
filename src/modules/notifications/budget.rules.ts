import { DateTime } from 'luxon';
import type { BudgetDecision, BudgetPerson, QuietHours } from './notifications.types.js';

const MINUTES_PER_DAY = 24 * 60;

function local(at: Date, zone: string): DateTime {
  const dt = DateTime.fromJSDate(at, { zone });
  // An unknown zone must not silently become "no quiet hours": fall back to UTC.
  return dt.isValid ? dt : DateTime.fromJSDate(at, { zone: 'UTC' });
}

export function isQuietAt(at: Date, zone: string, quiet: QuietHours | null): boolean {
  if (!quiet || quiet.startMinute === quiet.endMinute) return false;
  const t = local(at, zone);
  const minute = t.hour * 60 + t.minute;
  return quiet.startMinute < quiet.endMinute
    ? minute >= quiet.startMinute && minute < quiet.endMinute
    : minute >= quiet.startMinute || minute < quiet.endMinute;
}

/** The next instant (after `at`) when the local clock shows the end of quiet hours. */
export function quietEndAfter(at: Date, zone: string, quiet: QuietHours): Date {
  const t = local(at, zone);
  let end = t.startOf('day').plus({ minutes: quiet.endMinute % MINUTES_PER_DAY });
  if (end <= t) end = t.startOf('day').plus({ days: 1, minutes: quiet.endMinute % MINUTES_PER_DAY });
  return end.toJSDate();
}

/** The person's current local day as [start, end) instants (23 or 25 hours around DST). */
export function localDay(at: Date, zone: string): { start: Date; end: Date } {
  const start = local(at, zone).startOf('day');
  return { start: start.toJSDate(), end: start.plus({ days: 1 }).toJSDate() };
}

/** When something held at `at` may go out: past quiet hours and past any running snooze. */
export function nextAllowedAt(at: Date, person: BudgetPerson, kind: string | null): Date {
  let candidate = at;
  // Two rounds: the end of a snooze can fall in quiet hours and vice versa.
  for (let round = 0; round < 3; round += 1) {
    const snoozedUntil = activeSnoozeEnd(candidate, person, kind);
    if (snoozedUntil) candidate = snoozedUntil;
    if (person.quietHours && isQuietAt(candidate, person.timeZone, person.quietHours)) {
      candidate = quietEndAfter(candidate, person.timeZone, person.quietHours);
    } else if (!snoozedUntil) {
      return candidate;
    }
  }
  return candidate;
}

/** The local midnight after the last day of the absence covering `at`, if one does. */
export function awayUntil(at: Date, person: BudgetPerson): Date | undefined {
  const today = local(at, person.timeZone).toISODate() ?? '';
  const lastDays = person.absences.filter((a) => a.from <= today && today <= a.to).map((a) => a.to);
  if (lastDays.length === 0) return undefined;
  const lastDay = lastDays.sort().at(-1) ?? today;
  const zone = local(at, person.timeZone).zone;
  return DateTime.fromISO(lastDay, { zone }).plus({ days: 1 }).startOf('day').toJSDate();
}

function activeSnoozeEnd(at: Date, person: BudgetPerson, kind: string | null): Date | undefined {
  const ends = person.snoozes
    .filter((s) => s.until > at && (s.kind === null || s.kind === kind))
    .map((s) => s.until.getTime());
  const away = awayUntil(at, person);
  if (away) ends.push(away.getTime());
  return ends.length > 0 ? new Date(Math.max(...ends)) : undefined;
}

/**
 * The budget, the same for every feature. Order matters: a deactivated account gets
 * nothing, urgent or not; mute beats everything else (the person said never), then snooze
 * and quiet hours (later), then the daily cap (tomorrow).
 */
export function decide(input: {
  now: Date;
  person: BudgetPerson;
  kind: string;
  urgent: boolean;
  /** Non-urgent notifications already going to this person today (local day). */
  countedToday: number;
}): BudgetDecision {
  const { now, person, kind } = input;
  if (!person.active) return { action: 'drop', reason: 'inactive' };
  if (input.urgent) return { action: 'send' };
  if (person.mutedKinds.includes(kind)) return { action: 'drop', reason: 'muted' };
  const snoozedUntil = activeSnoozeEnd(now, person, kind);
  if (snoozedUntil) {
    const reason = awayUntil(now, person) ? 'away' : 'snoozed';
    return { action: 'hold', until: nextAllowedAt(snoozedUntil, person, kind), reason };
  }
  if (isQuietAt(now, person.timeZone, person.quietHours)) {
    return { action: 'hold', until: nextAllowedAt(now, person, kind), reason: 'quiet_hours' };
  }
  if (input.countedToday >= person.dailyCap) {
    const tomorrow = localDay(now, person.timeZone).end;
    return { action: 'hold', until: nextAllowedAt(tomorrow, person, kind), reason: 'daily_cap' };
  }
  return { action: 'send' };
}
