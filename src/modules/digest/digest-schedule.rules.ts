import { DateTime } from 'luxon';
import type { DigestCadence, DigestPeriod } from './digest-section.types.js';

/** When a person wants their digest: a weekday and a local time, a daily time, or never. */
export type DigestSetting =
  | { cadence: 'weekly'; weekday: number; timeOfDay: string }
  | { cadence: 'daily'; timeOfDay: string }
  | { cadence: 'off' };

/** What `/liaison digest …` asks for. */
export type DigestRequest = { type: 'show' } | { type: 'now' } | { type: 'set'; setting: DigestSetting };

/** Eligible people who chose nothing get this: Monday 09:00 in their own zone. */
export const DEFAULT_DIGEST_SETTING: DigestSetting = { cadence: 'weekly', weekday: 1, timeOfDay: '09:00' };
const DEFAULT_WEEKLY_TIME = '09:00';
const DEFAULT_DAILY_TIME = '08:30';

const WEEKDAYS: Record<string, number> = {
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
  sun: 7,
  sunday: 7,
  周一: 1,
  周二: 2,
  周三: 3,
  周四: 4,
  周五: 5,
  周六: 6,
  周日: 7,
  周天: 7,
  星期一: 1,
  星期二: 2,
  星期三: 3,
  星期四: 4,
  星期五: 5,
  星期六: 6,
  星期日: 7,
  星期天: 7,
};

/** 'HH:MM' (or 'H:MM', '：' accepted) normalized to 'HH:MM', else null. */
export function parseTimeOfDay(text: string): string | null {
  const match = /^(\d{1,2})[:：](\d{2})$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/**
 * Reads the arguments of `/liaison digest`: nothing (show), `now`, `off`,
 * `weekly [day] [HH:MM]` (Monday 09:00 unless given) or `daily [HH:MM]` (08:30 unless given).
 * Null when it is none of these.
 */
export function parseDigestRequest(args: string): DigestRequest | null {
  const words = args.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const [first, ...rest] = words;
  if (!first) return { type: 'show' };
  if (first === 'now' && rest.length === 0) return { type: 'now' };
  if (first === 'off' && rest.length === 0) return { type: 'set', setting: { cadence: 'off' } };
  if (first === 'daily') {
    if (rest.length > 1) return null;
    const timeOfDay = rest[0] === undefined ? DEFAULT_DAILY_TIME : parseTimeOfDay(rest[0]);
    return timeOfDay ? { type: 'set', setting: { cadence: 'daily', timeOfDay } } : null;
  }
  if (first === 'weekly') {
    if (rest.length > 2) return null;
    let weekday = 1;
    let timeOfDay = DEFAULT_WEEKLY_TIME;
    for (const word of rest) {
      const day = WEEKDAYS[word];
      const time = parseTimeOfDay(word);
      if (day !== undefined) weekday = day;
      else if (time) timeOfDay = time;
      else return null;
    }
    return { type: 'set', setting: { cadence: 'weekly', weekday, timeOfDay } };
  }
  return null;
}

/** The first slot of `setting` strictly after `after`, in `timeZone`; null when off. */
export function nextDigestSlot(setting: DigestSetting, timeZone: string, after: Date): Date | null {
  if (setting.cadence === 'off') return null;
  const [hour = 0, minute = 0] = setting.timeOfDay.split(':').map(Number);
  const local = DateTime.fromJSDate(after, { zone: timeZone });
  let candidate = local.set({ hour, minute, second: 0, millisecond: 0 });
  if (setting.cadence === 'weekly') {
    candidate = candidate.plus({ days: (setting.weekday - candidate.weekday + 7) % 7 });
    while (candidate.toMillis() <= after.getTime())
      candidate = candidate.plus({ weeks: 1 }).set({ hour, minute });
  } else {
    while (candidate.toMillis() <= after.getTime())
      candidate = candidate.plus({ days: 1 }).set({ hour, minute });
  }
  return candidate.toJSDate();
}

/**
 * The period a digest sent at `end` covers: the week (or day) before it. Its key names the
 * reader's local ISO week (or date), so one person gets one digest per period however often
 * the job runs, and whichever replica runs it.
 */
export function digestPeriod(cadence: DigestCadence, end: Date, timeZone: string): DigestPeriod {
  const local = DateTime.fromJSDate(end, { zone: timeZone });
  if (cadence === 'weekly') {
    return {
      cadence,
      start: local.minus({ weeks: 1 }).toJSDate(),
      end,
      key: `weekly:${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`,
    };
  }
  return { cadence, start: local.minus({ days: 1 }).toJSDate(), end, key: `daily:${local.toISODate()}` };
}
