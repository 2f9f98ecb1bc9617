import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoPrismaRepository } from '../../../src/modules/demo/demo.prisma-repository.js';
import type { DemoRepository } from '../../../src/modules/demo/demo.repository.js';
import { ensureDemoWorkspace } from '../../../src/modules/demo/demo.service.js';
import { openTestDatabase, type TestDatabase } from '../../harness/test-database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

/** The repository, counting how many KPIs' history it was handed to seed. */
function countingRepo(): { repo: DemoRepository; historiesBuilt: () => number } {
  const inner = createDemoPrismaRepository(db.prisma);
  let built = 0;
  return {
    repo: {
      ...inner,
      seedKpis: (teamId, kpis) => {
        built += kpis.length;
        return inner.seedKpis(teamId, kpis);
      },
    },
    historiesBuilt: () => built,
  };
}

describe('the demo workspace on every start of the console', () => {
  it('builds the KPIs’ 90 days of history on the first start only, not on a restart', async () => {
    const first = countingRepo();
    await ensureDemoWorkspace({ repo: first.repo, defaults: { locale: 'en', timeZone: 'UTC' } });
    const kpis = await db.prisma.kpi.count();
    const samples = await db.prisma.kpiSample.count();
    expect(first.historiesBuilt()).toBe(kpis);
    expect(kpis).toBeGreaterThan(0);

    const restart = countingRepo();
    expect(
      await ensureDemoWorkspace({ repo: restart.repo, defaults: { locale: 'en', timeZone: 'UTC' } }),
    ).toEqual({
      created: false,
    });
    expect(restart.historiesBuilt()).toBe(0);
    expect(await db.prisma.kpi.count()).toBe(kpis);
    expect(await db.prisma.kpiSample.count()).toBe(samples);
  });

  it('still gives KPIs to a demo workspace seeded before they existed', async () => {
    await db.prisma.kpi.deleteMany();
    const repo = countingRepo();
    await ensureDemoWorkspace({ repo: repo.repo, defaults: { locale: 'en', timeZone: 'UTC' } });
    expect(repo.historiesBuilt()).toBeGreaterThan(0);
    expect(await db.prisma.kpi.count()).toBe(repo.historiesBuilt());
  });
});
