import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { writeAuditEntry } from '../audit/audit.prisma-repository.js';
import type { ExportRepository } from './export.repository.js';
import type { ExportLimits, ExportTable, ExportValue } from './export.types.js';

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const iso = (date: Date | null | undefined): string | null => date?.toISOString() ?? null;
/** A @db.Date column: the calendar date, without a time that would suggest a zone. */
const day = (date: Date): string => date.toISOString().slice(0, 10);
const json = (value: Prisma.JsonValue | null): ExportValue => (value ?? null) as ExportValue;
const clockTime = (minute: number | null): string | null =>
  minute === null
    ? null
    : `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
/** The bitmask (Monday = 1 … Sunday = 64) as `mon,tue,…`, readable in a spreadsheet. */
const workDayNames = (mask: number): string => DAY_NAMES.filter((_, index) => mask & (1 << index)).join(',');

const personSelect = {
  id: true,
  slackUserId: true,
  displayName: true,
  realName: true,
  email: true,
  timeZone: true,
  locale: true,
  isWorkspaceAdmin: true,
  isLiaisonAdmin: true,
  isBot: true,
  active: true,
  deactivatedAt: true,
  workDays: true,
  workStartMinute: true,
  workEndMinute: true,
  quietStartMinute: true,
  quietEndMinute: true,
  dailyNotificationCap: true,
  profileSyncedAt: true,
  createdAt: true,
  calendar: { select: { key: true } },
} satisfies Prisma.PersonSelect;

const PERSON_COLUMNS = [
  'id',
  'slack_user_id',
  'display_name',
  'real_name',
  'email',
  'time_zone',
  'locale',
  'is_workspace_admin',
  'is_liaison_admin',
  'is_bot',
  'active',
  'deactivated_at',
  'work_days',
  'work_start',
  'work_end',
  'calendar_key',
  'quiet_start',
  'quiet_end',
  'daily_notification_cap',
  'profile_synced_at',
  'created_at',
] as const;

function personRow(p: Prisma.PersonGetPayload<{ select: typeof personSelect }>): Record<string, ExportValue> {
  return {
    id: p.id,
    slack_user_id: p.slackUserId,
    display_name: p.displayName,
    real_name: p.realName,
    email: p.email,
    time_zone: p.timeZone,
    locale: p.locale,
    is_workspace_admin: p.isWorkspaceAdmin,
    is_liaison_admin: p.isLiaisonAdmin,
    is_bot: p.isBot,
    active: p.active,
    deactivated_at: iso(p.deactivatedAt),
    work_days: workDayNames(p.workDays),
    work_start: clockTime(p.workStartMinute),
    work_end: clockTime(p.workEndMinute),
    calendar_key: p.calendar?.key ?? null,
    quiet_start: clockTime(p.quietStartMinute),
    quiet_end: clockTime(p.quietEndMinute),
    daily_notification_cap: p.dailyNotificationCap,
    profile_synced_at: iso(p.profileSyncedAt),
    created_at: iso(p.createdAt),
  };
}

const absenceSelect = {
  id: true,
  startsOn: true,
  endsOn: true,
  reason: true,
  endedAt: true,
  createdAt: true,
  person: { select: { slackUserId: true } },
} satisfies Prisma.AbsenceSelect;
const ABSENCE_COLUMNS = ['id', 'slack_user_id', 'starts_on', 'ends_on', 'reason', 'ended_at', 'created_at'];
function absenceRow(
  a: Prisma.AbsenceGetPayload<{ select: typeof absenceSelect }>,
): Record<string, ExportValue> {
  return {
    id: a.id,
    slack_user_id: a.person.slackUserId,
    starts_on: day(a.startsOn),
    ends_on: day(a.endsOn),
    reason: a.reason,
    ended_at: iso(a.endedAt),
    created_at: iso(a.createdAt),
  };
}

const muteSelect = {
  kind: true,
  createdAt: true,
  person: { select: { slackUserId: true } },
} satisfies Prisma.NotificationMuteSelect;
const MUTE_COLUMNS = ['slack_user_id', 'kind', 'created_at'];
function muteRow(
  m: Prisma.NotificationMuteGetPayload<{ select: typeof muteSelect }>,
): Record<string, ExportValue> {
  return { slack_user_id: m.person.slackUserId, kind: m.kind, created_at: iso(m.createdAt) };
}

const snoozeSelect = {
  kind: true,
  until: true,
  createdAt: true,
  person: { select: { slackUserId: true } },
} satisfies Prisma.NotificationSnoozeSelect;
const SNOOZE_COLUMNS = ['slack_user_id', 'kind', 'until', 'created_at'];
function snoozeRow(
  s: Prisma.NotificationSnoozeGetPayload<{ select: typeof snoozeSelect }>,
): Record<string, ExportValue> {
  // A null kind snoozes every kind.
  return {
    slack_user_id: s.person.slackUserId,
    kind: s.kind ?? '*',
    until: iso(s.until),
    created_at: iso(s.createdAt),
  };
}

const auditSelect = {
  createdAt: true,
  actorSlackId: true,
  action: true,
  objectType: true,
  objectId: true,
  before: true,
  after: true,
} satisfies Prisma.AuditEventSelect;
const AUDIT_COLUMNS = [
  'created_at',
  'actor_slack_id',
  'action',
  'object_type',
  'object_id',
  'before',
  'after',
];
function auditRow(
  e: Prisma.AuditEventGetPayload<{ select: typeof auditSelect }>,
  withValues = true,
): Record<string, ExportValue> {
  return {
    created_at: iso(e.createdAt),
    actor_slack_id: e.actorSlackId,
    action: e.action,
    object_type: e.objectType,
    object_id: e.objectId,
    before: withValues ? json(e.before) : null,
    after: withValues ? json(e.after) : null,
  };
}

/** Reads one row more than the limit to know whether the table was cut. */
function limited<T>(name: string, rows: T[], limits: ExportLimits, truncated: string[]): T[] {
  if (rows.length <= limits.maxRowsPerTable) return rows;
  truncated.push(name);
  return rows.slice(0, limits.maxRowsPerTable);
}

function table(name: string, columns: readonly string[], rows: Record<string, ExportValue>[]): ExportTable {
  return { name, columns, rows };
}

export function createExportPrismaRepository(prisma: PrismaClient): ExportRepository {
  return {
    async workspaceData(workspaceId, limits) {
      const take = limits.maxRowsPerTable + 1;
      const truncated: string[] = [];
      const since = limits.since ?? undefined;
      const workspace = await prisma.workspace.findUniqueOrThrow({
        where: { id: workspaceId },
        select: {
          id: true,
          slackTeamId: true,
          enterpriseId: true,
          name: true,
          defaultLocale: true,
          defaultTimeZone: true,
          defaultCalendarKey: true,
          isDemo: true,
          uninstalledAt: true,
          createdAt: true,
        },
      });
      const inWorkspace = { person: { workspaceId } };
      const [
        people,
        departments,
        memberships,
        calendars,
        dates,
        absences,
        schedules,
        runs,
        mutes,
        snoozes,
        audit,
      ] = await Promise.all([
        prisma.person.findMany({
          where: { workspaceId },
          select: personSelect,
          orderBy: { slackUserId: 'asc' },
          take,
        }),
        prisma.department.findMany({
          where: { workspaceId },
          select: {
            id: true,
            key: true,
            nameEn: true,
            nameZh: true,
            description: true,
            slackChannelId: true,
            archivedAt: true,
            createdAt: true,
            calendar: { select: { key: true } },
          },
          orderBy: { key: 'asc' },
          take,
        }),
        prisma.membership.findMany({
          where: inWorkspace,
          select: {
            role: true,
            createdAt: true,
            department: { select: { key: true } },
            person: { select: { slackUserId: true } },
          },
          orderBy: [{ department: { key: 'asc' } }, { person: { slackUserId: 'asc' } }],
          take,
        }),
        prisma.calendar.findMany({
          where: { workspaceId },
          select: { key: true, nameEn: true, nameZh: true, region: true, createdAt: true },
          orderBy: { key: 'asc' },
          take,
        }),
        prisma.calendarDate.findMany({
          where: { calendar: { workspaceId } },
          select: { date: true, kind: true, name: true, calendar: { select: { key: true } } },
          orderBy: [{ calendar: { key: 'asc' } }, { date: 'asc' }],
          take,
        }),
        prisma.absence.findMany({
          where: inWorkspace,
          select: absenceSelect,
          orderBy: { startsOn: 'desc' },
          take,
        }),
        prisma.schedule.findMany({
          where: { workspaceId },
          select: {
            id: true,
            kind: true,
            name: true,
            subjectType: true,
            subjectId: true,
            recurrence: true,
            timeOfDay: true,
            timeZone: true,
            skipNonWorkingDays: true,
            status: true,
            pausedReason: true,
            nextRunAt: true,
            lastRunAt: true,
            lastOutcome: true,
            lastError: true,
            consecutiveFailures: true,
            payload: true,
            createdBySlackId: true,
            createdAt: true,
            calendar: { select: { key: true } },
          },
          orderBy: { createdAt: 'asc' },
          take,
        }),
        prisma.jobRun.findMany({
          where: { schedule: { workspaceId }, ...(since ? { startedAt: { gte: since } } : {}) },
          select: {
            scheduleId: true,
            slot: true,
            status: true,
            attempts: true,
            late: true,
            startedAt: true,
            finishedAt: true,
            error: true,
          },
          orderBy: { startedAt: 'desc' },
          take,
        }),
        prisma.notificationMute.findMany({
          where: inWorkspace,
          select: muteSelect,
          orderBy: { createdAt: 'asc' },
          take,
        }),
        prisma.notificationSnooze.findMany({
          where: inWorkspace,
          select: snoozeSelect,
          orderBy: { createdAt: 'asc' },
          take,
        }),
        prisma.auditEvent.findMany({
          where: { workspaceId, ...(since ? { createdAt: { gte: since } } : {}) },
          select: auditSelect,
          orderBy: { createdAt: 'desc' },
          take,
        }),
      ]);
      const cut = <T>(name: string, rows: T[]) => limited(name, rows, limits, truncated);
      const tables: ExportTable[] = [
        table(
          'workspace',
          [
            'id',
            'slack_team_id',
            'enterprise_id',
            'name',
            'default_locale',
            'default_time_zone',
            'default_calendar_key',
            'is_demo',
            'uninstalled_at',
            'created_at',
          ],
          [
            {
              id: workspace.id,
              slack_team_id: workspace.slackTeamId,
              enterprise_id: workspace.enterpriseId,
              name: workspace.name,
              default_locale: workspace.defaultLocale,
              default_time_zone: workspace.defaultTimeZone,
              default_calendar_key: workspace.defaultCalendarKey,
              is_demo: workspace.isDemo,
              uninstalled_at: iso(workspace.uninstalledAt),
              created_at: iso(workspace.createdAt),
            },
          ],
        ),
        table('people', PERSON_COLUMNS, cut('people', people).map(personRow)),
        table(
          'departments',
          [
            'id',
            'key',
            'name_en',
            'name_zh',
            'description',
            'slack_channel_id',
            'calendar_key',
            'archived_at',
            'created_at',
          ],
          cut('departments', departments).map((d) => ({
            id: d.id,
            key: d.key,
            name_en: d.nameEn,
            name_zh: d.nameZh,
            description: d.description,
            slack_channel_id: d.slackChannelId,
            calendar_key: d.calendar?.key ?? null,
            archived_at: iso(d.archivedAt),
            created_at: iso(d.createdAt),
          })),
        ),
        table(
          'memberships',
          ['department_key', 'slack_user_id', 'role', 'created_at'],
          cut('memberships', memberships).map((m) => ({
            department_key: m.department.key,
            slack_user_id: m.person.slackUserId,
            role: m.role,
            created_at: iso(m.createdAt),
          })),
        ),
        table(
          'calendars',
          ['key', 'name_en', 'name_zh', 'region', 'created_at'],
          cut('calendars', calendars).map((c) => ({
            key: c.key,
            name_en: c.nameEn,
            name_zh: c.nameZh,
            region: c.region,
            created_at: iso(c.createdAt),
          })),
        ),
        table(
          'calendar_dates',
          ['calendar_key', 'date', 'kind', 'name'],
          cut('calendar_dates', dates).map((d) => ({
            calendar_key: d.calendar.key,
            date: day(d.date),
            kind: d.kind,
            name: d.name,
          })),
        ),
        table('absences', ABSENCE_COLUMNS, cut('absences', absences).map(absenceRow)),
        table(
          'schedules',
          [
            'id',
            'kind',
            'name',
            'subject_type',
            'subject_id',
            'recurrence',
            'time_of_day',
            'time_zone',
            'calendar_key',
            'skip_non_working_days',
            'status',
            'paused_reason',
            'next_run_at',
            'last_run_at',
            'last_outcome',
            'last_error',
            'consecutive_failures',
            'payload',
            'created_by_slack_id',
            'created_at',
          ],
          cut('schedules', schedules).map((s) => ({
            id: s.id,
            kind: s.kind,
            name: s.name,
            subject_type: s.subjectType,
            subject_id: s.subjectId,
            recurrence: json(s.recurrence),
            time_of_day: s.timeOfDay,
            time_zone: s.timeZone,
            calendar_key: s.calendar?.key ?? null,
            skip_non_working_days: s.skipNonWorkingDays,
            status: s.status,
            paused_reason: s.pausedReason,
            next_run_at: iso(s.nextRunAt),
            last_run_at: iso(s.lastRunAt),
            last_outcome: s.lastOutcome,
            last_error: s.lastError,
            consecutive_failures: s.consecutiveFailures,
            payload: json(s.payload),
            created_by_slack_id: s.createdBySlackId,
            created_at: iso(s.createdAt),
          })),
        ),
        table(
          'job_runs',
          ['schedule_id', 'slot', 'status', 'attempts', 'late', 'started_at', 'finished_at', 'error'],
          cut('job_runs', runs).map((r) => ({
            schedule_id: r.scheduleId,
            slot: iso(r.slot),
            status: r.status,
            attempts: r.attempts,
            late: r.late,
            started_at: iso(r.startedAt),
            finished_at: iso(r.finishedAt),
            error: r.error,
          })),
        ),
        table('notification_mutes', MUTE_COLUMNS, cut('notification_mutes', mutes).map(muteRow)),
        table('notification_snoozes', SNOOZE_COLUMNS, cut('notification_snoozes', snoozes).map(snoozeRow)),
        table(
          'audit_events',
          AUDIT_COLUMNS,
          cut('audit_events', audit).map((e) => auditRow(e)),
        ),
      ];
      return {
        workspace: { id: workspace.id, name: workspace.name, slackTeamId: workspace.slackTeamId },
        tables,
        auditSince: limits.since,
        truncatedTables: truncated,
      };
    },

    async personData(personId, limits) {
      const take = limits.maxRowsPerTable + 1;
      const truncated: string[] = [];
      const person = await prisma.person.findUnique({
        where: { id: personId },
        select: {
          ...personSelect,
          workspace: { select: { id: true, name: true, slackTeamId: true } },
          memberships: {
            select: {
              id: true,
              role: true,
              createdAt: true,
              department: { select: { key: true, nameEn: true, nameZh: true } },
            },
            orderBy: { department: { key: 'asc' } },
          },
          absences: { select: absenceSelect, orderBy: { startsOn: 'desc' }, take },
          mutes: { select: muteSelect, orderBy: { createdAt: 'asc' } },
          snoozes: { select: { ...snoozeSelect, id: true }, orderBy: { createdAt: 'asc' } },
        },
      });
      if (!person) return null;
      const since = limits.since ?? undefined;
      const ownObjectIds = [
        person.id,
        ...person.memberships.map((m) => m.id),
        ...person.absences.map((a) => a.id),
        ...person.snoozes.map((s) => s.id),
      ];
      const [deliveries, audit] = await Promise.all([
        prisma.delivery.findMany({
          where: { recipientPersonId: person.id, ...(since ? { createdAt: { gte: since } } : {}) },
          select: {
            id: true,
            kind: true,
            priority: true,
            status: true,
            channelId: true,
            createdAt: true,
            notBefore: true,
            sentAt: true,
          },
          orderBy: { createdAt: 'desc' },
          take,
        }),
        prisma.auditEvent.findMany({
          where: {
            workspaceId: person.workspace.id,
            OR: [{ actorSlackId: person.slackUserId }, { objectId: { in: ownObjectIds } }],
            ...(since ? { createdAt: { gte: since } } : {}),
          },
          select: auditSelect,
          orderBy: { createdAt: 'desc' },
          take,
        }),
      ]);
      const own = new Set(ownObjectIds);
      const cut = <T>(name: string, rows: T[]) => limited(name, rows, limits, truncated);
      const tables: ExportTable[] = [
        table('person', PERSON_COLUMNS, [personRow(person)]),
        table(
          'memberships',
          ['department_key', 'department_name_en', 'department_name_zh', 'role', 'created_at'],
          person.memberships.map((m) => ({
            department_key: m.department.key,
            department_name_en: m.department.nameEn,
            department_name_zh: m.department.nameZh,
            role: m.role,
            created_at: iso(m.createdAt),
          })),
        ),
        table('absences', ABSENCE_COLUMNS, cut('absences', person.absences).map(absenceRow)),
        table('notification_mutes', MUTE_COLUMNS, person.mutes.map(muteRow)),
        table('notification_snoozes', SNOOZE_COLUMNS, person.snoozes.map(snoozeRow)),
        table(
          'deliveries',
          ['id', 'kind', 'priority', 'status', 'channel_id', 'created_at', 'not_before', 'sent_at'],
          cut('deliveries', deliveries).map((d) => ({
            id: d.id,
            kind: d.kind,
            priority: d.priority,
            status: d.status,
            channel_id: d.channelId,
            created_at: iso(d.createdAt),
            not_before: iso(d.notBefore),
            sent_at: iso(d.sentAt),
          })),
        ),
        table(
          'audit_events',
          AUDIT_COLUMNS,
          // What they did to someone else's record is theirs to know, the record's contents are not.
          cut('audit_events', audit).map((e) => auditRow(e, own.has(e.objectId))),
        ),
      ];
      return { workspace: person.workspace, tables, auditSince: limits.since, truncatedTables: truncated };
    },

    async recordExport(entry) {
      await writeAuditEntry(prisma, entry);
    },
  };
}
