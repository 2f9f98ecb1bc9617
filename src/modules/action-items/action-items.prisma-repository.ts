import type { DbClient } from '../../db/database.js';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { writeAuditEntries, writeAuditEntry } from '../audit/audit.prisma-repository.js';
import type { LocalDate } from '../calendar/local-date.rules.js';
import type { ActionItemsRepository } from './action-items.repository.js';
import type { ActionItemDto, ActionItemStatus } from './action-items.types.js';

const ITEM = {
  id: true,
  workspaceId: true,
  title: true,
  ownerPersonId: true,
  ownerDepartmentId: true,
  dueOn: true,
  status: true,
  sourceType: true,
  sourceId: true,
  decisionId: true,
  createdByPersonId: true,
  remindedAt: true,
  overdueNotifiedAt: true,
  completedAt: true,
  createdAt: true,
} as const satisfies Prisma.ActionItemSelect;

type ItemRow = Prisma.ActionItemGetPayload<{ select: typeof ITEM }>;

const dateOf = (day: LocalDate) => new Date(`${day}T00:00:00.000Z`);
const localDateOf = (date: Date): LocalDate => date.toISOString().slice(0, 10);

function toDto(row: ItemRow): ActionItemDto {
  return { ...row, dueOn: localDateOf(row.dueOn), status: row.status as ActionItemStatus };
}

function auditOf(item: ActionItemDto) {
  return {
    title: item.title,
    ownerPersonId: item.ownerPersonId,
    ownerDepartmentId: item.ownerDepartmentId,
    dueOn: item.dueOn,
    status: item.status,
    sourceType: item.sourceType,
    sourceId: item.sourceId,
  };
}

export function createActionItemsPrismaRepository(prisma: PrismaClient): ActionItemsRepository {
  return {
    async createMany(rows, actorSlackId, tx) {
      const insert = async (db: DbClient) => {
        const created: ActionItemDto[] = [];
        for (const row of rows)
          created.push(
            toDto(await db.actionItem.create({ data: { ...row, dueOn: dateOf(row.dueOn) }, select: ITEM })),
          );
        await writeAuditEntries(
          db,
          created.map((item) => ({
            workspaceId: item.workspaceId,
            actorSlackId: actorSlackId ?? undefined,
            action: 'action_item.created',
            objectType: 'action_item',
            objectId: item.id,
            after: auditOf(item),
          })),
        );
        return created;
      };
      return tx ? insert(tx as DbClient) : prisma.$transaction((inner) => insert(inner));
    },

    async find(workspaceId, id) {
      const row = await prisma.actionItem.findFirst({ where: { id, workspaceId }, select: ITEM });
      return row ? toDto(row) : null;
    },

    async change(workspaceId, change) {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.actionItem.updateMany({
          where: { id: change.id, workspaceId, status: change.expected },
          data: {
            status: change.status,
            ...(change.dueOn ? { dueOn: dateOf(change.dueOn) } : {}),
            ...(change.completedAt !== undefined ? { completedAt: change.completedAt } : {}),
            ...(change.resetNotices ? { remindedAt: null, overdueNotifiedAt: null } : {}),
          },
        });
        if (count !== 1) return null;
        await writeAuditEntry(tx, {
          workspaceId,
          actorSlackId: change.audit.actorSlackId ?? undefined,
          action: change.audit.action,
          objectType: 'action_item',
          objectId: change.id,
          before: change.audit.before,
          after: change.audit.after,
        });
        return toDto(await tx.actionItem.findUniqueOrThrow({ where: { id: change.id }, select: ITEM }));
      });
    },

    async listForOwner(workspaceId, ownerPersonId, statuses) {
      const rows = await prisma.actionItem.findMany({
        where: { workspaceId, ownerPersonId, status: { in: [...statuses] } },
        orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }],
        select: ITEM,
      });
      return rows.map(toDto);
    },

    async listForSource(workspaceId, sourceType, sourceId) {
      const rows = await prisma.actionItem.findMany({
        where: { workspaceId, sourceType, sourceId },
        orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }],
        select: ITEM,
      });
      return rows.map(toDto);
    },

    async listNeedingNotice(workspaceId, dueOnOrBefore) {
      const rows = await prisma.actionItem.findMany({
        where: {
          workspaceId,
          status: 'OPEN',
          dueOn: { lte: dateOf(dueOnOrBefore) },
          OR: [{ remindedAt: null }, { overdueNotifiedAt: null }],
          owner: { active: true },
        },
        orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
        select: {
          ...ITEM,
          owner: {
            select: { slackUserId: true, displayName: true, locale: true, timeZone: true, active: true },
          },
        },
        take: 2_000,
      });
      return rows.map((row) => ({ ...toDto(row), owner: row.owner }));
    },

    async claimReminder(id, dueOn, at) {
      const { count } = await prisma.actionItem.updateMany({
        where: { id, status: 'OPEN', dueOn: dateOf(dueOn), remindedAt: null },
        data: { remindedAt: at },
      });
      return count === 1;
    },

    async claimOverdue(workspaceId, id, dueOn, at) {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.actionItem.updateMany({
          where: { id, workspaceId, status: 'OPEN', dueOn: dateOf(dueOn), overdueNotifiedAt: null },
          data: { status: 'OVERDUE', overdueNotifiedAt: at },
        });
        if (count !== 1) return false;
        await writeAuditEntry(tx, {
          workspaceId,
          action: 'action_item.overdue',
          objectType: 'action_item',
          objectId: id,
          before: { status: 'OPEN', dueOn },
          after: { status: 'OVERDUE', dueOn },
        });
        return true;
      });
    },
  };
}
