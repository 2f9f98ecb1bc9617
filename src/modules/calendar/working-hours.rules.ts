import { DomainError } from '../shared/domain-error.types.js';

/** Working days (bitmask, Monday = 1 … Sunday = 64) and hours (minutes after local midnight). */
export interface WorkingHours {
  workDays: number;
  startMinute: number;
  endMinute: number;
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function badHours(text: string): DomainError {
  return new DomainError(
    'calendar.bad_hours',
    { key: 'calendar.errors.badHours', params: { text } },
    { detail: text },
  );
}

function minuteOf(hhmm: string, text: string): number {
  const match = /^([01]?\d|2[0-4]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw badHours(text);
  const minute = Number(match[1]) * 60 + Number(match[2]);
  if (minute > 24 * 60) throw badHours(text);
  return minute;
}

function dayIndex(name: string, text: string): number {
  const index = DAYS.indexOf(name.slice(0, 3).toLowerCase() as (typeof DAYS)[number]);
  if (index < 0) throw badHours(text);
  return index;
}

/** `mon-fri`, `sun-thu`, `mon,wed,fri` (ranges wrap around the week). */
function parseDays(spec: string, text: string): number {
  let mask = 0;
  for (const part of spec.split(',')) {
    const [from, to] = part.split('-');
    if (!from) throw badHours(text);
    const start = dayIndex(from, text);
    const end = to === undefined ? start : dayIndex(to, text);
    for (let i = start; ; i = (i + 1) % 7) {
      mask |= 1 << i;
      if (i === end) break;
    }
  }
  return mask;
}

/**
 * Parses `09:30-18:30 [mon-fri]`. Days default to the person's current ones; hours must be
 * at least one hour apart and end after they start (night shifts across midnight are not
 * supported yet: say so rather than compute something surprising).
 */
export function parseWorkingHours(text: string, currentDays: number): WorkingHours {
  const [hours, days] = text.trim().split(/\s+/);
  const [from, to] = (hours ?? '').split(/[-–]/);
  if (!from || !to) throw badHours(text);
  const startMinute = minuteOf(from, text);
  const endMinute = minuteOf(to, text);
  if (endMinute - startMinute < 60) throw badHours(text);
  return { startMinute, endMinute, workDays: days ? parseDays(days, text) : currentDays };
}

export function formatMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** The days of a mask in week order, as three-letter English keys ('mon', …). */
export function daysOf(mask: number): (typeof DAYS)[number][] {
  return DAYS.filter((_, i) => (mask & (1 << i)) !== 0);
}
