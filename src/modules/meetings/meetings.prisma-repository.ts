import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { writeAuditEntry } from '../audit/audit.prisma-repository.js';
import { recurrenceSchema } from '../scheduling/recurrence.schemas.js';
import type { AutomaticItemRow, MeetingsRepository } from './meetings.repository.js';
import type {
  AgendaItemDto,
  AgendaItemSource,
  DecisionDto,
  EscalationForAgenda,
  FollowUpItem,
  KpiBreachForAgenda,
  MeetingDto,
  OkrDropForAgenda,
  PreReadLine,
  SeriesDto,
} from './meetings.types.js';

const seriesSelect = {
  id: true,
  workspaceId: true,
  number: true,
  title: true,
  recurrence: true,
  timeOfDay: true,
  timeZone: true,
  durationMinutes: true,
  channelId: true,
  facilitatorPersonId: true,
  agendaOpensHoursBefore: true,
  agendaClosesHoursBefore: true,
  holidayPolicy: true,
  calendarId: true,
  createdByPersonId: true,
  cancelledAt: true,
  createdAt: true,
  departments: { select: { departmentId: true } },
  delegates: { select: { departmentId: true, personId: true }, orderBy: { departmentId: 'asc' } },
  workspace: { select: { defaultLocale: true } },
} satisfies Prisma.MeetingSeriesSelect;

type SeriesRow = Prisma.MeetingSeriesGetPayload<{ select: typeof seriesSelect }>;

function toSeries(row: SeriesRow): SeriesDto {
  const { departments, createdAt: _createdAt, recurrence, workspace, ...rest } = row;
  return {
    ...rest,
    locale: workspace.defaultLocale,
    // Written through the service's schema; a row that no longer validates never fires.
    recurrence: recurrenceSchema.parse(recurrence),
    departmentIds: departments.map((d) => d.departmentId),
  };
}

const meetingSelect = {
  id: true,
  workspaceId: true,
  seriesId: true,
  plannedOn: true,
  startsAt: true,
  endsAt: true,
  opensAt: true,
  closesAt: true,
  status: true,
  collectionOpenedAt: true,
  remindedAt: true,
  agendaPostedAt: true,
  agendaMessageTs: true,
  minutesPostedAt: true,
  preReadWrittenBy: true,
} satisfies Prisma.MeetingSelect;

type MeetingRow = Prisma.MeetingGetPayload<{ select: typeof meetingSelect }>;

function toMeeting(row: MeetingRow): MeetingDto {
  return {
    ...row,
    preReadWrittenBy: row.preReadWrittenBy === 'model' ? 'model' : row.preReadWrittenBy ? 'rules' : null,
  };
}

const toMeetingOrNull = (row: MeetingRow | null) => (row ? toMeeting(row) : null);

const itemSelect = {
  id: true,
  workspaceId: true,
  meetingId: true,
  source: true,
  title: true,
  description: true,
  ownerDepartmentId: true,
  urgency: true,
  link: true,
  escalationId: true,
  carriedFromItemId: true,
  submittedByPersonId: true,
  late: true,
  status: true,
  decidedAt: true,
  createdAt: true,
} satisfies Prisma.AgendaItemSelect;

type ItemRow = Prisma.AgendaItemGetPayload<{ select: typeof itemSelect }>;

/** Agenda items with their escalation's number (one query for all of them). */
async function withNumbers(prisma: PrismaClient, rows: ItemRow[]): Promise<AgendaItemDto[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.escalationId ? [r.escalationId] : [])))];
  const numbers = new Map(
    ids.length === 0
      ? []
      : (
          await prisma.escalation.findMany({ where: { id: { in: ids } }, select: { id: true, number: true } })
        ).map((e) => [e.id, e.number]),
  );
  return rows.map((row) => ({
    ...row,
    source: row.source as AgendaItemSource,
    escalationNumber: row.escalationId ? (numbers.get(row.escalationId) ?? null) : null,
  }));
}

const OPEN_ESCALATION: { in: ('OPEN' | 'ACKNOWLEDGED' | 'PROPOSED')[] } = {
  in: ['OPEN', 'ACKNOWLEDGED', 'PROPOSED'],
};

export function createMeetingsPrismaRepository(prisma: PrismaClient): MeetingsRepository {
  async function item(workspaceId: string, id: string): Promise<AgendaItemDto | null> {
    const row = await prisma.agendaItem.findFirst({ where: { id, workspaceId }, select: itemSelect });
    return row ? ((await withNumbers(prisma, [row]))[0] ?? null) : null;
  }

  return {
    async createSeries(row, actorSlackId) {
      const { departmentIds, recurrence, ...rest } = row;
      return prisma.$transaction(async (tx) => {
        const last = await tx.meetingSeries.aggregate({
          where: { workspaceId: row.workspaceId },
          _max: { number: true },
        });
        const workspace = await tx.workspace.findUniqueOrThrow({
          where: { id: row.workspaceId },
          select: { defaultCalendarKey: true },
        });
        const calendar = workspace.defaultCalendarKey
          ? await tx.calendar.findFirst({
              where: { workspaceId: row.workspaceId, key: workspace.defaultCalendarKey },
              select: { id: true },
            })
          : null;
        const created = await tx.meetingSeries.create({
          data: {
            ...rest,
            recurrence: recurrence as Prisma.InputJsonValue,
            number: (last._max.number ?? 0) + 1,
            calendarId: calendar?.id ?? null,
            departments: { create: departmentIds.map((departmentId) => ({ departmentId })) },
          },
          select: seriesSelect,
        });
        await writeAuditEntry(tx, {
          workspaceId: row.workspaceId,
          actorSlackId,
          action: 'meeting.series_created',
          objectType: 'meeting_series',
          objectId: created.id,
          after: { number: created.number, title: created.title, departmentIds, recurrence },
        });
        return toSeries(created);
      });
    },

    async findSeriesByNumber(workspaceId, number) {
      const row = await prisma.meetingSeries.findUnique({
        where: { workspaceId_number: { workspaceId, number } },
        select: seriesSelect,
      });
      return row ? toSeries(row) : null;
    },

    async findSeriesById(seriesId) {
      const row = await prisma.meetingSeries.findUnique({ where: { id: seriesId }, select: seriesSelect });
      return row ? toSeries(row) : null;
    },

    async listActiveSeries(workspaceId) {
      const rows = await prisma.meetingSeries.findMany({
        where: { workspaceId, cancelledAt: null },
        select: seriesSelect,
        orderBy: { number: 'asc' },
      });
      return rows.map(toSeries);
    },

    async cancelSeries(series, now, actorSlackId) {
      await prisma.$transaction(async (tx) => {
        await tx.meetingSeries.update({ where: { id: series.id }, data: { cancelledAt: now } });
        await tx.meeting.updateMany({
          where: { seriesId: series.id, status: 'SCHEDULED', agendaPostedAt: null },
          data: { status: 'CANCELLED' },
        });
        await writeAuditEntry(tx, {
          workspaceId: series.workspaceId,
          actorSlackId,
          action: 'meeting.series_cancelled',
          objectType: 'meeting_series',
          objectId: series.id,
          before: { cancelledAt: null },
          after: { cancelledAt: now },
        });
      });
    },

    async defaultCalendarId(workspaceId) {
      const workspace = await prisma.workspace.findUnique({
        where: { id: workspaceId },
        select: { defaultCalendarKey: true },
      });
      if (!workspace?.defaultCalendarKey) return null;
      const calendar = await prisma.calendar.findFirst({
        where: { workspaceId, key: workspace.defaultCalendarKey },
        select: { id: true },
      });
      return calendar?.id ?? null;
    },

    meetingsOn(seriesId, plannedOn) {
      if (plannedOn.length === 0) return Promise.resolve([]);
      return prisma.meeting
        .findMany({ where: { seriesId, plannedOn: { in: [...plannedOn] } }, select: meetingSelect })
        .then((rows) => rows.map(toMeeting));
    },

    async ensureMeeting(series, times) {
      const existing = await prisma.meeting.findUnique({
        where: { seriesId_plannedOn: { seriesId: series.id, plannedOn: times.plannedOn } },
        select: meetingSelect,
      });
      if (existing) return { meeting: toMeeting(existing), created: false };
      const result = await prisma.meeting.createMany({
        data: [{ workspaceId: series.workspaceId, seriesId: series.id, ...times }],
        skipDuplicates: true,
      });
      const meeting = await prisma.meeting.findUniqueOrThrow({
        where: { seriesId_plannedOn: { seriesId: series.id, plannedOn: times.plannedOn } },
        select: meetingSelect,
      });
      return { meeting: toMeeting(meeting), created: result.count === 1 };
    },

    async skipMeeting(series, times, actorSlackId) {
      return prisma.$transaction(async (tx) => {
        const key = { seriesId_plannedOn: { seriesId: series.id, plannedOn: times.plannedOn } };
        const existing = await tx.meeting.findUnique({ where: key, select: meetingSelect });
        if (existing?.agendaPostedAt) return null;
        const meeting = existing
          ? await tx.meeting.update({ where: key, data: { status: 'SKIPPED' }, select: meetingSelect })
          : await tx.meeting.create({
              data: { workspaceId: series.workspaceId, seriesId: series.id, ...times, status: 'SKIPPED' },
              select: meetingSelect,
            });
        await writeAuditEntry(tx, {
          workspaceId: series.workspaceId,
          actorSlackId,
          action: 'meeting.skipped',
          objectType: 'meeting',
          objectId: meeting.id,
          before: { status: existing?.status ?? null },
          after: { status: 'SKIPPED', plannedOn: times.plannedOn },
        });
        return toMeeting(meeting);
      });
    },

    findMeeting(workspaceId, meetingId) {
      return prisma.meeting
        .findFirst({ where: { id: meetingId, workspaceId }, select: meetingSelect })
        .then(toMeetingOrNull);
    },

    previousMeeting(meeting) {
      return prisma.meeting
        .findFirst({
          where: {
            seriesId: meeting.seriesId,
            startsAt: { lt: meeting.startsAt },
            agendaPostedAt: { not: null },
          },
          orderBy: { startsAt: 'desc' },
          select: meetingSelect,
        })
        .then(toMeetingOrNull);
    },

    activeMeetings(workspaceId, now) {
      return prisma.meeting
        .findMany({
          where: { workspaceId, status: 'SCHEDULED', agendaPostedAt: null, opensAt: { lte: now } },
          orderBy: { startsAt: 'asc' },
          select: meetingSelect,
        })
        .then((rows) => rows.map(toMeeting));
    },

    dueForMinutes(workspaceId, now) {
      return prisma.meeting
        .findMany({
          where: { workspaceId, agendaPostedAt: { not: null }, minutesPostedAt: null, endsAt: { lte: now } },
          orderBy: { startsAt: 'asc' },
          select: meetingSelect,
        })
        .then((rows) => rows.map(toMeeting));
    },

    async stamp(meetingId, field, at, extra = {}) {
      const result = await prisma.meeting.updateMany({
        where: { id: meetingId, [field]: null },
        data: { [field]: at, ...extra, ...(field === 'agendaPostedAt' ? { agendaPostingSince: null } : {}) },
      });
      return result.count === 1;
    },

    async claimAgendaPosting(meetingId, now, staleBefore) {
      // One conditional UPDATE: PostgreSQL re-checks the condition under the row lock, so of
      // two replicas claiming at once exactly one changes the row.
      const { count } = await prisma.meeting.updateMany({
        where: {
          id: meetingId,
          agendaPostedAt: null,
          OR: [{ agendaPostingSince: null }, { agendaPostingSince: { lt: staleBefore } }],
        },
        data: { agendaPostingSince: now },
      });
      return count === 1;
    },

    async releaseAgendaPosting(meetingId, claimedAt) {
      await prisma.meeting.updateMany({
        where: { id: meetingId, agendaPostedAt: null, agendaPostingSince: claimedAt },
        data: { agendaPostingSince: null },
      });
    },

    async recordRefusal(actor, objectType, objectId, attempted) {
      await writeAuditEntry(prisma, {
        workspaceId: actor.workspaceId,
        actorSlackId: actor.slackUserId,
        action: 'authorization.refused',
        objectType,
        objectId,
        after: { attempted },
      });
    },

    async updateSeries(series, change, upcoming, now, actorSlackId) {
      const { departmentIds, recurrence, ...rest } = change;
      return prisma.$transaction(async (tx) => {
        const updated = await tx.meetingSeries.update({
          where: { id: series.id },
          data: {
            ...rest,
            recurrence: recurrence as Prisma.InputJsonValue,
            departments: {
              deleteMany: {},
              create: departmentIds.map((departmentId) => ({ departmentId })),
            },
            // A department no longer taking part has no delegate here.
            delegates: { deleteMany: { departmentId: { notIn: departmentIds } } },
          },
          select: seriesSelect,
        });
        // Occurrences still to come whose collection has not opened: recomputed.
        const pending = await tx.meeting.findMany({
          where: {
            seriesId: series.id,
            status: 'SCHEDULED',
            collectionOpenedAt: null,
            startsAt: { gt: now },
          },
          select: { id: true, plannedOn: true },
        });
        const byDate = new Map(upcoming.map((o) => [o.plannedOn, o]));
        let recomputed = 0;
        for (const meeting of pending) {
          const times = byDate.get(meeting.plannedOn);
          if (times) {
            const { plannedOn: _plannedOn, ...rest } = times;
            await tx.meeting.update({ where: { id: meeting.id }, data: rest });
          } else await tx.meeting.delete({ where: { id: meeting.id } });
          recomputed++;
        }
        await writeAuditEntry(tx, {
          workspaceId: series.workspaceId,
          actorSlackId,
          action: 'meeting.series_edited',
          objectType: 'meeting_series',
          objectId: series.id,
          before: {
            title: series.title,
            departmentIds: series.departmentIds,
            recurrence: series.recurrence,
            timeOfDay: series.timeOfDay,
            timeZone: series.timeZone,
            channelId: series.channelId,
            agendaOpensHoursBefore: series.agendaOpensHoursBefore,
            agendaClosesHoursBefore: series.agendaClosesHoursBefore,
            holidayPolicy: series.holidayPolicy,
          },
          after: { ...rest, departmentIds, recurrence, recomputed } as Prisma.InputJsonValue,
        });
        return { series: toSeries(updated), recomputed };
      });
    },

    async setDelegate(series, departmentId, personId, namedByPersonId, actorSlackId) {
      await prisma.$transaction(async (tx) => {
        const key = { seriesId_departmentId: { seriesId: series.id, departmentId } };
        const before = await tx.meetingDelegate.findUnique({ where: key, select: { personId: true } });
        if (personId)
          await tx.meetingDelegate.upsert({
            where: key,
            create: { seriesId: series.id, departmentId, personId, namedByPersonId },
            update: { personId, namedByPersonId },
          });
        else await tx.meetingDelegate.deleteMany({ where: { seriesId: series.id, departmentId } });
        await writeAuditEntry(tx, {
          workspaceId: series.workspaceId,
          actorSlackId,
          action: personId ? 'meeting.delegate_named' : 'meeting.delegate_removed',
          objectType: 'meeting_series',
          objectId: series.id,
          before: { departmentId, personId: before?.personId ?? null },
          after: { departmentId, personId },
        });
      });
    },

    async delegatesOf(series) {
      const rows = await prisma.meetingDelegate.findMany({
        where: { seriesId: series.id, person: { active: true } },
        select: { personId: true, departmentId: true, person: { select: { locale: true, timeZone: true } } },
        orderBy: { departmentId: 'asc' },
      });
      return rows.map(({ person, ...row }) => ({ ...row, ...person }));
    },

    async kpiBreachesSince(workspaceId, departmentIds, since) {
      // One statement: the breaches with their KPI.
      return prisma.$queryRaw<KpiBreachForAgenda[]>`
        SELECT b.id, b.level, b.period, b.value, b."startedAt", b."recoveredAt",
               k.id AS "kpiId", k.key AS "kpiKey", k."nameEn" AS "kpiNameEn", k."nameZh" AS "kpiNameZh",
               k."ownerDepartmentId" AS "departmentId"
        FROM "KpiBreach" b
        JOIN "Kpi" k ON k.id = b."kpiId"
        WHERE b."startedAt" >= ${since} AND k."workspaceId" = ${workspaceId}
          AND k."ownerDepartmentId" = ANY(${[...departmentIds]}::text[])
        ORDER BY b.level DESC, b."startedAt", b.id
        LIMIT 50`;
    },

    async okrDropsSince(workspaceId, departmentIds, since) {
      // One statement with the key result and its objective's department (as relation reads, three).
      const recent = await prisma.$queryRaw<
        {
          id: string;
          keyResultId: string;
          confidence: OkrDropForAgenda['confidence'];
          answeredAt: Date;
          number: number;
          title: string;
          departmentId: string | null;
        }[]
      >`
        SELECT c.id, c."keyResultId", c.confidence::text AS confidence, c."answeredAt",
               kr.number, kr.title, o."departmentId"
        FROM "OkrCheckIn" c
        JOIN "OkrKeyResult" kr ON kr.id = c."keyResultId"
        JOIN "OkrObjective" o ON o.id = kr."objectiveId"
        WHERE c."answeredAt" >= ${since} AND c.confidence IS NOT NULL
          AND kr."workspaceId" = ${workspaceId} AND o."departmentId" = ANY(${[...departmentIds]}::text[])
        ORDER BY c."answeredAt" DESC
        LIMIT 500`;
      const latest = new Map<string, (typeof recent)[number]>();
      for (const row of recent) if (!latest.has(row.keyResultId)) latest.set(row.keyResultId, row);
      const worrying = [...latest.values()].filter(
        (r) => r.confidence === 'AT_RISK' || r.confidence === 'OFF_TRACK',
      );
      if (worrying.length === 0) return [];
      // The answer before the latest one, per key result (one query for all of them).
      const previousRows = await prisma.okrCheckIn.findMany({
        where: {
          keyResultId: { in: worrying.map((r) => r.keyResultId) },
          confidence: { not: null },
          id: { notIn: worrying.map((r) => r.id) },
        },
        orderBy: { answeredAt: 'desc' },
        select: { keyResultId: true, confidence: true, answeredAt: true },
      });
      const previous = new Map<string, OkrDropForAgenda['previousConfidence']>();
      for (const row of previousRows) {
        const mine = latest.get(row.keyResultId);
        if (mine && row.answeredAt <= mine.answeredAt && !previous.has(row.keyResultId))
          previous.set(row.keyResultId, row.confidence);
      }
      return worrying.map(
        (row): OkrDropForAgenda => ({
          checkInId: row.id,
          keyResultId: row.keyResultId,
          keyResultNumber: row.number,
          title: row.title,
          departmentId: row.departmentId ?? '',
          confidence: row.confidence,
          previousConfidence: previous.get(row.keyResultId) ?? null,
          answeredAt: row.answeredAt,
        }),
      );
    },

    peopleByHandle(workspaceId, handle) {
      return prisma.person.findMany({
        where: {
          workspaceId,
          active: true,
          isBot: false,
          displayName: { equals: handle, mode: 'insensitive' },
        },
        select: { id: true, slackUserId: true },
        take: 5,
      });
    },

    async slackUserIdOf(personId) {
      const person = await prisma.person.findUnique({
        where: { id: personId },
        select: { slackUserId: true },
      });
      return person?.slackUserId ?? null;
    },

    async departmentNames(workspaceId, ids) {
      return prisma.department.findMany({
        where: { workspaceId, ...(ids ? { id: { in: [...ids] } } : {}) },
        orderBy: { nameEn: 'asc' },
        select: { id: true, key: true, nameEn: true, nameZh: true },
      });
    },

    async leadsOf(workspaceId, departmentIds) {
      const rows = await prisma.membership.findMany({
        where: {
          departmentId: { in: [...departmentIds] },
          role: { in: ['LEAD', 'HEAD'] },
          person: { workspaceId, active: true },
        },
        select: { personId: true, departmentId: true, person: { select: { locale: true, timeZone: true } } },
        orderBy: { personId: 'asc' },
      });
      return rows.map(({ person, ...row }) => ({ ...row, ...person }));
    },

    async addItem(meeting, input, actorSlackId) {
      return prisma.$transaction(async (tx) => {
        const row = await tx.agendaItem.create({
          data: {
            workspaceId: meeting.workspaceId,
            meetingId: meeting.id,
            source: 'submitted',
            title: input.title,
            description: input.description || null,
            ownerDepartmentId: input.ownerDepartmentId,
            urgency: input.urgency,
            link: input.link || null,
            submittedByPersonId: input.submittedByPersonId,
            late: input.late,
            createdAt: input.at,
          },
          select: itemSelect,
        });
        await writeAuditEntry(tx, {
          workspaceId: meeting.workspaceId,
          actorSlackId,
          action: 'meeting.item_added',
          objectType: 'agenda_item',
          objectId: row.id,
          after: { meetingId: meeting.id, title: row.title, urgency: row.urgency, late: row.late },
        });
        return { ...row, source: 'submitted' as const, escalationNumber: null };
      });
    },

    findItem: item,

    async changeItem(current, change, actorSlackId) {
      return prisma.$transaction(async (tx) => {
        const data = {
          ...(change.title !== undefined ? { title: change.title } : {}),
          ...(change.description !== undefined ? { description: change.description || null } : {}),
          ...(change.ownerDepartmentId !== undefined ? { ownerDepartmentId: change.ownerDepartmentId } : {}),
          ...(change.urgency !== undefined ? { urgency: change.urgency } : {}),
          ...(change.link !== undefined ? { link: change.link || null } : {}),
          ...(change.status ? { status: change.status } : {}),
        };
        const updated = await tx.agendaItem.updateMany({ where: { id: current.id, status: 'OPEN' }, data });
        if (updated.count !== 1) return null;
        await writeAuditEntry(tx, {
          workspaceId: current.workspaceId,
          actorSlackId,
          action: change.status === 'WITHDRAWN' ? 'meeting.item_withdrawn' : 'meeting.item_edited',
          objectType: 'agenda_item',
          objectId: current.id,
          before: { title: current.title, urgency: current.urgency, status: current.status },
          after: data,
        });
        const row = await tx.agendaItem.findUniqueOrThrow({ where: { id: current.id }, select: itemSelect });
        return { ...row, source: row.source as AgendaItemSource, escalationNumber: current.escalationNumber };
      });
    },

    async itemsOf(meetingId) {
      // One statement: the items with their escalation's number.
      return prisma.$queryRaw<AgendaItemDto[]>`
        SELECT i.id, i."workspaceId", i."meetingId", i.source, i.title, i.description,
               i."ownerDepartmentId", i.urgency::text AS urgency, i.link, i."escalationId",
               e.number AS "escalationNumber", i."carriedFromItemId", i."submittedByPersonId",
               i.late, i.status::text AS status, i."decidedAt", i."createdAt"
        FROM "AgendaItem" i
        LEFT JOIN "Escalation" e ON e.id = i."escalationId"
        WHERE i."meetingId" = ${meetingId}
        ORDER BY i."createdAt"`;
    },

    async addAutomaticItems(meeting, rows, at) {
      if (rows.length === 0) return;
      // One statement (Prisma's createMany is three: its own transaction). Rows go in in order,
      // carried items first, so an escalation carried from last time is not added again.
      const column = <K extends keyof AutomaticItemRow>(key: K) => rows.map((row) => row[key]);
      await prisma.$executeRaw`
        INSERT INTO "AgendaItem" (id, "workspaceId", "meetingId", source, title, description,
          "ownerDepartmentId", urgency, link, "escalationId", "carriedFromItemId", "sourceKey",
          "createdAt", "updatedAt")
        SELECT gen_random_uuid()::text, ${meeting.workspaceId}, ${meeting.id}, r.source, r.title,
               r.description, r.department, r.urgency::"AgendaItemUrgency", r.link, r.escalation,
               r.carried, r.key, ${at}, ${at}
        FROM unnest(${column('source')}::text[], ${column('title')}::text[],
                    ${column('description')}::text[], ${column('ownerDepartmentId')}::text[],
                    ${column('urgency')}::text[], ${column('link')}::text[],
                    ${column('escalationId')}::text[], ${column('carriedFromItemId')}::text[],
                    ${column('sourceKey')}::text[])
          WITH ORDINALITY AS r(source, title, description, department, urgency, link, escalation,
                               carried, key, n)
        ORDER BY r.n
        ON CONFLICT DO NOTHING`;
    },

    async escalationsForAgenda(workspaceId, departmentIds) {
      // One statement: the escalations with their raiser's department.
      return prisma.$queryRaw<EscalationForAgenda[]>`
        SELECT e.id, e.number, e.title, e.severity::text AS severity, e."slaDueAt",
               e."markedForMeetingReason",
               (SELECT r."departmentId" FROM "EscalationDepartment" r
                WHERE r."escalationId" = e.id AND r.role = 'RAISER' LIMIT 1) AS "departmentId"
        FROM "Escalation" e
        WHERE e."workspaceId" = ${workspaceId}
          AND e.status IN ('OPEN', 'ACKNOWLEDGED', 'PROPOSED')
          AND e."markedForMeetingAt" IS NOT NULL
          AND EXISTS (SELECT 1 FROM "EscalationDepartment" d
                      WHERE d."escalationId" = e.id AND d."departmentId" = ANY(${[...departmentIds]}::text[]))
        ORDER BY e.number`;
    },

    async deferredItems(meeting) {
      const deferred = await prisma.agendaItem.findMany({
        where: {
          status: 'DEFERRED',
          meeting: { seriesId: meeting.seriesId, startsAt: { lt: meeting.startsAt } },
        },
        select: itemSelect,
      });
      if (deferred.length === 0) return [];
      const carried = await prisma.agendaItem.findMany({
        where: { carriedFromItemId: { in: deferred.map((d) => d.id) }, meetingId: { not: meeting.id } },
        select: { carriedFromItemId: true },
      });
      const done = new Set(carried.map((c) => c.carriedFromItemId));
      return withNumbers(
        prisma,
        deferred.filter((d) => !done.has(d.id)),
      );
    },

    async followUps(seriesId, dueBy) {
      // One statement: the items with their owner's Slack id (a Prisma relation read is two).
      const rows = await prisma.$queryRaw<
        {
          id: string;
          title: string;
          ownerPersonId: string;
          ownerSlackUserId: string;
          ownerDepartmentId: string | null;
          dueOn: string;
          status: 'OPEN' | 'OVERDUE';
        }[]
      >`
        SELECT a.id, a.title, a."ownerPersonId", p."slackUserId" AS "ownerSlackUserId",
               a."ownerDepartmentId", to_char(a."dueOn", 'YYYY-MM-DD') AS "dueOn", a.status::text AS status
        FROM "ActionItem" a
        JOIN "Person" p ON p.id = a."ownerPersonId"
        JOIN "Decision" d ON d.id = a."decisionId"
        JOIN "AgendaItem" i ON i.id = d."agendaItemId"
        JOIN "Meeting" m ON m.id = i."meetingId"
        WHERE a."sourceType" = 'meeting' AND a.status IN ('OPEN', 'OVERDUE')
          AND a."dueOn" <= ${dueBy}::date AND m."seriesId" = ${seriesId}
        ORDER BY a."dueOn", a."createdAt", a.id`;
      return rows.map((row): FollowUpItem => ({ ...row }));
    },

    async changesSince(series, since, limit) {
      // One statement for the four kinds of change (as Prisma relation reads they were eleven),
      // each the latest `limit`, then the latest `limit` of all of them.
      const rows = await prisma.$queryRaw<
        {
          kind: PreReadLine['kind'];
          number: number | null;
          title: string;
          severity: string | null;
          text: string | null;
          slackUserId: string | null;
          plannedOn: string | null;
          atMs: number;
        }[]
      >`
        WITH involved AS (
          SELECT DISTINCT ed."escalationId" AS id FROM "EscalationDepartment" ed
          WHERE ed."departmentId" = ANY(${[...series.departmentIds]}::text[])
        )
        SELECT kind, number, title, severity, text, "slackUserId", "plannedOn",
               (extract(epoch FROM at) * 1000)::float8 AS "atMs"
        FROM (
          (SELECT 1 AS k, 'escalationResolved' AS kind, e.number, e.title, NULL::text AS severity,
                  (SELECT d.text FROM "Decision" d WHERE d."escalationId" = e.id
                   ORDER BY d."decidedAt" DESC LIMIT 1) AS text,
                  NULL::text AS "slackUserId", NULL::text AS "plannedOn", e."resolvedAt" AS at
           FROM "Escalation" e JOIN involved USING (id)
           WHERE e."workspaceId" = ${series.workspaceId} AND e.status = 'RESOLVED'
             AND e."resolvedAt" >= ${since}
           ORDER BY e."resolvedAt" DESC LIMIT ${limit})
          UNION ALL
          (SELECT 2, 'escalationRaised', e.number, e.title, e.severity::text, NULL, NULL, NULL, e."createdAt"
           FROM "Escalation" e JOIN involved USING (id)
           WHERE e."workspaceId" = ${series.workspaceId} AND e."createdAt" >= ${since}
             AND e.status IN ('OPEN', 'ACKNOWLEDGED', 'PROPOSED')
           ORDER BY e."createdAt" DESC LIMIT ${limit})
          UNION ALL
          (SELECT 3, 'actionItemDone', NULL, a.title, NULL, NULL, p."slackUserId", m."plannedOn", a."completedAt"
           FROM "ActionItem" a
           JOIN "Person" p ON p.id = a."ownerPersonId"
           JOIN "Decision" d ON d.id = a."decisionId"
           JOIN "AgendaItem" i ON i.id = d."agendaItemId"
           JOIN "Meeting" m ON m.id = i."meetingId"
           WHERE a."sourceType" = 'meeting' AND a.status = 'DONE' AND a."completedAt" >= ${since}
             AND m."seriesId" = ${series.id}
           ORDER BY a."completedAt" DESC LIMIT ${limit})
          UNION ALL
          (SELECT 4, 'decisionRecorded', NULL, i.title, NULL, d.text, NULL, m."plannedOn", d."decidedAt"
           FROM "Decision" d
           JOIN "AgendaItem" i ON i.id = d."agendaItemId"
           JOIN "Meeting" m ON m.id = i."meetingId"
           WHERE d."decidedAt" >= ${since} AND m."seriesId" = ${series.id}
           ORDER BY d."decidedAt" DESC LIMIT ${limit})
        ) AS changes
        ORDER BY at DESC, k
        LIMIT ${limit}`;
      return rows.map((row): PreReadLine => {
        const at = new Date(Number(row.atMs));
        switch (row.kind) {
          case 'escalationResolved':
            return {
              kind: row.kind,
              escalationNumber: Number(row.number),
              title: row.title,
              decision: row.text,
              at,
            };
          case 'escalationRaised':
            return {
              kind: row.kind,
              escalationNumber: Number(row.number),
              title: row.title,
              severity: row.severity ?? '',
              at,
            };
          case 'actionItemDone':
            return {
              kind: row.kind,
              title: row.title,
              ownerSlackUserId: row.slackUserId ?? '',
              meetingPlannedOn: row.plannedOn ?? '',
              at,
            };
          default:
            return {
              kind: row.kind,
              itemTitle: row.title,
              text: row.text ?? '',
              meetingPlannedOn: row.plannedOn ?? '',
              at,
            };
        }
      });
    },

    async recordDecision(current, input, actorSlackId, createActionItems) {
      return prisma.$transaction(async (tx) => {
        const updated = await tx.agendaItem.updateMany({
          where: { id: current.id, status: { in: ['OPEN', 'DEFERRED'] } },
          data: { status: 'DECIDED', decidedAt: input.at },
        });
        if (updated.count !== 1) return null;
        const decision = await tx.decision.create({
          data: {
            workspaceId: current.workspaceId,
            agendaItemId: current.id,
            text: input.text,
            decidedByPersonId: input.decidedByPersonId,
            decidedAt: input.at,
          },
          select: { id: true, decidedAt: true },
        });
        await createActionItems(tx, decision.id);
        await writeAuditEntry(tx, {
          workspaceId: current.workspaceId,
          actorSlackId,
          action: 'meeting.decision_recorded',
          objectType: 'agenda_item',
          objectId: current.id,
          before: { status: current.status },
          after: { status: 'DECIDED', decisionId: decision.id, text: input.text },
        });
        const decidedBy = await tx.person.findUniqueOrThrow({
          where: { id: input.decidedByPersonId },
          select: { slackUserId: true },
        });
        return {
          id: decision.id,
          agendaItemId: current.id,
          escalationNumber: current.escalationNumber,
          itemTitle: current.title,
          text: input.text,
          decidedBySlackUserId: decidedBy.slackUserId,
          decidedAt: decision.decidedAt,
        };
      });
    },

    async closeItems(meeting, now) {
      return prisma.$transaction(async (tx) => {
        await tx.agendaItem.updateMany({
          where: { meetingId: meeting.id, status: 'OPEN', escalationId: { not: null } },
          data: { status: 'DECIDED', decidedAt: now },
        });
        // Only escalation items whose escalation is resolved stay decided; the others are deferred.
        const stillOpen = await tx.agendaItem.findMany({
          where: {
            meetingId: meeting.id,
            escalationId: { not: null },
            status: 'DECIDED',
            decisions: { none: {} },
          },
          select: { id: true, escalationId: true },
        });
        const open = await tx.escalation.findMany({
          where: {
            id: { in: stillOpen.flatMap((i) => (i.escalationId ? [i.escalationId] : [])) },
            status: OPEN_ESCALATION,
          },
          select: { id: true },
        });
        const openIds = new Set(open.map((e) => e.id));
        await tx.agendaItem.updateMany({
          where: {
            id: {
              in: stillOpen.filter((i) => i.escalationId && openIds.has(i.escalationId)).map((i) => i.id),
            },
          },
          data: { status: 'DEFERRED', decidedAt: null },
        });
        await tx.agendaItem.updateMany({
          where: { meetingId: meeting.id, status: 'OPEN' },
          data: { status: 'DEFERRED' },
        });
        const rows = await tx.agendaItem.findMany({
          where: { meetingId: meeting.id, status: 'DEFERRED' },
          orderBy: { createdAt: 'asc' },
          select: itemSelect,
        });
        return rows.map((row) => ({
          ...row,
          source: row.source as AgendaItemSource,
          escalationNumber: null,
        }));
      });
    },

    async outcomes(meeting) {
      const items = await prisma.agendaItem.findMany({
        where: { meetingId: meeting.id },
        select: { id: true, title: true, escalationId: true },
      });
      const titleOf = new Map(items.map((i) => [i.id, i.title]));
      const escalationIds = items.flatMap((i) => (i.escalationId ? [i.escalationId] : []));
      const rows = await prisma.decision.findMany({
        where: {
          OR: [
            { agendaItemId: { in: items.map((i) => i.id) } },
            ...(escalationIds.length > 0 && meeting.agendaPostedAt
              ? [{ escalationId: { in: escalationIds }, decidedAt: { gte: meeting.agendaPostedAt } }]
              : []),
          ],
        },
        orderBy: { decidedAt: 'asc' },
        select: {
          id: true,
          agendaItemId: true,
          text: true,
          decidedAt: true,
          decidedByPersonId: true,
          escalation: { select: { number: true, title: true } },
          actionItems: {
            orderBy: { createdAt: 'asc' },
            select: { title: true, dueOn: true, owner: { select: { slackUserId: true } } },
          },
        },
      });
      const people = new Map(
        (
          await prisma.person.findMany({
            where: { id: { in: rows.map((r) => r.decidedByPersonId) } },
            select: { id: true, slackUserId: true },
          })
        ).map((p) => [p.id, p.slackUserId]),
      );
      const decisions: DecisionDto[] = rows.map((row) => ({
        id: row.id,
        agendaItemId: row.agendaItemId,
        escalationNumber: row.escalation?.number ?? null,
        itemTitle: (row.agendaItemId ? titleOf.get(row.agendaItemId) : row.escalation?.title) ?? '',
        text: row.text,
        decidedBySlackUserId: people.get(row.decidedByPersonId) ?? '',
        decidedAt: row.decidedAt,
      }));
      const actionItems = rows.flatMap((row, index) =>
        row.actionItems.map((a) => ({
          title: a.title,
          ownerSlackUserId: a.owner.slackUserId,
          dueOn: a.dueOn.toISOString().slice(0, 10),
          itemTitle: decisions[index]?.itemTitle ?? '',
        })),
      );
      return { decisions, actionItems };
    },
  };
}
