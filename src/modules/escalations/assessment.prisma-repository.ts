import type { PrismaClient } from '../../generated/prisma/client.js';
import type {
  AssessmentRepository,
  AssessmentSnapshotDto,
  OpenEscalationsRepository,
} from './assessment.repository.js';
import { RESPONSE_EVENTS } from './assessment.rules.js';

const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 30_000 } as const;
const LADDER_ROLES = ['LEAD', 'HEAD', 'EXECUTIVE'] as const;

const snapshotSelect = {
  departmentId: true,
  quarter: true,
  raised: true,
  received: true,
  answered: true,
  answeredWithinSla: true,
  medianMinutesToDecision: true,
  actionItemsDue: true,
  actionItemsOnTime: true,
  checkInsAsked: true,
  checkInsAnswered: true,
  agendaItemsRaised: true,
  agendaItemsResolved: true,
  agendaCycleMinutes: true,
  agendaCyclePrevMinutes: true,
  computedAt: true,
} as const;

const dayOf = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function createAssessmentPrismaRepository(prisma: PrismaClient): AssessmentRepository {
  return {
    async workspaceZone(workspaceId) {
      const row = await prisma.workspace.findUniqueOrThrow({
        where: { id: workspaceId },
        select: { defaultTimeZone: true },
      });
      return row.defaultTimeZone;
    },

    async activeDepartments(workspaceId) {
      return prisma.department.findMany({
        where: { workspaceId, archivedAt: null },
        select: { id: true, nameEn: true, nameZh: true },
        orderBy: { key: 'asc' },
      });
    },

    async escalationsBetween(workspaceId, from, to) {
      const rows = await prisma.escalation.findMany({
        where: {
          workspaceId,
          OR: [
            { createdAt: { gte: from, lt: to } },
            { decisions: { some: { decidedAt: { gte: from, lt: to } } } },
          ],
        },
        select: {
          createdAt: true,
          departments: { select: { departmentId: true, role: true } },
          events: {
            where: { type: { in: [...RESPONSE_EVENTS, 'sla_breached'] } },
            select: { type: true, at: true, slaDueAt: true },
          },
          decisions: { select: { decidedAt: true }, orderBy: { decidedAt: 'asc' }, take: 1 },
        },
      });
      return rows.map((row) => ({
        createdAt: row.createdAt,
        departments: row.departments.map((d) => ({
          departmentId: d.departmentId,
          role: d.role === 'RAISER' ? ('RAISER' as const) : ('COUNTERPART' as const),
        })),
        events: row.events,
        firstDecisionAt: row.decisions[0]?.decidedAt ?? null,
      }));
    },

    async actionItemsDueBetween(workspaceId, firstDay, lastDay, defaultZone) {
      const rows = await prisma.actionItem.findMany({
        where: {
          workspaceId,
          dueOn: { gte: dayOf(firstDay), lte: dayOf(lastDay) },
          status: { not: 'CANCELLED' },
        },
        select: {
          ownerDepartmentId: true,
          dueOn: true,
          status: true,
          completedAt: true,
          owner: {
            select: {
              timeZone: true,
              memberships: { where: { department: { archivedAt: null } }, select: { departmentId: true } },
            },
          },
        },
      });
      return rows.map((row) => ({
        ownerDepartmentId: row.ownerDepartmentId,
        ownerDepartmentIds: [...new Set(row.owner.memberships.map((m) => m.departmentId))],
        dueOn: row.dueOn.toISOString().slice(0, 10),
        status: row.status,
        completedAt: row.completedAt,
        timeZone: row.owner.timeZone ?? defaultZone,
      }));
    },

    async agendaItemsBetween(workspaceId, from, to) {
      return prisma.agendaItem.findMany({
        where: {
          workspaceId,
          createdAt: { lt: to },
          OR: [{ createdAt: { gte: from } }, { decidedAt: { gte: from, lt: to } }, { status: 'DEFERRED' }],
        },
        select: {
          id: true,
          ownerDepartmentId: true,
          source: true,
          carriedFromItemId: true,
          status: true,
          createdAt: true,
          decidedAt: true,
        },
      });
    },

    async saveSnapshots(workspaceId, quarter, figures, computedAt) {
      const save = () =>
        prisma.$transaction(async (tx) => {
          const saved: AssessmentSnapshotDto[] = [];
          for (const { departmentId, ...values } of figures) {
            saved.push(
              await tx.assessmentSnapshot.upsert({
                where: { workspaceId_departmentId_quarter: { workspaceId, departmentId, quarter } },
                create: { workspaceId, departmentId, quarter, ...values, computedAt },
                update: { ...values, computedAt },
                select: snapshotSelect,
              }),
            );
          }
          return saved;
        }, TRANSACTION_OPTIONS);
      try {
        return await save();
      } catch (error) {
        // Two computations of a quarter never stored before raced to create its rows: the
        // loser retries, now updating what the winner created.
        if ((error as { code?: string }).code !== 'P2002') throw error;
        return save();
      }
    },

    async snapshots(workspaceId, quarter) {
      return prisma.assessmentSnapshot.findMany({ where: { workspaceId, quarter }, select: snapshotSelect });
    },
  };
}

export function createOpenEscalationsPrismaRepository(prisma: PrismaClient): OpenEscalationsRepository {
  return {
    async openCandidatesFor(workspaceId, personId) {
      const ladder = await prisma.membership.findMany({
        where: { personId, role: { in: [...LADDER_ROLES] }, department: { workspaceId, archivedAt: null } },
        select: { departmentId: true, role: true },
      });
      const isExecutive = ladder.some((m) => m.role === 'EXECUTIVE');
      const rows = await prisma.escalation.findMany({
        where: {
          workspaceId,
          status: { not: 'RESOLVED' },
          OR: [
            { raisedByPersonId: personId },
            { assigneePersonId: personId },
            { departments: { some: { departmentId: { in: ladder.map((m) => m.departmentId) } } } },
            ...(isExecutive ? [{ level: { gte: 3 } }] : []),
          ],
        },
        select: {
          id: true,
          number: true,
          title: true,
          severity: true,
          status: true,
          level: true,
          slaDueAt: true,
          raisedByPersonId: true,
          assigneePersonId: true,
          departments: { select: { departmentId: true } },
        },
        orderBy: [{ slaDueAt: 'asc' }, { number: 'asc' }],
        take: 200,
      });
      return rows.map(({ departments, ...row }) => ({
        ...row,
        departmentIds: departments.map((d) => d.departmentId),
      }));
    },

    async workspaceLadder(workspaceId, alsoPersonId) {
      return prisma.membership.findMany({
        where: {
          role: { in: [...LADDER_ROLES] },
          OR: [
            { person: { active: true, isBot: false } },
            ...(alsoPersonId ? [{ personId: alsoPersonId }] : []),
          ],
          department: { workspaceId, archivedAt: null },
        },
        select: { personId: true, departmentId: true, role: true },
        orderBy: [{ createdAt: 'asc' }],
      });
    },
  };
}
