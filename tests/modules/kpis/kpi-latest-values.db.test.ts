import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthRank } from '../../../src/modules/kpis/kpi.rules.js';
import { createKpisPrismaRepository } from '../../../src/modules/kpis/kpis.prisma-repository.js';
import { createKpisService } from '../../../src/modules/kpis/kpis.service.js';
import { openTestDatabase, type TestDatabase } from '../../harness/test-database.js';

let db: TestDatabase;
let workspaceId: string;
const departmentIds: string[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  const workspace = await db.prisma.workspace.create({
    data: { slackTeamId: 'TLATEST', name: 'Latest', defaultLocale: 'en', defaultTimeZone: 'UTC' },
  });
  workspaceId = workspace.id;
  for (const key of ['ops', 'sales'])
    departmentIds.push(
      (await db.prisma.department.create({ data: { workspaceId, key, nameEn: key, nameZh: key } })).id,
    );
});
afterAll(() => db?.close());

async function kpi(key: string, departmentId: string, direction: string, target: number | null) {
  return db.prisma.kpi.create({
    data: {
      workspaceId,
      key,
      nameEn: key,
      nameZh: key,
      unit: 'COUNT',
      ownerDepartmentId: departmentId,
      direction: direction as 'HIGHER_IS_BETTER',
      target,
    },
  });
}

const service = () =>
  createKpisService({
    repo: createKpisPrismaRepository(db.prisma),
    authorization: {} as never,
    clock: { now: () => new Date('2026-12-07T00:00:00Z') },
  });

describe('the latest values kept on each KPI', () => {
  it('follow every write: a newer period, a changed value, a backfilled older period, a deletion', async () => {
    const k = await kpi('tracked', departmentIds[0] as string, 'HIGHER_IS_BETTER', 10);
    const repo = createKpisPrismaRepository(db.prisma);
    const latest = async () =>
      db.prisma.kpi.findUniqueOrThrow({
        where: { id: k.id },
        select: { latestPeriod: true, latestValue: true, previousPeriod: true, previousValue: true },
      });
    await repo.writeSamples(
      [
        { kpiId: k.id, period: '2026-12-01', value: 1 },
        { kpiId: k.id, period: '2026-12-03', value: 3 },
      ],
      { source: 'command' },
    );
    expect(await latest()).toEqual({
      latestPeriod: '2026-12-03',
      latestValue: 3,
      previousPeriod: '2026-12-01',
      previousValue: 1,
    });
    await repo.writeSamples([{ kpiId: k.id, period: '2026-12-02', value: 2 }], { source: 'csv' });
    expect(await latest()).toMatchObject({ previousPeriod: '2026-12-02', previousValue: 2 });
    await repo.writeSamples([{ kpiId: k.id, period: '2026-12-03', value: 30 }], { source: 'api' });
    expect(await latest()).toMatchObject({ latestPeriod: '2026-12-03', latestValue: 30 });
    await db.prisma.kpiSample.deleteMany({ where: { kpiId: k.id, period: '2026-12-03' } });
    expect(await latest()).toEqual({
      latestPeriod: '2026-12-02',
      latestValue: 2,
      previousPeriod: '2026-12-01',
      previousValue: 1,
    });
    await db.prisma.kpi.delete({ where: { id: k.id } });
  });

  it('rank the departments’ KPIs in SQL exactly as healthRank ranks the samples, and count them', async () => {
    const [ops, sales] = departmentIds as [string, string];
    const repo = createKpisPrismaRepository(db.prisma);
    const specs: [string, string, string, number | null, number[]][] = [
      ['b-on', ops, 'HIGHER_IS_BETTER', 10, [9, 12]],
      ['b_off', ops, 'HIGHER_IS_BETTER', 10, [12, 9]],
      ['b1', sales, 'LOWER_IS_BETTER', 10, [12, 9]],
      ['a_none', sales, 'LOWER_IS_BETTER', 10, []],
      ['a-notarget', ops, 'LOWER_IS_BETTER', null, [5]],
      ['a2', ops, 'LOWER_IS_BETTER', 10, [8, 11]],
      ['c-breach1', sales, 'LOWER_IS_BETTER', 10, [8, 11]],
      ['c-breach3', ops, 'HIGHER_IS_BETTER', 10, [10, 10]],
    ];
    for (const [key, department, direction, target, values] of specs) {
      const row = await kpi(key, department, direction, target);
      await repo.writeSamples(
        values.map((value, i) => ({ kpiId: row.id, period: `2026-11-0${i + 1}`, value })),
        { source: 'command' },
      );
      const level = { 'c-breach1': 1, 'c-breach3': 3 }[key];
      if (level)
        await db.prisma.kpiBreach.create({ data: { kpiId: row.id, level, period: '2026-11-02', value: 1 } });
    }
    // A recovered breach counts for nothing.
    const b1 = await db.prisma.kpi.findFirstOrThrow({ where: { key: 'b1' } });
    await db.prisma.kpiBreach.create({
      data: { kpiId: b1.id, level: 3, period: '2026-11-01', value: 1, recoveredAt: new Date() },
    });

    const kpis = service();
    const page = await kpis.worstOf(workspaceId, departmentIds, 4);
    // From the samples, sorted in code: what the one query must agree with.
    const everyKpi = await kpis.list({ workspaceId } as never);
    const expected = everyKpi
      .map((s) => ({ key: s.kpi.key, rank: healthRank(s.status, s.breachLevel), s }))
      .sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    expect(page.total).toBe(8);
    expect(page.onTarget).toBe(expected.filter((e) => e.rank === 13).length);
    expect(page.onTarget).toBe(2);
    expect(page.snapshots.map((s) => s.kpi.key)).toEqual(expected.slice(0, 4).map((e) => e.key));
    expect(page.snapshots.map((s) => s.kpi.key)).toEqual(['c-breach3', 'c-breach1', 'a2', 'b_off']);
    const all = await kpis.healthOf(workspaceId, departmentIds);
    expect(all.map((s) => s.kpi.key)).toEqual(expected.map((e) => e.key));
    for (const snapshot of all) {
      const fromSamples = expected.find((e) => e.key === snapshot.kpi.key)?.s;
      expect(snapshot.latest).toEqual(fromSamples?.latest);
      expect(snapshot.previous).toEqual(fromSamples?.previous);
      expect(snapshot.status).toBe(fromSamples?.status);
      expect(snapshot.changePercent).toBe(fromSamples?.changePercent);
      expect(snapshot.breachLevel).toBe(fromSamples?.breachLevel);
    }
  });
});
