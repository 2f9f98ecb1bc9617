import type { CalendarEntry } from './calendar.types.js';
import type { LocalDate } from './local-date.rules.js';

export interface CalendarDto {
  id: string;
  key: string;
  nameEn: string;
  nameZh: string;
  /** 'CN' or 'US' when built on a public calendar; null for a purely custom one. */
  region: string | null;
}

export interface CalendarDateDto {
  date: LocalDate;
  kind: CalendarEntry['kind'];
  name: string | null;
}

export interface CalendarWithDates extends CalendarDto {
  dates: CalendarDateDto[];
}

/** What decides a person's calendar and working time, read in one go. */
export interface PersonCalendarSettings {
  personId: string;
  timeZone: string | null;
  workDays: number;
  workStartMinute: number;
  workEndMinute: number;
  own: CalendarDto | null;
  /** The person's first department (oldest membership) that has a calendar, if any. */
  department: { key: string; nameEn: string; nameZh: string; calendar: CalendarDto } | null;
  workspaceDefault: CalendarDto | null;
  workspaceTimeZone: string;
}

/** Why a person follows the calendar they do. */
export type CalendarSource = 'person' | 'department' | 'workspace' | 'none';

export interface FollowedCalendar {
  source: CalendarSource;
  calendar: CalendarDto | null;
  department: { key: string; nameEn: string; nameZh: string } | null;
}

export interface AbsenceDto {
  id: string;
  from: LocalDate;
  to: LocalDate;
  reason: string | null;
}
