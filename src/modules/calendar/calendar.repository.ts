import type { Actor } from '../access/access.types.js';
import type { AbsenceDto, CalendarDto, CalendarWithDates, PersonCalendarSettings } from './calendar.dto.js';
import type { CalendarEntry } from './calendar.types.js';
import type { LocalDate } from './local-date.rules.js';
import type { Region } from './region-holidays.rules.js';

/** Calendars, their dates, who follows which, and absences. Each change is audited in its transaction. */
import type { WorkingHours } from './working-hours.rules.js';

export interface CalendarRepository {
  /** Creates the built-in calendars ('cn', 'us') for the workspace when missing; safe to race. */
  ensureBuiltIns(workspaceId: string): Promise<void>;
  findByKey(workspaceId: string, key: string): Promise<CalendarWithDates | null>;
  findById(calendarId: string): Promise<CalendarWithDates | null>;
  settingsOf(personId: string): Promise<PersonCalendarSettings>;
  /** Settings of many people (a few queries, whatever their number); unknown ids are left out. */
  settingsOfMany(personIds: readonly string[]): Promise<PersonCalendarSettings[]>;
  findByIds(calendarIds: readonly string[]): Promise<CalendarWithDates[]>;
  /** Absences of many people ending on or after the date (one query), by person. */
  absencesOfMany(
    personIds: readonly string[],
    endingOnOrAfter: LocalDate,
  ): Promise<Map<string, AbsenceDto[]>>;

  setPersonCalendar(actor: Actor, calendar: CalendarDto | null): Promise<void>;
  /** The person's working days and hours, audited. */
  setWorkingHours(actor: Actor, hours: WorkingHours): Promise<void>;
  /** Adds or replaces one date; creates the calendar (custom, optionally on a region) when missing. */
  putDate(
    actor: Actor,
    calendar: { key: string; createWithRegion: Region | null },
    date: { date: LocalDate; kind: CalendarEntry['kind']; name: string | null },
  ): Promise<{ calendar: CalendarDto; created: boolean }>;
  /**
   * A year's notice: every date added or replaced in one transaction, with one audit row
   * ('calendar.notice_applied': the year, the counts and the dates it replaced).
   */
  applyNotice(
    actor: Actor,
    calendar: CalendarDto,
    notice: { year: number; dates: { date: LocalDate; kind: CalendarEntry['kind']; name: string | null }[] },
  ): Promise<void>;
  /** False when the calendar had no such date. */
  removeDate(actor: Actor, calendar: CalendarDto, date: LocalDate): Promise<boolean>;
  setWorkspaceDefault(actor: Actor, calendar: CalendarDto): Promise<void>;
  /** Null when the workspace has no department with that key. */
  setDepartmentCalendar(
    actor: Actor,
    departmentKey: string,
    calendar: CalendarDto,
  ): Promise<{ key: string; nameEn: string; nameZh: string } | null>;
  recordRefusal(actor: Actor, attempted: string): Promise<void>;

  /** Absences that end on or after the date, earliest first. */
  absencesOf(personId: string, endingOnOrAfter: LocalDate): Promise<AbsenceDto[]>;
  /** Records an absence, replacing any that overlap it, in one transaction. */
  replaceAbsences(
    actor: Actor,
    absence: { from: LocalDate; to: LocalDate; reason: string | null },
  ): Promise<{ created: AbsenceDto; replaced: AbsenceDto[] }>;
  /** Ends an absence: last day `lastDay`, or withdrawn entirely when that is before it began. */
  endAbsence(actor: Actor, absence: AbsenceDto, lastDay: LocalDate, endedAt: Date): Promise<void>;
}
