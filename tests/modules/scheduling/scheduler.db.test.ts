import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../fakes/fixed-clock.js';
import { openTestDatabase, type TestDatabase } from '../../harness/test-database.js';
import {
  createWorkspace,
  gate,
  HOURLY,
  recordingHandler,
  schedulerOn,
  schedulesOn,
} from './scheduling-fixtures.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

async function hourlySchedule(kind: string, clock = fixedClock('2026-03-02T08:30:00Z')) {
  const workspaceId = await createWorkspace(db);
  const schedule = await schedulesOn(db, clock).create({
    workspaceId,
    kind,
    name: `${kind} test`,
    recurrence: HOURLY,
    timeOfDay: '00:00',
    timeZone: 'UTC',
  });
  return { workspaceId, schedule, clock };
}

const runsOf = (scheduleId: string) =>
  db.prisma.jobRun.findMany({ where: { scheduleId }, orderBy: { slot: 'asc' } });
const scheduleRow = (id: string) => db.prisma.schedule.findUniqueOrThrow({ where: { id } });

describe('scheduler: claiming due slots', () => {
  it('runs a due slot once, records it, and moves the schedule to its next slot', async () => {
    const { schedule, clock } = await hourlySchedule('test.once');
    expect(schedule.nextRunAt?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    const { handler, calls } = recordingHandler('test.once');
    const { scheduler } = schedulerOn(db, clock, [handler]);

    expect((await scheduler.tick()).started).toBe(0); // not due yet
    clock.set('2026-03-02T09:00:30Z');
    expect(await scheduler.tick()).toMatchObject({ started: 1, succeeded: 1 });
    expect(await scheduler.tick()).toMatchObject({ started: 0 });

    expect(calls.map((c) => c.slot.toISOString())).toEqual(['2026-03-02T09:00:00.000Z']);
    expect(calls[0]?.late).toBe(false);
    const runs = await runsOf(schedule.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'SUCCEEDED', attempts: 1, late: false });
    const row = await scheduleRow(schedule.id);
    expect(row.nextRunAt?.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(row).toMatchObject({ lastOutcome: 'SUCCEEDED', consecutiveFailures: 0 });
  });

  it("hands the handler the schedule's workspace, subject and JSON payload as stored", async () => {
    const clock = fixedClock('2026-03-02T08:30:00Z');
    const workspaceId = await createWorkspace(db);
    const payload = { meetingId: 'm-1', reminders: [15, 60], nested: { zh: '周会' } };
    await schedulesOn(db, clock).create({
      workspaceId,
      kind: 'test.payload',
      name: 'payload test',
      recurrence: HOURLY,
      timeOfDay: '00:00',
      timeZone: 'UTC',
      subjectType: 'Meeting',
      subjectId: 'm-1',
      payload,
    });
    const { handler, calls } = recordingHandler('test.payload');
    const { scheduler } = schedulerOn(db, clock, [handler]);
    clock.set('2026-03-02T09:00:30Z');
    expect(await scheduler.tick()).toMatchObject({ started: 1, succeeded: 1 });

    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ workspaceId, subjectType: 'Meeting', subjectId: 'm-1', payload });
  });

  it('leaves paused schedules alone, and resumes from the next slot without catching up', async () => {
    const { workspaceId, schedule, clock } = await hourlySchedule('test.paused');
    const service = schedulesOn(db, clock);
    await service.pause(workspaceId, schedule.id, 'U0ADMIN');
    const { handler, calls } = recordingHandler('test.paused');
    const { scheduler } = schedulerOn(db, clock, [handler]);
    clock.set('2026-03-02T12:10:00Z');
    await scheduler.tick();
    expect(calls).toHaveLength(0);
    const resumed = await service.resume(workspaceId, schedule.id, 'U0ADMIN');
    expect(resumed.nextRunAt?.toISOString()).toBe('2026-03-02T13:00:00.000Z');
    const audit = await db.prisma.auditEvent.findMany({
      where: { objectId: schedule.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['schedule.created', 'schedule.paused', 'schedule.resumed']);
  });

  it('isolates a failing handler: other schedules still run, and failures in a row are counted', async () => {
    const failing = await hourlySchedule('test.failing');
    const healthy = await hourlySchedule('test.healthy', failing.clock);
    const bad = recordingHandler('test.failing', undefined, () => {
      throw new Error('upstream KPI source unavailable');
    });
    const good = recordingHandler('test.healthy');
    const { scheduler } = schedulerOn(db, failing.clock, [bad.handler, good.handler]);
    failing.clock.set('2026-03-02T09:00:10Z');
    expect(await scheduler.tick()).toMatchObject({ failed: 1, succeeded: 1 });
    failing.clock.set('2026-03-02T10:00:10Z');
    await scheduler.tick();
    expect(good.calls).toHaveLength(2);
    const row = await scheduleRow(failing.schedule.id);
    expect(row).toMatchObject({
      lastOutcome: 'FAILED',
      consecutiveFailures: 2,
      lastError: 'upstream KPI source unavailable',
      status: 'ACTIVE',
    });
    expect((await runsOf(failing.schedule.id)).map((r) => r.status)).toEqual(['FAILED', 'FAILED']);
    expect(await scheduleRow(healthy.schedule.id)).toMatchObject({
      lastOutcome: 'SUCCEEDED',
      consecutiveFailures: 0,
    });
  });
});

describe('scheduler: catch-up after downtime', () => {
  it('run-once-late: five missed slots become one late run of the latest', async () => {
    const { schedule, clock } = await hourlySchedule('test.digest');
    const { handler, calls } = recordingHandler('test.digest', { policy: 'run-once-late' });
    const { scheduler } = schedulerOn(db, clock, [handler]);
    clock.set('2026-03-02T13:20:00Z'); // down from 09:00 to 13:20: 09, 10, 11, 12, 13 missed
    await scheduler.tick();
    expect(calls.map((c) => [c.slot.toISOString(), c.late])).toEqual([['2026-03-02T13:00:00.000Z', true]]);
    const runs = await runsOf(schedule.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'SUCCEEDED', late: true });
    expect((await scheduleRow(schedule.id)).nextRunAt?.toISOString()).toBe('2026-03-02T14:00:00.000Z');
  });

  it('skip-older-than: slots older than the window are skipped and logged, never run', async () => {
    const { schedule, clock } = await hourlySchedule('test.prompt');
    const { handler, calls } = recordingHandler('test.prompt', {
      policy: 'skip-older-than',
      windowMs: 30 * 60_000,
    });
    const { scheduler, logs } = schedulerOn(db, clock, [handler]);
    clock.set('2026-03-02T11:45:00Z'); // latest missed slot (11:00) is 45 min old
    expect(await scheduler.tick()).toMatchObject({ started: 0, skipped: 1 });
    expect(calls).toHaveLength(0);
    const runs = await runsOf(schedule.id);
    expect(runs).toMatchObject([{ status: 'SKIPPED', slot: new Date('2026-03-02T11:00:00Z') }]);
    expect(runs[0]?.result).toMatchObject({ skippedSlots: 3 });
    expect(logs().some((l) => l.msg === 'missed slots older than their catch-up window were skipped')).toBe(
      true,
    );
    expect(await scheduleRow(schedule.id)).toMatchObject({ lastOutcome: 'SKIPPED' });

    clock.set('2026-03-02T12:20:00Z'); // 20 min late: within the window, runs (late)
    await scheduler.tick();
    expect(calls.map((c) => [c.slot.toISOString(), c.late])).toEqual([['2026-03-02T12:00:00.000Z', true]]);
  });
});

describe('scheduler: leases, takeover and overlap', () => {
  it('never starts a second run of a schedule while one is running', async () => {
    const { schedule, clock } = await hourlySchedule('test.slow');
    const release = gate();
    const slow = recordingHandler('test.slow', undefined, () => release.opened);
    // A lease longer than the test's jump in time: the first run is alive, not abandoned.
    const a = schedulerOn(db, clock, [slow.handler], { instanceId: 'a', leaseMs: 3 * 3_600_000 });
    const b = schedulerOn(db, clock, [slow.handler], { instanceId: 'b', leaseMs: 3 * 3_600_000 });
    clock.set('2026-03-02T09:00:05Z');
    const first = a.scheduler.tick();
    await expect.poll(() => slow.calls.length).toBe(1);
    clock.set('2026-03-02T10:00:05Z'); // the next slot is due while 09:00 still runs
    expect(await b.scheduler.tick()).toMatchObject({ started: 0 });
    release.open();
    await first;
    expect(await b.scheduler.tick()).toMatchObject({ started: 1 });
    expect((await runsOf(schedule.id)).map((r) => r.slot.toISOString())).toEqual([
      '2026-03-02T09:00:00.000Z',
      '2026-03-02T10:00:00.000Z',
    ]);
  });

  it('takes over a run whose instance died (expired lease) and finishes it; the dead owner cannot record', async () => {
    const { schedule, clock } = await hourlySchedule('test.takeover');
    const hang = gate();
    const dying = recordingHandler('test.takeover', undefined, () => hang.opened);
    const survivor = recordingHandler('test.takeover');
    const a = schedulerOn(db, clock, [dying.handler], { instanceId: 'a', leaseMs: 60_000 });
    const b = schedulerOn(db, clock, [survivor.handler], { instanceId: 'b', leaseMs: 60_000 });
    clock.set('2026-03-02T09:00:05Z');
    const stuck = a.scheduler.tick();
    await expect.poll(() => dying.calls.length).toBe(1);

    clock.advance(30_000); // lease still live: nothing to take over
    expect(await b.scheduler.tick()).toMatchObject({ tookOver: 0 });
    clock.advance(60_000); // lease expired
    expect(await b.scheduler.tick()).toMatchObject({ tookOver: 1, succeeded: 1 });
    expect(survivor.calls[0]).toMatchObject({ attempt: 2, slot: new Date('2026-03-02T09:00:00Z') });

    hang.open();
    expect(await stuck).toMatchObject({ lostLeases: 1 });
    const runs = await runsOf(schedule.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'SUCCEEDED', attempts: 2, leaseOwner: 'b' });
  });

  it('marks a run FAILED after it lost its lease maxAttempts times, instead of retrying forever', async () => {
    const { schedule, clock } = await hourlySchedule('test.poison');
    const run = await db.prisma.jobRun.create({
      data: {
        scheduleId: schedule.id,
        slot: new Date('2026-03-02T08:00:00Z'),
        attempts: 3,
        leaseOwner: 'dead',
        leaseUntil: new Date('2026-03-02T08:05:00Z'),
      },
    });
    const { handler, calls } = recordingHandler('test.poison');
    const { scheduler } = schedulerOn(db, clock, [handler], { maxAttempts: 3 });
    await scheduler.tick();
    expect(calls.filter((c) => c.runId === run.id)).toHaveLength(0);
    expect(await db.prisma.jobRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      status: 'FAILED',
    });
    expect(await scheduleRow(schedule.id)).toMatchObject({ lastOutcome: 'FAILED', consecutiveFailures: 1 });
  });

  it('renews the lease while a handler runs', async () => {
    const { schedule, clock } = await hourlySchedule('test.renew');
    const release = gate();
    const slow = recordingHandler('test.renew', undefined, () => release.opened);
    const { scheduler } = schedulerOn(db, clock, [slow.handler], { leaseMs: 150 });
    clock.set('2026-03-02T09:00:05Z');
    const ticking = scheduler.tick();
    await expect.poll(() => slow.calls.length).toBe(1);
    const leased = (await runsOf(schedule.id))[0]?.leaseUntil?.getTime() ?? 0;
    clock.advance(10_000);
    await expect
      .poll(async () => (await runsOf(schedule.id))[0]?.leaseUntil?.getTime() ?? 0, { timeout: 3_000 })
      .toBeGreaterThan(leased + 9_000);
    release.open();
    expect(await ticking).toMatchObject({ succeeded: 1, lostLeases: 0 });
  });
});

describe('scheduler: sharing the thread with acknowledgements', () => {
  it('lets the event loop turn between one job and the next', async () => {
    const clock = fixedClock('2036-03-02T08:30:00Z');
    const events: string[] = [];
    const behave = (name: string) => async () => {
      events.push(`${name} start`);
      await db.prisma.workspace.count(); // a statement, as every job has
      // Queued as the job ends: runs before the next job only if the loop turns in between.
      setImmediate(() => events.push(`turn after ${name}`));
      events.push(`${name} end`);
    };
    const first = recordingHandler('test.turn-a', undefined, behave('a'));
    const second = recordingHandler('test.turn-b', undefined, behave('b'));
    await hourlySchedule('test.turn-a', clock);
    await hourlySchedule('test.turn-b', clock);
    const { scheduler } = schedulerOn(db, clock, [first.handler, second.handler], { concurrency: 1 });
    clock.set('2036-03-02T09:00:30Z');
    expect(await scheduler.tick()).toMatchObject({ started: 2, succeeded: 2 });
    const [one, two] = events[0] === 'a start' ? ['a', 'b'] : ['b', 'a'];
    expect(events.slice(0, 5)).toEqual([
      `${one} start`,
      `${one} end`,
      `turn after ${one}`,
      `${two} start`,
      `${two} end`,
    ]);
  });
});
