import type { PrismaClient } from '../../generated/prisma/client.js';
import { writeAuditEntry } from '../audit/audit.prisma-repository.js';
import { keyResultProgress } from '../okrs/okr-scoring.rules.js';
import type { DemoOkrQuarter } from './demo.repository.js';
import type { DemoKeyResult } from './demo-okrs.data.js';

const HOUR = 3_600_000;

/** A key result's check-ins land on the last rounds (one answer: the latest round). */
function answersByRound(kr: DemoKeyResult, rounds: number) {
  const answers = kr.checkIns ?? [];
  return answers
    .map((answer, index) => ({ answer, round: rounds - answers.length + index }))
    .filter((a) => a.round >= 0);
}

/** `seedOkrs` of the demo repository: see DemoRepository. */
export async function seedDemoOkrs(
  prisma: PrismaClient,
  slackTeamId: string,
  quarter: DemoOkrQuarter,
): Promise<number> {
  return prisma.$transaction(
    async (tx) => {
      const ws = await tx.workspace.findUniqueOrThrow({ where: { slackTeamId }, select: { id: true } });
      const workspaceId = ws.id;
      const period = await tx.okrPeriod.upsert({
        where: { workspaceId_key: { workspaceId, key: quarter.period.key } },
        create: { workspaceId, ...quarter.period },
        update: {},
        select: { id: true },
      });
      if ((await tx.okrObjective.count({ where: { periodId: period.id } })) > 0) return 0;
      const [departments, people, kpis, maxObjective, maxKeyResult] = await Promise.all([
        tx.department.findMany({ where: { workspaceId }, select: { id: true, key: true } }),
        tx.person.findMany({ where: { workspaceId }, select: { id: true, slackUserId: true } }),
        tx.kpi.findMany({ where: { workspaceId }, select: { id: true, key: true } }),
        tx.okrObjective.aggregate({ where: { workspaceId }, _max: { number: true } }),
        tx.okrKeyResult.aggregate({ where: { workspaceId }, _max: { number: true } }),
      ]);
      const departmentId = new Map(departments.map((d) => [d.key, d.id]));
      const personId = new Map(people.map((p) => [p.slackUserId, p.id]));
      const kpiId = new Map(kpis.map((k) => [k.key, k.id]));
      let objectiveNumber = maxObjective._max.number ?? 0;
      let keyResultNumber = maxKeyResult._max.number ?? 0;
      const objectiveIds = new Map<string, string>();
      const windows = new Map<string, string>();
      const rounds = quarter.rounds.length;

      // Company objectives come first in the data, so parents exist before their children.
      for (const objective of quarter.objectives) {
        const ownDepartment = objective.department ? departmentId.get(objective.department) : null;
        if (ownDepartment === undefined) continue;
        const created = await tx.okrObjective.create({
          data: {
            workspaceId,
            number: ++objectiveNumber,
            periodId: period.id,
            departmentId: ownDepartment,
            parentId: objective.parent ? (objectiveIds.get(objective.parent) ?? null) : null,
            title: objective.title,
            importKey: `demo-${objective.key}`,
          },
          select: { id: true },
        });
        objectiveIds.set(objective.key, created.id);
        for (const kr of objective.keyResults) {
          const owner = personId.get(kr.owner);
          if (!owner) continue;
          const answers = answersByRound(kr, rounds);
          const last = answers.at(-1)?.answer;
          const { metric } = kr;
          const currentValue = metric ? (last?.value ?? metric.start) : null;
          const row = await tx.okrKeyResult.create({
            data: {
              workspaceId,
              number: ++keyResultNumber,
              objectiveId: created.id,
              title: kr.title,
              kind: metric ? 'METRIC' : 'MILESTONE',
              unit: metric?.unit || null,
              direction: metric?.direction ?? 'INCREASE',
              startValue: metric?.start ?? null,
              targetValue: metric?.target ?? null,
              currentValue,
              done: kr.done ?? last?.done ?? false,
              ownerPersonId: owner,
              lastConfidence: last?.confidence ?? null,
              kpiId: metric?.kpi ? (kpiId.get(metric.kpi) ?? null) : null,
              importKey: `demo-${kr.owner}-${objective.keyResults.indexOf(kr) + 1}`,
            },
            select: { id: true },
          });
          if (!ownDepartment) continue;
          for (const { answer, round } of answers) {
            const { cycleOn, at } = quarter.rounds[round] as DemoOkrQuarter['rounds'][number];
            const windowKey = `${ownDepartment}:${cycleOn}`;
            let windowId = windows.get(windowKey);
            if (!windowId) {
              const closesAt = new Date(at.getTime() + 48 * HOUR);
              windowId = (
                await tx.okrCheckInWindow.upsert({
                  where: { departmentId_cycleOn: { departmentId: ownDepartment, cycleOn } },
                  create: { workspaceId, departmentId: ownDepartment, cycleOn, closesAt, closedAt: closesAt },
                  update: {},
                  select: { id: true },
                })
              ).id;
              windows.set(windowKey, windowId);
            }
            await tx.okrCheckInPrompt.upsert({
              where: { windowId_personId: { windowId, personId: owner } },
              create: { windowId, personId: owner, promptedAt: at },
              update: {},
              select: { id: true },
            });
            const progress = metric
              ? keyResultProgress({
                  kind: 'METRIC',
                  startValue: metric.start,
                  targetValue: metric.target,
                  currentValue: answer.value ?? null,
                  direction: metric.direction,
                })
              : keyResultProgress({ kind: 'MILESTONE', done: answer.done ?? false });
            await tx.okrCheckIn.create({
              data: {
                windowId,
                keyResultId: row.id,
                personId: owner,
                value: answer.value ?? null,
                done: metric ? null : (answer.done ?? false),
                progress,
                confidence: answer.confidence,
                comment: answer.comment ?? null,
                blockers: answer.blockers ?? null,
                answeredAt: new Date(at.getTime() + 3 * HOUR),
              },
              select: { id: true },
            });
          }
        }
      }
      await writeAuditEntry(tx, {
        workspaceId,
        action: 'workspace.demo_okrs_seeded',
        objectType: 'workspace',
        objectId: workspaceId,
        after: { period: quarter.period.key, objectives: objectiveIds.size, rounds },
      });
      return objectiveIds.size;
    },
    // A few dozen inserts: on a loaded machine they outlast Prisma's 5 s default.
    { timeout: 30_000 },
  );
}
