import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoPrismaRepository } from '../../../src/modules/demo/demo.prisma-repository.js';
import { ensureDemoChannels, ensureDemoWorkspace } from '../../../src/modules/demo/demo.service.js';
import { openTestDatabase, type TestDatabase } from '../../harness/test-database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe('the demo workspace’s joint meetings', () => {
  it('come with the console’s channels: weekly supply chain + marketing + tech, monthly all 12, once', async () => {
    const repo = createDemoPrismaRepository(db.prisma);
    await ensureDemoWorkspace({ repo, defaults: { locale: 'en', timeZone: 'UTC' } });
    expect(await db.prisma.meetingSeries.count()).toBe(0);
    await ensureDemoChannels({ repo });
    await ensureDemoChannels({ repo });
    const series = await db.prisma.meetingSeries.findMany({
      orderBy: { number: 'asc' },
      include: { departments: { include: { department: { select: { key: true } } } } },
    });
    expect(series.map((s) => [s.number, s.recurrence, s.channelId, s.departments.length])).toEqual([
      [1, { type: 'weekly', weekdays: [1] }, 'C0SUPPLYCHAIN', 3],
      [2, { type: 'monthly', nth: 1, weekday: 3 }, 'C0LIVEOPS', 12],
    ]);
    expect(series[0]?.departments.map((d) => d.department.key).sort()).toEqual([
      'marketing',
      'supply-chain',
      'tech',
    ]);
  });
});
