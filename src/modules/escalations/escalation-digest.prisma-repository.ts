import type { PrismaClient } from '../../generated/prisma/client.js';
import { createOpenEscalationsPrismaRepository } from './assessment.prisma-repository.js';
import type { EscalationDigestRepository } from './escalation-digest.repository.js';

export function createEscalationDigestPrismaRepository(prisma: PrismaClient): EscalationDigestRepository {
  const open = createOpenEscalationsPrismaRepository(prisma);
  return {
    async openFor({ workspaceId, personId, departmentIds, executive, limit }) {
      const rows = await prisma.escalation.findMany({
        where: {
          workspaceId,
          status: { not: 'RESOLVED' },
          OR: [
            { raisedByPersonId: personId },
            { assigneePersonId: personId },
            { departments: { some: { departmentId: { in: [...departmentIds] } } } },
            ...(executive ? [{ level: { gte: 3 } }] : []),
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
          createdAt: true,
          sourcePermalink: true,
          departments: { select: { departmentId: true } },
          events: { where: { type: 'sla_breached' }, select: { id: true }, take: 1 },
        },
        orderBy: [{ createdAt: 'asc' }, { number: 'asc' }],
        take: limit,
      });
      return rows.map(({ departments, events, sourcePermalink, ...row }) => ({
        ...row,
        departmentIds: departments.map((d) => d.departmentId),
        breachRecorded: events.length > 0,
        permalink: sourcePermalink,
      }));
    },

    workspaceLadder: (workspaceId) => open.workspaceLadder(workspaceId),

    async decidedBetween({ workspaceId, departmentIds, from, to, limit }) {
      const where = {
        workspaceId,
        decidedAt: { gte: from, lt: to },
        escalation: { departments: { some: { departmentId: { in: [...departmentIds] } } } },
      };
      const [rows, total] = await Promise.all([
        prisma.decision.findMany({
          where,
          select: { text: true, decidedAt: true, escalation: { select: { number: true, title: true } } },
          orderBy: { decidedAt: 'desc' },
          take: limit,
        }),
        prisma.decision.count({ where }),
      ]);
      return {
        total,
        decisions: rows.map((row) => ({
          number: row.escalation?.number ?? 0,
          title: row.escalation?.title ?? '',
          text: row.text,
          decidedAt: row.decidedAt,
        })),
      };
    },
  };
}
