import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { writeAuditEntry } from '../audit/audit.prisma-repository.js';
import type {
  ActionItemsPort,
  EscalationsRepository,
  EventInput,
  PendingNotice,
} from './escalations.repository.js';
import type { DecisionDto, EscalationDto, EscalationOption } from './escalations.types.js';

const escalationSelect = {
  id: true,
  workspaceId: true,
  number: true,
  title: true,
  blocked: true,
  impact: true,
  decisionNeeded: true,
  options: true,
  severity: true,
  status: true,
  level: true,
  raisedByPersonId: true,
  assigneePersonId: true,
  wantedBy: true,
  slaDueAt: true,
  acknowledgedAt: true,
  nextPingAt: true,
  proposal: true,
  proposedByPersonId: true,
  markedForMeetingAt: true,
  markedForMeetingReason: true,
  resolvedAt: true,
  createdAt: true,
  departments: { select: { departmentId: true, role: true } },
} as const satisfies Prisma.EscalationSelect;

type EscalationRow = Prisma.EscalationGetPayload<{ select: typeof escalationSelect }>;

function toDto(row: EscalationRow): EscalationDto {
  return {
    ...row,
    options: (Array.isArray(row.options) ? row.options : []) as unknown as EscalationOption[],
    departments: row.departments
      .map(
        (d) =>
          ({ departmentId: d.departmentId, role: d.role === 'RAISER' ? 'RAISER' : 'COUNTERPART' }) as const,
      )
      .sort((a, b) => (a.role === b.role ? 0 : a.role === 'RAISER' ? -1 : 1)),
  };
}

/** Thrown inside a transaction to roll it back when the planned-against state moved on. */
class StateMoved extends Error {}

const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 30_000 } as const;

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}

function eventData(escalationId: string, event: EventInput) {
  return {
    escalationId,
    type: event.type,
    actorPersonId: event.actorPersonId,
    level: event.level,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    note: event.note ?? null,
    slaDueAt: event.slaDueAt ?? null,
    ...(event.pendingNotice
      ? { noticePending: true, pendingNotice: event.pendingNotice as unknown as Prisma.InputJsonValue }
      : {}),
    ...(event.at ? { at: event.at } : {}),
  };
}

export function createEscalationsPrismaRepository(
  prisma: PrismaClient,
  options: { actionItems?: ActionItemsPort } = {},
): EscalationsRepository {
  return {
    async policyOf(workspaceId) {
      const row = await prisma.workspace.findUnique({
        where: { id: workspaceId },
        select: { escalationPolicy: true },
      });
      return row?.escalationPolicy ?? null;
    },

    async ladderOf(workspaceId, departmentIds) {
      const rows = await prisma.membership.findMany({
        where: {
          role: { in: ['LEAD', 'HEAD', 'EXECUTIVE'] },
          person: { active: true, isBot: false },
          department: { workspaceId, archivedAt: null },
          OR: [{ departmentId: { in: [...departmentIds] } }, { role: 'EXECUTIVE' }],
        },
        select: { personId: true, departmentId: true, role: true },
        orderBy: [{ createdAt: 'asc' }],
      });
      return rows;
    },

    async membershipsOf(workspaceId, personIds) {
      return prisma.membership.findMany({
        where: { personId: { in: [...personIds] }, department: { workspaceId, archivedAt: null } },
        select: { personId: true, departmentId: true, role: true },
        orderBy: [{ createdAt: 'asc' }],
      });
    },

    async recipients(personIds, workspaceId) {
      const rows = await prisma.person.findMany({
        where: { id: { in: [...personIds] }, active: true, ...(workspaceId ? { workspaceId } : {}) },
        select: { id: true, locale: true, timeZone: true },
      });
      return rows.map((row) => ({ personId: row.id, locale: row.locale, timeZone: row.timeZone }));
    },

    async activeDepartmentIds(workspaceId, ids) {
      const rows = await prisma.department.findMany({
        where: { workspaceId, id: { in: [...ids] }, archivedAt: null },
        select: { id: true },
      });
      return rows.map((row) => row.id);
    },

    async raise(input) {
      return prisma.$transaction(async (tx) => {
        const [allocated] = await tx.$queryRaw<{ number: number }[]>`
          UPDATE "Workspace" SET "nextEscalationNumber" = "nextEscalationNumber" + 1
          WHERE "id" = ${input.workspaceId}
          RETURNING "nextEscalationNumber" - 1 AS "number"`;
        if (!allocated) throw new Error(`no workspace ${input.workspaceId}`);
        const { raise } = input;
        const row = await tx.escalation.create({
          data: {
            workspaceId: input.workspaceId,
            number: Number(allocated.number),
            title: raise.title,
            blocked: raise.blocked,
            impact: raise.impact,
            decisionNeeded: raise.decisionNeeded,
            options: raise.options.map((o) => ({ label: o.label, recommended: o.recommended })),
            severity: raise.severity,
            level: input.level,
            ...(input.event.at ? { createdAt: input.event.at } : {}),
            raisedByPersonId: input.raisedByPersonId,
            wantedBy: raise.wantedBy ? new Date(`${raise.wantedBy}T00:00:00Z`) : null,
            slaDueAt: input.slaDueAt,
            nextPingAt: input.nextPingAt,
            originKey: raise.originKey ?? null,
            sourceChannelId: raise.source?.channelId ?? null,
            sourceMessageTs: raise.source?.messageTs ?? null,
            sourcePermalink: raise.source?.permalink ?? null,
            sourceQuote: raise.source?.quote ?? null,
            departments: {
              create: [
                { departmentId: raise.raiserDepartmentId, role: 'RAISER' },
                ...raise.counterpartDepartmentIds.map((departmentId) => ({
                  departmentId,
                  role: 'COUNTERPART',
                })),
              ],
            },
          },
          select: escalationSelect,
        });
        const event = await tx.escalationEvent.create({
          data: eventData(row.id, input.event),
          select: { id: true },
        });
        await writeAuditEntry(tx, {
          workspaceId: input.workspaceId,
          actorSlackId: input.audit.actorSlackId ?? undefined,
          action: input.audit.action,
          objectType: 'escalation',
          objectId: row.id,
          after: { number: row.number, title: row.title, severity: row.severity, level: row.level },
        });
        return { escalation: toDto(row), eventId: event.id };
      }, TRANSACTION_OPTIONS);
    },

    async findById(id) {
      const row = await prisma.escalation.findUnique({ where: { id }, select: escalationSelect });
      return row ? toDto(row) : null;
    },

    async findByNumber(workspaceId, number) {
      const row = await prisma.escalation.findUnique({
        where: { workspaceId_number: { workspaceId, number } },
        select: escalationSelect,
      });
      return row ? toDto(row) : null;
    },

    async findByOriginKey(workspaceId, originKey) {
      const row = await prisma.escalation.findUnique({
        where: { workspaceId_originKey: { workspaceId, originKey } },
        select: escalationSelect,
      });
      return row ? toDto(row) : null;
    },

    async applyChange(input) {
      try {
        return await prisma.$transaction(async (tx) => {
          // Another transaction (person or replica) holding the row: let it finish, do nothing.
          const locked = await tx.$queryRaw<{ id: string }[]>`
            SELECT "id" FROM "Escalation" WHERE "id" = ${input.escalationId} FOR UPDATE SKIP LOCKED`;
          if (locked.length === 0) throw new StateMoved();
          const { count } = await tx.escalation.updateMany({
            where: {
              id: input.escalationId,
              status: input.expected.status,
              level: input.expected.level,
              slaDueAt: input.expected.slaDueAt,
            },
            data: input.patch,
          });
          if (count === 0) throw new StateMoved();
          const event = await tx.escalationEvent.create({
            data: eventData(input.escalationId, input.event),
            select: { id: true },
          });
          let decisionId: string | null = null;
          if (input.decision) {
            const decision = await tx.decision.create({
              data: {
                workspaceId: input.workspaceId,
                escalationId: input.escalationId,
                text: input.decision.text,
                decidedByPersonId: input.decision.decidedByPersonId,
                optionsConsidered: input.decision.optionsConsidered,
                ...(input.event.at ? { decidedAt: input.event.at } : {}),
              },
              select: { id: true },
            });
            decisionId = decision.id;
            if (input.decision.actionItems.length > 0) {
              if (!options.actionItems)
                throw new Error('action items given but no action-items module is wired');
              await options.actionItems.createMany(tx, {
                workspaceId: input.workspaceId,
                decisionId,
                escalationId: input.escalationId,
                createdByPersonId: input.decision.decidedByPersonId,
                actorSlackId: input.audit.actorSlackId,
                items: input.decision.actionItems,
              });
            }
          }
          const row = await tx.escalation.findUniqueOrThrow({
            where: { id: input.escalationId },
            select: escalationSelect,
          });
          await writeAuditEntry(tx, {
            workspaceId: input.workspaceId,
            actorSlackId: input.audit.actorSlackId ?? undefined,
            action: input.audit.action,
            objectType: 'escalation',
            objectId: input.escalationId,
            before: input.audit.before,
            after: input.audit.after ?? { ...input.patch, decisionId },
          });
          return { escalation: toDto(row), eventId: event.id, decisionId };
        }, TRANSACTION_OPTIONS);
      } catch (error) {
        if (error instanceof StateMoved || isUniqueViolation(error)) return null;
        throw error;
      }
    },

    async noticeQueued(eventId) {
      await prisma.escalationEvent.update({
        where: { id: eventId },
        data: { noticePending: false, pendingNotice: Prisma.DbNull },
      });
    },

    async pendingNotices(window, limit, workspaceId) {
      const rows = await prisma.escalationEvent.findMany({
        where: {
          noticePending: true,
          at: { gte: window.from, lte: window.to },
          ...(workspaceId ? { escalation: { workspaceId } } : {}),
        },
        orderBy: { at: 'asc' },
        take: limit,
        select: { id: true, escalationId: true, pendingNotice: true },
      });
      return rows.flatMap((row) => {
        const notice = row.pendingNotice as unknown as PendingNotice | null;
        return notice ? [{ eventId: row.id, escalationId: row.escalationId, notice }] : [];
      });
    },

    async advancePing(escalationId, expected, next) {
      const { count } = await prisma.escalation.updateMany({
        where: { id: escalationId, nextPingAt: expected, status: 'OPEN', severity: 'URGENT' },
        data: { nextPingAt: next },
      });
      return count === 1;
    },

    async recordRefusal(actor, escalationId, attempted) {
      await writeAuditEntry(prisma, {
        workspaceId: actor.workspaceId,
        actorSlackId: actor.slackUserId,
        action: 'authorization.refused',
        objectType: 'escalation',
        objectId: escalationId,
        after: { attempted },
      });
    },

    async dueBreaches(now, limit, workspaceId) {
      return prisma.escalation.findMany({
        where: {
          status: { not: 'RESOLVED' },
          slaDueAt: { lte: now },
          ...(workspaceId ? { workspaceId } : {}),
        },
        select: { id: true, workspaceId: true, level: true, slaDueAt: true, severity: true, status: true },
        orderBy: { slaDueAt: 'asc' },
        take: limit,
      }) as Promise<Awaited<ReturnType<EscalationsRepository['dueBreaches']>>>;
    },

    async duePings(now, limit, workspaceId) {
      const rows = await prisma.escalation.findMany({
        where: {
          status: 'OPEN',
          severity: 'URGENT',
          nextPingAt: { lte: now },
          ...(workspaceId ? { workspaceId } : {}),
        },
        select: { id: true, nextPingAt: true },
        orderBy: { nextPingAt: 'asc' },
        take: limit,
      });
      return rows.flatMap((row) => (row.nextPingAt ? [{ id: row.id, nextPingAt: row.nextPingAt }] : []));
    },

    async list(workspaceId, scope, person) {
      const where: Prisma.EscalationWhereInput =
        scope === 'mine'
          ? {
              workspaceId,
              status: { not: 'RESOLVED' },
              OR: [{ raisedByPersonId: person.personId }, { assigneePersonId: person.personId }],
            }
          : scope === 'department'
            ? {
                workspaceId,
                status: { not: 'RESOLVED' },
                departments: { some: { departmentId: { in: person.departmentIds } } },
              }
            : { workspaceId, status: { not: 'RESOLVED' } };
      const rows = await prisma.escalation.findMany({
        where,
        select: escalationSelect,
        orderBy: [{ slaDueAt: 'asc' }, { number: 'asc' }],
        take: 50,
      });
      return rows.map(toDto);
    },

    async searchDecisions(workspaceId, query, limit) {
      const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const rows = await prisma.$queryRaw<
        {
          id: string;
          escalationId: string | null;
          number: number | null;
          title: string | null;
          text: string;
          decidedByPersonId: string;
          optionsConsidered: unknown;
          decidedAt: Date;
        }[]
      >`
        SELECT d."id", d."escalationId", e."number", e."title", d."text", d."decidedByPersonId",
               d."optionsConsidered", d."decidedAt"
        FROM "Decision" d LEFT JOIN "Escalation" e ON e."id" = d."escalationId"
        WHERE d."workspaceId" = ${workspaceId}
          AND (d."text" ILIKE ${pattern} OR e."title" ILIKE ${pattern})
        ORDER BY d."decidedAt" DESC
        LIMIT ${limit}`;
      return rows.map(
        (row): DecisionDto => ({
          id: row.id,
          escalationId: row.escalationId,
          escalationNumber: row.number === null ? null : Number(row.number),
          escalationTitle: row.title,
          text: row.text,
          decidedByPersonId: row.decidedByPersonId,
          optionsConsidered: Array.isArray(row.optionsConsidered) ? (row.optionsConsidered as string[]) : [],
          decidedAt: row.decidedAt,
        }),
      );
    },
  };
}
