import { DateTime } from 'luxon';
import {
  addDays,
  isoWeekday,
  type LocalDate,
  localDateAt,
  utcMidnightMs,
} from '../calendar/local-date.rules.js';
import { isWorkingDate, type WorkingTimeProfile } from '../calendar/working-time.rules.js';
import type { OkrConfidence } from './okrs.types.js';

/*
 * When a department checks in. Its cadence (every N weeks on a weekday, at a local time)
 * names a cycle date in the workspace's zone; each owner is asked on their own first working
 * date on or after it (their holidays, China's make-up workdays, days off and absences as
 * the calendar module says), at the cadence's time in *their* zone. Answers are on time
 * until the window closes (the cycle date at that time in the workspace's zone plus the
 * window's hours); after that an unanswered key result may still be answered, marked late,
 * and an answered one is frozen. The wrap-up goes out when the window closes.
 */

export interface CheckInCadence {
  everyWeeks: number;
  /** ISO weekday, Monday = 1. */
  weekday: number;
  /** Local minutes after midnight. */
  localMinute: number;
  windowHours: number;
  nameMissing: boolean;
}

export const DEFAULT_CADENCE: CheckInCadence = {
  everyWeeks: 1,
  weekday: 1,
  localMinute: 10 * 60,
  windowHours: 48,
  nameMissing: false,
};

/** Cycles count in weeks from this Monday, so "every 2 weeks" is the same weeks for everyone. */
const ANCHOR_MONDAY = '2001-01-01';
const DAY_MS = 86_400_000;
/** How far past the cycle date an owner's first working date may fall (Golden Week, long leave). */
const PROMPT_SEARCH_DAYS = 14;

function weekIndex(date: LocalDate): number {
  return Math.floor((utcMidnightMs(date) - utcMidnightMs(ANCHOR_MONDAY)) / (7 * DAY_MS));
}

/** The latest cycle date on or before `today`: the cadence weekday of a week the cadence keeps. */
export function cycleDateOn(today: LocalDate, cadence: CheckInCadence): LocalDate {
  let date = addDays(today, -((isoWeekday(today) - cadence.weekday + 7) % 7));
  while (((weekIndex(date) % cadence.everyWeeks) + cadence.everyWeeks) % cadence.everyWeeks !== 0)
    date = addDays(date, -7);
  return date;
}

/** Instants already worked out (owners share dates, times and zones: a pass asks a few distinct ones). */
const instants = new Map<string, number>();
const INSTANT_MEMO_LIMIT = 5000;

/** An instant: the local date at a number of minutes after midnight in a zone. */
export function localMinuteOf(date: LocalDate, minute: number, zone: string): Date {
  const key = `${date}|${minute}|${zone}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    ms = DateTime.fromISO(date, { zone }).plus({ minutes: minute }).toMillis();
    if (instants.size >= INSTANT_MEMO_LIMIT) instants.clear();
    instants.set(key, ms);
  }
  return new Date(ms);
}

export function windowClosesAt(cycleOn: LocalDate, cadence: CheckInCadence, workspaceZone: string): Date {
  return new Date(
    localMinuteOf(cycleOn, cadence.localMinute, workspaceZone).getTime() + cadence.windowHours * 3_600_000,
  );
}

/** The current cycle of a department at `now`, and when its answers stop being on time. */
export function currentCycle(now: Date, cadence: CheckInCadence, workspaceZone: string) {
  const cycleOn = cycleDateOn(localDateAt(now, workspaceZone), cadence);
  return { cycleOn, closesAt: windowClosesAt(cycleOn, cadence, workspaceZone) };
}

/** When an owner is asked: their first working date from the cycle date, at the cadence's local time; null if none soon. */
export function promptAt(
  cycleOn: LocalDate,
  cadence: CheckInCadence,
  profile: WorkingTimeProfile,
): Date | null {
  for (let day = 0; day <= PROMPT_SEARCH_DAYS; day++) {
    const date = addDays(cycleOn, day);
    if (isWorkingDate(date, profile)) return localMinuteOf(date, cadence.localMinute, profile.timeZone);
  }
  return null;
}

/** The reminder: half way from the prompt to the close, if that is still before the close. */
export function reminderAt(prompted: Date, closesAt: Date): Date | null {
  if (prompted.getTime() >= closesAt.getTime()) return null;
  return new Date(prompted.getTime() + (closesAt.getTime() - prompted.getTime()) / 2);
}

export type AnswerVerdict = 'on_time' | 'late' | 'frozen';

/** An answer before the close is on time (and may replace an earlier one); after it, only a first answer, marked late. */
export function judgeAnswer(now: Date, closesAt: Date, alreadyAnswered: boolean): AnswerVerdict {
  if (now.getTime() < closesAt.getTime()) return 'on_time';
  return alreadyAnswered ? 'frozen' : 'late';
}

export interface CheckInAnswer {
  keyResultId: string;
  value: number | null;
  done: boolean | null;
  confidence: OkrConfidence | null;
  /** 1–10 on the 1–10 scale (the service sets confidence to its three-step mapping). */
  confidenceScore?: number | null;
  comment: string | null;
  blockers: string | null;
}

/** An answer with nothing in it is no answer: the key result stays open for later. */
export function isEmptyAnswer(answer: CheckInAnswer): boolean {
  return (
    answer.value === null &&
    answer.done === null &&
    answer.confidence === null &&
    !answer.comment &&
    !answer.blockers
  );
}

/** Response rate: answered owners over asked owners; null when nobody was asked. */
export function responseRate(asked: number, answered: number): number | null {
  return asked === 0 ? null : answered / asked;
}
