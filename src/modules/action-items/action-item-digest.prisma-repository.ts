import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { ActionItemDigestRepository } from './action-item-digest.repository.js';

const dayOf = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function createActionItemDigestPrismaRepository(prisma: PrismaClient): ActionItemDigestRepository {
  return {
    async openInDepartments({ workspaceId, departmentIds, today, dueOnOrBefore, limit }) {
      const ids = [...departmentIds];
      const inDepartments: Prisma.ActionItemWhereInput = {
        workspaceId,
        OR: [
          { ownerDepartmentId: { in: ids } },
          { ownerDepartmentId: null, owner: { memberships: { some: { departmentId: { in: ids } } } } },
        ],
      };
      const overdue: Prisma.ActionItemWhereInput = {
        AND: [
          inDepartments,
          { OR: [{ status: 'OVERDUE' }, { status: 'OPEN', dueOn: { lt: dayOf(today) } }] },
        ],
      };
      const dueSoon: Prisma.ActionItemWhereInput = {
        AND: [inDepartments, { status: 'OPEN', dueOn: { gte: dayOf(today), lte: dayOf(dueOnOrBefore) } }],
      };
      const [rows, overdueTotal, dueSoonTotal] = await Promise.all([
        prisma.actionItem.findMany({
          where: { OR: [overdue, dueSoon] },
          select: {
            id: true,
            title: true,
            status: true,
            dueOn: true,
            owner: { select: { displayName: true, realName: true } },
            ownerDepartment: { select: { nameEn: true, nameZh: true } },
          },
          orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }],
          take: limit,
        }),
        prisma.actionItem.count({ where: overdue }),
        prisma.actionItem.count({ where: dueSoon }),
      ]);
      return {
        overdueTotal,
        dueSoonTotal,
        items: rows.map((row) => ({
          id: row.id,
          title: row.title,
          status: row.status,
          dueOn: row.dueOn.toISOString().slice(0, 10),
          ownerName: row.owner.realName ?? row.owner.displayName,
          department: row.ownerDepartment,
        })),
      };
    },
  };
}
