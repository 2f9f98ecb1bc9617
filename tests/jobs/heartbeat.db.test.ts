import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureHeartbeatSchedule,
  HEARTBEAT_KIND,
  heartbeatJob,
} from '../../src/features/scheduling/heartbeat.job.js';
import { fixedClock } from '../fakes/fixed-clock.js';
import { openTestDatabase, type TestDatabase } from '../harness/test-database.js';
import { createWorkspace, schedulerOn, schedulesOn } from '../modules/scheduling/scheduling-fixtures.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe('the built-in heartbeat job', () => {
  it('is scheduled once per workspace and records each hourly run end to end', async () => {
    const clock = fixedClock('2026-03-02T08:10:00Z');
    const workspaceId = await createWorkspace(db);
    const schedules = schedulesOn(db, clock);
    await ensureHeartbeatSchedule(schedules, workspaceId);
    await ensureHeartbeatSchedule(schedules, workspaceId);
    const [heartbeat, ...others] = await schedules.list(workspaceId);
    expect(others).toHaveLength(0);
    expect(heartbeat).toMatchObject({ kind: HEARTBEAT_KIND, nextRunAt: new Date('2026-03-02T09:00:00Z') });

    const { scheduler } = schedulerOn(db, clock, [heartbeatJob({ clock, instanceId: 'replica-1' })]);
    clock.set('2026-03-02T09:00:20Z');
    expect(await scheduler.tick()).toMatchObject({ succeeded: 1 });
    const run = await db.prisma.jobRun.findFirstOrThrow({ where: { scheduleId: heartbeat?.id } });
    expect(run).toMatchObject({ status: 'SUCCEEDED', late: false });
    expect(run.result).toMatchObject({
      instanceId: 'replica-1',
      ranAt: '2026-03-02T09:00:20.000Z',
      attempt: 1,
    });
  });
});
