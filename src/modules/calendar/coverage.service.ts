import type { AccessSubject } from '../access/access.types.js';
import type { DeliveryMessage } from '../delivery/delivery.types.js';
import type { Notify } from '../notifications/notify.service.js';
import type { Clock } from '../shared/clock.types.js';
import type { CalendarDto } from './calendar.dto.js';
import { timeZoneOf } from './calendar-resolution.rules.js';
import type { CoverageRepository } from './coverage.repository.js';
import {
  type CalendarCoverage,
  coverageOf,
  daysLeft,
  isPastCoverage,
  isRunningOut,
} from './coverage.rules.js';
import { type LocalDate, localDateAt } from './local-date.rules.js';

/** The notification kind of the warning DMs (admins can mute it like any other). */
export const COVERAGE_NOTICE_KIND = 'calendar.coverage';

/** A calendar of the workspace, how far its holiday data goes and what follows it. */
export interface CalendarUse {
  calendar: CalendarDto;
  coverage: CalendarCoverage;
  /** Days from today to the last covered day (negative once past it); null without an end. */
  daysLeft: number | null;
  workspaceDefault: boolean;
  departments: { key: string; nameEn: string; nameZh: string }[];
  people: number;
  schedules: number;
  inUse: boolean;
}

/** A deadline or a scheduled run computed on a calendar past the end of its holiday data. */
export type PastCoverageItem =
  | {
      type: 'escalation';
      number: number;
      title: string;
      at: Date;
      calendar: CalendarDto;
      lastDate: LocalDate;
    }
  | { type: 'schedule'; id: string; name: string; at: Date; calendar: CalendarDto; lastDate: LocalDate };

export interface CoverageReport {
  /** Today in the workspace's zone, which the days left count from. */
  today: LocalDate;
  timeZone: string;
  /** Every calendar of the workspace: those in use first, then by key. */
  calendars: CalendarUse[];
  /** Calendars in use whose data ends within COVERAGE_WARNING_DAYS (or has ended). */
  runningOut: CalendarUse[];
  pastCoverage: PastCoverageItem[];
}

/** What the warning DM needs; the Slack layer words it in the admin's language. */
export interface CoverageNotice {
  use: CalendarUse;
  today: LocalDate;
  pastCoverage: PastCoverageItem[];
}

export interface CoverageService {
  report(workspaceId: string): Promise<CoverageReport>;
  /** The same report for `/liaison calendar list`: admins only (a refusal is audited). */
  reportFor(actor: AccessSubject): Promise<CoverageReport>;
  /**
   * The daily check: each admin gets one DM per calendar in use and end of its data, from
   * COVERAGE_WARNING_DAYS before that end (the notify key makes a re-run, a second replica
   * or the next day a no-op; a year added moves the end, which warrants a new DM later).
   */
  warnAdmins(workspaceId: string): Promise<{
    runningOut: number;
    notified: number;
    /** Admins who got a new DM (their Home notice changed too). */
    notifiedPersonIds: string[];
    pastCoverage: PastCoverageItem[];
  }>;
}

export function createCoverageService(deps: {
  repo: CoverageRepository;
  clock: Clock;
  notify: Notify;
  requireAdmin: (actor: AccessSubject, attempted: string) => Promise<void>;
  /** The DM in the admin's language, times in their zone. */
  message: (recipient: { locale: string; timeZone: string }, notice: CoverageNotice) => DeliveryMessage;
  onError?: (error: unknown, context: { workspaceId: string; personId: string; calendarId: string }) => void;
}): CoverageService {
  const { repo, clock } = deps;

  async function report(workspaceId: string): Promise<CoverageReport> {
    const workspace = await repo.workspaceOf(workspaceId);
    if (!workspace) throw new Error(`no workspace ${workspaceId}`);
    const timeZone = timeZoneOf({ timeZone: null, workspaceTimeZone: workspace.defaultTimeZone });
    const today = localDateAt(clock.now(), timeZone);
    const rows = await repo.calendarsOf(workspaceId);
    const calendars: CalendarUse[] = rows.map((row) => {
      const { dates: _dates, ...calendar } = row.calendar;
      const coverage = coverageOf(row.calendar);
      return {
        calendar,
        coverage,
        daysLeft: coverage.kind === 'through' ? daysLeft(today, coverage.lastDate) : null,
        workspaceDefault: row.workspaceDefault,
        departments: row.departments,
        people: row.people,
        schedules: row.schedules,
        inUse: row.workspaceDefault || row.departments.length > 0 || row.people > 0 || row.schedules > 0,
      };
    });
    calendars.sort((a, b) => Number(b.inUse) - Number(a.inUse));
    const byId = new Map(calendars.map((use) => [use.calendar.id, use]));
    const workspaceDefault = calendars.find((use) => use.workspaceDefault);
    const beyond = (use: CalendarUse | undefined, at: Date, zone: string) =>
      use && isPastCoverage(localDateAt(at, zone), use.coverage) && use.coverage.kind === 'through'
        ? { calendar: use.calendar, lastDate: use.coverage.lastDate }
        : null;

    const pastCoverage: PastCoverageItem[] = [];
    for (const deadline of await repo.openDeadlines(workspaceId)) {
      // The departments' calendars stand for their people's (a person's own choice is not looked at).
      const uses = deadline.calendarIds.map((id) => (id ? byId.get(id) : workspaceDefault));
      const past = uses.map((use) => beyond(use, deadline.dueAt, timeZone)).find((hit) => hit !== null);
      if (past)
        pastCoverage.push({
          type: 'escalation',
          number: deadline.number,
          title: deadline.title,
          at: deadline.dueAt,
          ...past,
        });
    }
    for (const run of await repo.scheduledRuns(workspaceId)) {
      const past = beyond(byId.get(run.calendarId), run.nextRunAt, run.timeZone);
      if (past)
        pastCoverage.push({ type: 'schedule', id: run.id, name: run.name, at: run.nextRunAt, ...past });
    }
    return {
      today,
      timeZone,
      calendars,
      runningOut: calendars.filter((use) => use.inUse && isRunningOut(use.coverage, today)),
      pastCoverage,
    };
  }

  return {
    report,

    async reportFor(actor) {
      await deps.requireAdmin(actor, 'calendar list');
      return report(actor.workspaceId);
    },

    async warnAdmins(workspaceId) {
      const current = await report(workspaceId);
      const workspace = await repo.workspaceOf(workspaceId);
      const admins = current.runningOut.length > 0 ? await repo.admins(workspaceId) : [];
      let notified = 0;
      const notifiedPersonIds = new Set<string>();
      for (const use of current.runningOut) {
        if (use.coverage.kind !== 'through') continue;
        const notice: CoverageNotice = {
          use,
          today: current.today,
          pastCoverage: current.pastCoverage.filter((item) => item.calendar.id === use.calendar.id),
        };
        for (const admin of admins) {
          try {
            const { created } = await deps.notify({
              workspaceId,
              personId: admin.personId,
              kind: COVERAGE_NOTICE_KIND,
              key: `${COVERAGE_NOTICE_KIND}:${use.calendar.id}:${use.coverage.lastDate}:${admin.personId}`,
              message: deps.message(
                {
                  locale: admin.locale ?? workspace?.defaultLocale ?? 'en',
                  timeZone: timeZoneOf({ timeZone: admin.timeZone, workspaceTimeZone: current.timeZone }),
                },
                notice,
              ),
            });
            if (created) {
              notified++;
              notifiedPersonIds.add(admin.personId);
            }
          } catch (error) {
            // One admin's failure (a person gone meanwhile) does not keep the others uninformed.
            deps.onError?.(error, { workspaceId, personId: admin.personId, calendarId: use.calendar.id });
          }
        }
      }
      return {
        runningOut: current.runningOut.length,
        notified,
        notifiedPersonIds: [...notifiedPersonIds],
        pastCoverage: current.pastCoverage,
      };
    },
  };
}
