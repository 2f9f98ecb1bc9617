import type { DbClient } from '../../db/database.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { writeAuditEntries, writeAuditEntry } from '../audit/audit.prisma-repository.js';
import type { ProposalsRepository } from './proposals.repository.js';
import type { DraftedBy, ProposalDto, ProposalSourceType } from './proposals.types.js';

type Row = Awaited<ReturnType<PrismaClient['proposal']['findFirstOrThrow']>>;

const day = (date: Date) => date.toISOString().slice(0, 10);
const dateOf = (local: string) => new Date(`${local}T00:00:00.000Z`);

function toDto(row: Row): ProposalDto {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    sourceType: row.sourceType as ProposalSourceType,
    sourceId: row.sourceId,
    decisionId: row.decisionId,
    agendaItemId: row.agendaItemId,
    title: row.title,
    proposedOwnerPersonId: row.proposedOwnerPersonId,
    ownerDepartmentId: row.ownerDepartmentId,
    dueOn: day(row.dueOn),
    refs: Array.isArray(row.refs) ? row.refs.filter((r): r is string => typeof r === 'string') : [],
    draftedBy: row.draftedBy as DraftedBy,
    model: row.model,
    requestedByPersonId: row.requestedByPersonId,
    offeredToPersonId: row.offeredToPersonId,
    status: row.status,
    actedByPersonId: row.actedByPersonId,
    actedAt: row.actedAt,
    actionItemId: row.actionItemId,
    createdAt: row.createdAt,
  };
}

export function createProposalsPrismaRepository(prisma: PrismaClient): ProposalsRepository {
  return {
    async createMany(rows, actorSlackId) {
      return prisma.$transaction(async (tx) => {
        const created: ProposalDto[] = [];
        for (const row of rows)
          created.push(toDto(await tx.proposal.create({ data: { ...row, dueOn: dateOf(row.dueOn) } })));
        await writeAuditEntries(
          tx as DbClient,
          created.map((p) => ({
            workspaceId: p.workspaceId,
            actorSlackId: actorSlackId ?? undefined,
            action: 'proposal.drafted',
            objectType: 'proposal',
            objectId: p.id,
            after: {
              title: p.title,
              owner: p.proposedOwnerPersonId,
              dueOn: p.dueOn,
              draftedBy: p.draftedBy,
              refs: p.refs,
            },
          })),
        );
        return created;
      });
    },

    async find(workspaceId, id) {
      const row = await prisma.proposal.findFirst({ where: { id, workspaceId } });
      return row ? toDto(row) : null;
    },

    async accept(workspaceId, input, createItem) {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.proposal.updateMany({
          where: { id: input.id, workspaceId, status: 'PROPOSED' },
          data: { status: 'ACCEPTED', actedByPersonId: input.actedByPersonId, actedAt: input.at },
        });
        if (count === 0) return null;
        const item = await createItem(tx);
        const row = await tx.proposal.update({ where: { id: input.id }, data: { actionItemId: item.id } });
        await writeAuditEntry(tx as DbClient, {
          workspaceId,
          actorSlackId: input.actorSlackId,
          action: 'proposal.accepted',
          objectType: 'proposal',
          objectId: input.id,
          after: { ...input.item, actionItemId: item.id },
        });
        return toDto(row);
      });
    },

    async decline(workspaceId, input) {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.proposal.updateMany({
          where: { id: input.id, workspaceId, status: 'PROPOSED' },
          data: { status: 'DECLINED', actedByPersonId: input.actedByPersonId, actedAt: input.at },
        });
        if (count === 0) return null;
        await writeAuditEntry(tx as DbClient, {
          workspaceId,
          actorSlackId: input.actorSlackId,
          action: 'proposal.declined',
          objectType: 'proposal',
          objectId: input.id,
        });
        return toDto(await tx.proposal.findUniqueOrThrow({ where: { id: input.id } }));
      });
    },
  };
}
