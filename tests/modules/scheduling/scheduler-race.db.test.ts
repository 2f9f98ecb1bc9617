import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.js';
import { fixedClock } from '../../fakes/fixed-clock.js';
import { openTestDatabase, openTestDatabaseAt, type TestDatabase } from '../../harness/test-database.js';
import {
  createWorkspace,
  HOURLY,
  recordingHandler,
  schedulerOn,
  schedulesOn,
} from './scheduling-fixtures.js';

// On PostgreSQL (LIAISON_TEST_DATABASE_URL) the two instances use two connection pools, so
// their claims really interleave; on PGlite they share the one connection.
let db: TestDatabase;
let second: Database;
beforeAll(async () => {
  db = await openTestDatabase();
  second = db.url ? await openTestDatabaseAt(db.url) : db;
});
afterAll(async () => {
  if (second !== db) await second?.close();
  await db?.close();
});

describe('two scheduler instances on one database', () => {
  it('run every due slot exactly once between them', async () => {
    const clock = fixedClock('2026-03-02T08:30:00Z');
    const workspaceId = await createWorkspace(db);
    const service = schedulesOn(db, clock);
    const COUNT = 40;
    for (let i = 0; i < COUNT; i++) {
      await service.create({
        workspaceId,
        kind: 'test.race',
        name: `race ${i}`,
        recurrence: HOURLY,
        timeOfDay: '00:00',
        timeZone: 'UTC',
      });
    }
    const a = recordingHandler(
      'test.race',
      undefined,
      () => new Promise((resolve) => setTimeout(resolve, 5)),
    );
    const b = recordingHandler(
      'test.race',
      undefined,
      () => new Promise((resolve) => setTimeout(resolve, 5)),
    );
    const instanceA = schedulerOn(db, clock, [a.handler], { instanceId: 'a', batchSize: 5 });
    const instanceB = schedulerOn(second, clock, [b.handler], { instanceId: 'b', batchSize: 5 });
    clock.set('2026-03-02T09:00:01Z');

    await Promise.all([instanceA.scheduler.tick(), instanceB.scheduler.tick(), instanceA.scheduler.tick()]);

    const keys = [...a.calls, ...b.calls].map((c) => c.runKey);
    expect(keys).toHaveLength(COUNT);
    expect(new Set(keys).size).toBe(COUNT);
    const runs = await db.prisma.jobRun.groupBy({
      by: ['scheduleId'],
      where: { schedule: { workspaceId } },
      _count: { _all: true },
    });
    expect(runs).toHaveLength(COUNT);
    expect(runs.every((r) => r._count._all === 1)).toBe(true);
  });
});
