import type { PrismaClient } from '../../generated/prisma/client.js';
import { writeAuditEntry } from '../audit/audit.prisma-repository.js';
import type { OkrImportRepository } from './okr-import.repository.js';
import { keyResultData } from './okrs.prisma-repository.js';

export function createOkrImportPrismaRepository(prisma: PrismaClient): OkrImportRepository {
  return {
    async departmentIdsByKey(workspaceId, keys) {
      if (keys.length === 0) return new Map();
      const rows = await prisma.department.findMany({
        where: { workspaceId, key: { in: [...keys] }, archivedAt: null },
        select: { id: true, key: true },
      });
      return new Map(rows.map((r) => [r.key, r.id]));
    },

    async peopleByRef(workspaceId, refs) {
      if (refs.length === 0) return new Map();
      const rows = await prisma.person.findMany({
        where: {
          workspaceId,
          active: true,
          OR: [
            { slackUserId: { in: [...refs] } },
            { email: { in: refs.map((r) => r.toLowerCase()), mode: 'insensitive' } },
          ],
        },
        select: { id: true, slackUserId: true, email: true },
      });
      const found = new Map<string, string>();
      for (const row of rows) {
        found.set(row.slackUserId, row.id);
        if (row.email) found.set(row.email.toLowerCase(), row.id);
      }
      return found;
    },

    async objectivesOf(workspaceId, periodId) {
      const rows = await prisma.okrObjective.findMany({
        where: { workspaceId, periodId },
        select: {
          id: true,
          number: true,
          importKey: true,
          departmentId: true,
          parentId: true,
          title: true,
          keyResults: {
            select: {
              id: true,
              importKey: true,
              title: true,
              kind: true,
              unit: true,
              startValue: true,
              targetValue: true,
              ownerPersonId: true,
              kpiId: true,
            },
          },
        },
      });
      return rows;
    },

    async apply(actor, periodId, plan) {
      await prisma.$transaction(
        async (tx) => {
          const max = async (table: 'objective' | 'keyResult') =>
            ((table === 'objective'
              ? await tx.okrObjective.aggregate({
                  where: { workspaceId: actor.workspaceId },
                  _max: { number: true },
                })
              : await tx.okrKeyResult.aggregate({
                  where: { workspaceId: actor.workspaceId },
                  _max: { number: true },
                })
            )._max.number ?? 0) + 1;
          let objectiveNumber = await max('objective');
          let krNumber = await max('keyResult');
          const idsByKey = new Map<string, string>();
          // Company objectives first, so department objectives can point at them.
          const ordered = [...plan.objectives].sort(
            (a, b) => Number(a.departmentId !== null) - Number(b.departmentId !== null),
          );
          for (const o of ordered) {
            const parentId =
              o.parent === null
                ? null
                : 'id' in o.parent
                  ? o.parent.id
                  : (idsByKey.get(o.parent.key) ?? null);
            if (o.existingId) {
              if (!o.unchanged)
                await tx.okrObjective.update({
                  where: { id: o.existingId },
                  data: { title: o.title, parentId },
                  select: { id: true },
                });
              idsByKey.set(o.key, o.existingId);
              continue;
            }
            const created = await tx.okrObjective.create({
              data: {
                workspaceId: actor.workspaceId,
                number: objectiveNumber++,
                periodId,
                departmentId: o.departmentId,
                parentId,
                title: o.title,
                importKey: o.key,
              },
              select: { id: true },
            });
            idsByKey.set(o.key, created.id);
          }
          for (const kr of plan.keyResults) {
            const objectiveId = idsByKey.get(kr.objectiveKey);
            if (!objectiveId) throw new Error(`import plan names no objective ${kr.objectiveKey}`);
            if (kr.existingId) {
              const {
                workspaceId: _w,
                number: _n,
                currentValue: _c,
                ...data
              } = keyResultData(actor.workspaceId, 0, kr.input);
              await tx.okrKeyResult.update({ where: { id: kr.existingId }, data, select: { id: true } });
              continue;
            }
            await tx.okrKeyResult.create({
              data: {
                ...keyResultData(actor.workspaceId, krNumber++, kr.input),
                objectiveId,
                importKey: kr.key,
              },
              select: { id: true },
            });
          }
          await writeAuditEntry(tx, {
            workspaceId: actor.workspaceId,
            actorSlackId: actor.slackUserId,
            action: 'okr.imported',
            objectType: 'okr_period',
            objectId: periodId,
            after: {
              objectives: plan.objectives.map((o) => ({ key: o.key, created: o.existingId === null })),
              keyResults: plan.keyResults.map((k) => ({
                objective: k.objectiveKey,
                key: k.key,
                created: k.existingId === null,
              })),
            },
          });
        },
        { timeout: 60_000 },
      );
    },
  };
}
