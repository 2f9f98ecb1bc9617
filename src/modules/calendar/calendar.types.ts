import type { LocalDate } from './local-date.rules.js';

export type DayKind = 'workday' | 'holiday' | 'weekend';

/**
 * What kind of day a local date is, for one calendar and weekly pattern. The scheduler
 * uses it to skip non-working days and the business-time arithmetic to find working
 * days; keep its name and shape stable.
 */
export interface WorkingCalendar {
  /** `localDate` is 'YYYY-MM-DD' in the zone of whoever asks. */
  dayKind(localDate: string): DayKind;
}

/** A holiday's name as its source gives it; `zh` falls back to English where the source has none. */
export interface HolidayName {
  en: string;
  zh: string;
}

/**
 * A date a calendar says something explicit about: a holiday, or a working day that the
 * weekly pattern would have off (China's make-up workdays, 调休; an admin's override).
 */
export interface CalendarEntry {
  kind: 'holiday' | 'workday';
  name: HolidayName | null;
}

/** Where a calendar's explicit dates come from: a public region's data, or a custom calendar. */
export interface HolidaySource {
  entryOn(date: LocalDate): CalendarEntry | undefined;
}

/** A date as a person sees it: its kind, and the holiday or make-up day it belongs to. */
export interface DayStatus {
  date: LocalDate;
  kind: DayKind;
  /** Set for holidays, and for make-up workdays (the holiday they make up for). */
  name: HolidayName | null;
  /** A working day on a day the weekly pattern has off (调休). */
  makeUpWorkday: boolean;
}

/** A WorkingCalendar that can also say why (names, make-up days), for people to read. */
export interface DescribedCalendar extends WorkingCalendar {
  describe(localDate: LocalDate): DayStatus;
}

/** Working days as a bitmask: Monday = 1, Tuesday = 2 … Sunday = 64 (Person.workDays). */
export const MONDAY_TO_FRIDAY = 0b0011111;

export function worksOnWeekday(workDays: number, isoWeekday: number): boolean {
  return (workDays & (1 << (isoWeekday - 1))) !== 0;
}
