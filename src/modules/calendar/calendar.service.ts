import type { AccessSubject } from '../access/access.types.js';
import type { Clock } from '../shared/clock.types.js';
import { DomainError } from '../shared/domain-error.types.js';
import type { CalendarDto, FollowedCalendar } from './calendar.dto.js';
import type { CalendarRepository } from './calendar.repository.js';
import type { DayStatus, WorkingCalendar } from './calendar.types.js';
import { followedCalendar, holidaysOf, timeZoneOf } from './calendar-resolution.rules.js';
import { type CalendarCoverage, coverageOf } from './coverage.rules.js';
import { type NoticeItem, type ParsedNotice, parseHolidayNotice } from './holiday-notice.rules.js';
import { addDays, isLocalDate, type LocalDate, localDateAt } from './local-date.rules.js';
import type { Region } from './region-holidays.rules.js';
import { workingCalendar } from './working-calendar.rules.js';
import { parseWorkingHours, type WorkingHours } from './working-hours.rules.js';
import type { WorkingTimeProfile } from './working-time.rules.js';

/** How many non-working days `/liaison calendar` lists, and how far it looks for them. */
const UPCOMING_COUNT = 5;
const UPCOMING_HORIZON_DAYS = 400;
/** Custom calendar keys: short, lower-case, safe to echo back. */
const CALENDAR_KEY = /^[a-z0-9][a-z0-9_-]{0,39}$/;
/** A year's notice names a few dozen dates; more than this did not come from one. */
const NOTICE_MAX_DATES = 400;

export interface CalendarOverview {
  followed: FollowedCalendar;
  today: LocalDate;
  /** The next non-working days (from today), with any make-up workdays among them, in date order. */
  upcoming: DayStatus[];
  /** How far the followed calendar's holiday data is known; null when the person follows none. */
  coverage: CalendarCoverage | null;
  /**
   * Set when the calendar's holiday data ends before the dates shown (China's holidays are
   * published a year at a time): later dates show weekends only until a year is added.
   */
  publicDataEndsWithYear: number | null;
}

/** A pasted notice, read and checked, before anything is stored. */
export interface NoticePreview {
  calendar: CalendarDto;
  year: number;
  items: NoticeItem[];
  problems: ParsedNotice['problems'];
}

export interface NoticeApplied {
  calendar: CalendarDto;
  year: number;
  daysOff: number;
  workdays: number;
  coverage: CalendarCoverage;
}

export interface CalendarService {
  /** The scheduler's port: a calendar with Monday–Friday as its week; null when it no longer exists. */
  forCalendarId(calendarId: string): Promise<WorkingCalendar | null>;
  /** Everything business-time arithmetic needs about one person. */
  workingTimeProfileFor(personId: string): Promise<WorkingTimeProfile>;
  /** The same for many people in four queries (settings, default calendars, calendars, absences). */
  workingTimeProfilesFor(personIds: readonly string[]): Promise<Map<string, WorkingTimeProfile>>;
  overview(actor: AccessSubject): Promise<CalendarOverview>;
  /** The person's working days and hours and the zone they are in. */
  workingHoursOf(personId: string): Promise<WorkingHours & { timeZone: string }>;
  /** Parses `09:30-18:30 [mon-fri]` (a localized DomainError when it cannot) and stores it, audited. */
  setWorkingHours(actor: AccessSubject, text: string): Promise<WorkingHours & { timeZone: string }>;
  /** A calendar of the actor's workspace by key (the built-ins are created on first use); a localized error when there is none. */
  find(actor: AccessSubject, key: string): Promise<CalendarDto>;
  /** Creates the built-in calendars of the actor's workspace when missing. */
  ensureBuiltIns(actor: AccessSubject): Promise<void>;
  /** Refuses (audited as 'authorization.refused', nothing else changed) unless the actor is a workspace admin. */
  requireAdmin(actor: AccessSubject, attempted: string): Promise<void>;
  /** `key` null: drop the person's own choice and follow their department's or the workspace's. */
  use(actor: AccessSubject, key: string | null): Promise<FollowedCalendar>;
  putDate(
    actor: AccessSubject,
    input: {
      key: string;
      date: LocalDate;
      kind: 'holiday' | 'workday';
      name: string | null;
      basedOn: Region | null;
    },
  ): Promise<{ calendar: CalendarDto; created: boolean }>;
  removeDate(actor: AccessSubject, input: { key: string; date: LocalDate }): Promise<CalendarDto>;
  /** Admins: reads a pasted State Council notice for the calendar; stores nothing. */
  previewNotice(actor: AccessSubject, input: { key: string; text: string }): Promise<NoticePreview>;
  /**
   * Admins: stores a previewed notice's days off and make-up workdays in the calendar, in one
   * transaction with one audit row; a date the calendar already had is replaced.
   */
  applyNotice(
    actor: AccessSubject,
    input: { key: string; year: number; items: NoticeItem[] },
  ): Promise<NoticeApplied>;
  setWorkspaceDefault(actor: AccessSubject, key: string): Promise<CalendarDto>;
  setDepartmentCalendar(
    actor: AccessSubject,
    input: { departmentKey: string; calendarKey: string },
  ): Promise<{ department: { key: string; nameEn: string; nameZh: string }; calendar: CalendarDto }>;
}

export function createCalendarService(deps: { repo: CalendarRepository; clock: Clock }): CalendarService {
  const { repo, clock } = deps;

  async function existing(actor: AccessSubject, key: string) {
    await repo.ensureBuiltIns(actor.workspaceId);
    const calendar = await repo.findByKey(actor.workspaceId, key);
    if (!calendar)
      throw new DomainError(
        'calendar.not_found',
        { key: 'calendar.errors.notFound', params: { key } },
        { detail: `workspace ${actor.workspaceId} has no calendar "${key}"` },
      );
    return calendar;
  }

  async function requireAdmin(actor: AccessSubject, attempted: string) {
    if (actor.isAdmin) return;
    await repo.recordRefusal(actor, attempted);
    throw new DomainError(
      'authorization.refused',
      { key: 'calendar.errors.adminOnly' },
      {
        detail: `person ${actor.slackUserId} is not an admin of workspace ${actor.workspaceId}: ${attempted}`,
      },
    );
  }

  return {
    requireAdmin,

    async find(actor, key) {
      const { dates: _dates, ...calendar } = await existing(actor, key);
      return calendar;
    },

    ensureBuiltIns: (actor) => repo.ensureBuiltIns(actor.workspaceId),

    async forCalendarId(calendarId) {
      const calendar = await repo.findById(calendarId);
      return calendar ? workingCalendar(holidaysOf(calendar)) : null;
    },

    async workingTimeProfileFor(personId) {
      const settings = await repo.settingsOf(personId);
      const timeZone = timeZoneOf(settings);
      const { calendar } = followedCalendar(settings);
      const stored = calendar ? await repo.findById(calendar.id) : null;
      // Arithmetic starts from now; an absence that ended before yesterday cannot matter.
      const since = addDays(localDateAt(clock.now(), timeZone), -1);
      const absences = await repo.absencesOf(personId, since);
      return {
        timeZone,
        workStartMinute: settings.workStartMinute,
        workEndMinute: settings.workEndMinute,
        calendar: workingCalendar(holidaysOf(stored), settings.workDays),
        absences: absences.map(({ from, to }) => ({ from, to })),
      };
    },

    async workingTimeProfilesFor(personIds) {
      const people = await repo.settingsOfMany([...new Set(personIds)]);
      const calendarIds = new Set<string>();
      for (const settings of people) {
        const id = followedCalendar(settings).calendar?.id;
        if (id) calendarIds.add(id);
      }
      // The earliest "yesterday" of any zone bounds the absences read; each person's is applied below.
      const now = clock.now();
      const earliest = addDays(localDateAt(now, 'Etc/GMT+12'), -1);
      const [calendars, absences] = await Promise.all([
        repo.findByIds([...calendarIds]),
        repo.absencesOfMany(
          people.map((p) => p.personId),
          earliest,
        ),
      ]);
      const byId = new Map(calendars.map((c) => [c.id, c]));
      // People share calendars, work days and zones: each holiday source, calendar and "yesterday" built once.
      const sources = new Map<string, ReturnType<typeof holidaysOf>>();
      const workCalendars = new Map<string, WorkingTimeProfile['calendar']>();
      const yesterdays = new Map<string, string>();
      const profiles = new Map<string, WorkingTimeProfile>();
      for (const settings of people) {
        const timeZone = timeZoneOf(settings);
        const id = followedCalendar(settings).calendar?.id ?? '';
        const calendarKey = `${id}:${settings.workDays}`;
        let calendar = workCalendars.get(calendarKey);
        if (!calendar) {
          let source = sources.get(id);
          if (!source) {
            source = holidaysOf(id ? (byId.get(id) ?? null) : null);
            sources.set(id, source);
          }
          calendar = workingCalendar(source, settings.workDays);
          workCalendars.set(calendarKey, calendar);
        }
        let since = yesterdays.get(timeZone);
        if (!since) {
          since = addDays(localDateAt(now, timeZone), -1);
          yesterdays.set(timeZone, since);
        }
        profiles.set(settings.personId, {
          timeZone,
          workStartMinute: settings.workStartMinute,
          workEndMinute: settings.workEndMinute,
          calendar,
          absences: (absences.get(settings.personId) ?? [])
            .filter((a) => a.to >= since)
            .map(({ from, to }) => ({ from, to })),
        });
      }
      return profiles;
    },

    async overview(actor) {
      await repo.ensureBuiltIns(actor.workspaceId);
      const settings = await repo.settingsOf(actor.personId);
      const followed = followedCalendar(settings);
      const stored = followed.calendar ? await repo.findById(followed.calendar.id) : null;
      const calendar = workingCalendar(holidaysOf(stored), settings.workDays);
      const today = localDateAt(clock.now(), timeZoneOf(settings));
      const upcoming: DayStatus[] = [];
      let nonWorking = 0;
      for (let offset = 0; offset < UPCOMING_HORIZON_DAYS && nonWorking < UPCOMING_COUNT; offset++) {
        const day = calendar.describe(addDays(today, offset));
        if (day.kind !== 'workday') nonWorking++;
        if (day.kind !== 'workday' || day.makeUpWorkday) upcoming.push(day);
      }
      const coverage = stored ? coverageOf(stored) : null;
      const lastShown = upcoming.at(-1)?.date ?? today;
      const publicDataEndsWithYear =
        coverage?.kind === 'through' && lastShown > coverage.lastDate
          ? Number(coverage.lastDate.slice(0, 4))
          : null;
      return { followed, today, upcoming, coverage, publicDataEndsWithYear };
    },

    async workingHoursOf(personId) {
      const settings = await repo.settingsOf(personId);
      return {
        workDays: settings.workDays,
        startMinute: settings.workStartMinute,
        endMinute: settings.workEndMinute,
        timeZone: timeZoneOf(settings),
      };
    },

    async setWorkingHours(actor, text) {
      const current = await repo.settingsOf(actor.personId);
      const hours = parseWorkingHours(text, current.workDays);
      await repo.setWorkingHours(actor, hours);
      return { ...hours, timeZone: timeZoneOf(current) };
    },

    async use(actor, key) {
      const calendar = key === null ? null : await existing(actor, key);
      await repo.setPersonCalendar(actor, calendar);
      return followedCalendar(await repo.settingsOf(actor.personId));
    },

    async putDate(actor, { key, date, kind, name, basedOn }) {
      await requireAdmin(actor, `calendar add ${key} ${date} ${kind}`);
      if (!CALENDAR_KEY.test(key))
        throw new DomainError(
          'calendar.bad_key',
          { key: 'calendar.errors.badKey', params: { key } },
          { detail: `person ${actor.slackUserId} chose calendar key "${key}"` },
        );
      await repo.ensureBuiltIns(actor.workspaceId);
      const current = await repo.findByKey(actor.workspaceId, key);
      if (current && basedOn && current.region !== basedOn)
        throw new DomainError(
          'calendar.based_on_conflict',
          { key: 'calendar.errors.basedOnConflict', params: { key, region: current.region ?? '—' } },
          { detail: `calendar ${current.id} (${key}) has region ${current.region}, not ${basedOn}` },
        );
      return repo.putDate(actor, { key, createWithRegion: basedOn }, { date, kind, name });
    },

    async removeDate(actor, { key, date }) {
      await requireAdmin(actor, `calendar remove ${key} ${date}`);
      const calendar = await existing(actor, key);
      if (!(await repo.removeDate(actor, calendar, date)))
        throw new DomainError(
          'calendar.date_not_found',
          { key: 'calendar.errors.dateNotFound', params: { key, date } },
          { detail: `calendar ${calendar.id} (${key}) has no date ${date}` },
        );
      return calendar;
    },

    async previewNotice(actor, { key, text }) {
      await requireAdmin(actor, `calendar notice ${key}`);
      const calendar = await existing(actor, key);
      const notice = parseHolidayNotice(text);
      if (notice.year === null)
        throw new DomainError(
          'calendar.notice_no_year',
          { key: 'calendar.notice.errors.noYear' },
          { field: 'text', detail: `no "20XX年部分节假日安排" title in a ${text.length}-character paste` },
        );
      if (notice.items.length === 0)
        throw new DomainError(
          'calendar.notice_nothing_read',
          { key: 'calendar.notice.errors.nothingRead', params: { year: notice.year } },
          { field: 'text', detail: `${notice.problems.length} unreadable holiday lines for ${notice.year}` },
        );
      const { dates: _dates, ...dto } = calendar;
      return { calendar: dto, year: notice.year, items: notice.items, problems: notice.problems };
    },

    async applyNotice(actor, { key, year, items }) {
      await requireAdmin(actor, `calendar notice ${key} ${year}`);
      const calendar = await existing(actor, key);
      const dates = items.flatMap((item) => [
        ...item.daysOff.map((date) => ({ date, kind: 'holiday' as const, name: item.name })),
        ...item.workdays.map((date) => ({ date, kind: 'workday' as const, name: item.name })),
      ]);
      const inYear = (date: string) => isLocalDate(date) && Math.abs(Number(date.slice(0, 4)) - year) <= 1;
      if (
        dates.length === 0 ||
        dates.length > NOTICE_MAX_DATES ||
        !dates.every((d) => inYear(d.date)) ||
        new Set(dates.map((d) => d.date)).size !== dates.length
      )
        // Only a form altered on the way back gets here: the preview shows what was read.
        throw new DomainError(
          'calendar.notice_invalid',
          { key: 'calendar.notice.errors.invalid' },
          { detail: `calendar ${calendar.id}: ${dates.length} dates for ${year} that do not check out` },
        );
      await repo.applyNotice(actor, calendar, { year, dates });
      const stored = await repo.findById(calendar.id);
      const { dates: _dates, ...dto } = calendar;
      return {
        calendar: dto,
        year,
        daysOff: dates.filter((d) => d.kind === 'holiday').length,
        workdays: dates.filter((d) => d.kind === 'workday').length,
        coverage: coverageOf(stored ?? calendar),
      };
    },

    async setWorkspaceDefault(actor, key) {
      await requireAdmin(actor, `calendar default ${key}`);
      const calendar = await existing(actor, key);
      await repo.setWorkspaceDefault(actor, calendar);
      return calendar;
    },

    async setDepartmentCalendar(actor, { departmentKey, calendarKey }) {
      await requireAdmin(actor, `calendar department ${departmentKey} ${calendarKey}`);
      const calendar = await existing(actor, calendarKey);
      const department = await repo.setDepartmentCalendar(actor, departmentKey, calendar);
      if (!department)
        throw new DomainError(
          'calendar.department_not_found',
          { key: 'calendar.errors.departmentNotFound', params: { department: departmentKey } },
          { detail: `workspace ${actor.workspaceId} has no department "${departmentKey}"` },
        );
      return { department, calendar };
    },
  };
}
