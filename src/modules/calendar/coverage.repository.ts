import type { CalendarWithDates } from './calendar.dto.js';

/** A calendar of the workspace and what uses it. */
export interface CalendarUsageRow {
  calendar: CalendarWithDates;
  workspaceDefault: boolean;
  /** Departments (not archived) that follow it. */
  departments: { key: string; nameEn: string; nameZh: string }[];
  /** Active people who chose it for themselves. */
  people: number;
  /** Active schedules that skip its non-working days. */
  schedules: number;
}

/** An open escalation's deadline, with the calendars of the departments it involves. */
export interface OpenDeadlineRow {
  number: number;
  title: string;
  dueAt: Date;
  /** Per involved department: its calendar, or null when it follows the workspace default. */
  calendarIds: (string | null)[];
}

export interface ScheduledRunRow {
  id: string;
  name: string;
  nextRunAt: Date;
  timeZone: string;
  calendarId: string;
}

/** What the coverage check reads; it writes nothing (warnings go through notify). */
export interface CoverageRepository {
  workspaceOf(workspaceId: string): Promise<{ defaultTimeZone: string; defaultLocale: string } | null>;
  /** Every calendar of the workspace with its uses, in key order. */
  calendarsOf(workspaceId: string): Promise<CalendarUsageRow[]>;
  /** Active admins (workspace admins and granted Liaison admins), not bots. */
  admins(
    workspaceId: string,
  ): Promise<{ personId: string; locale: string | null; timeZone: string | null }[]>;
  /** Escalations not resolved that have an SLA deadline. */
  openDeadlines(workspaceId: string): Promise<OpenDeadlineRow[]>;
  /** Active schedules with a calendar and a next run. */
  scheduledRuns(workspaceId: string): Promise<ScheduledRunRow[]>;
}
