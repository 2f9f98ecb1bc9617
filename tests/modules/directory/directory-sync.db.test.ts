import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SYNC_LEASE_MS } from '../../../src/modules/directory/directory.service.js';
import type { SyncRunDto } from '../../../src/modules/directory/directory.types.js';
import { fixedClock } from '../../fakes/fixed-clock.js';
import { openTestDatabase, type TestDatabase } from '../../harness/test-database.js';
import { createWorkspace, directoryOn, listPager, slackPerson } from './directory-fixture.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const clock = fixedClock('2026-12-01T01:00:00Z');
const people = (count: number) => Array.from({ length: count }, (_, i) => slackPerson(i + 1));

function claimed(outcome: { kind: string; run: SyncRunDto }): SyncRunDto {
  if (outcome.kind === 'busy') throw new Error(`expected a claim, got busy (run ${outcome.run.id})`);
  return outcome.run;
}

async function stored(workspaceId: string) {
  return db.prisma.person.findMany({
    where: { workspaceId },
    select: { slackUserId: true, timeZone: true, email: true, active: true },
    orderBy: { slackUserId: 'asc' },
  });
}

describe('directory sync, page by page', () => {
  it('stores everyone once across pages, skips bots and Slackbot, audits each person and saves the cursor after every page', async () => {
    const workspaceId = await createWorkspace(db);
    const { service } = directoryOn(db, clock);
    const everyone = people(25);
    // Slack lists apps and Slackbot among the members.
    everyone.splice(4, 0, slackPerson(900, { slackUserId: 'B0APPBOT', isBot: true }));
    everyone.splice(17, 0, slackPerson(901, { slackUserId: 'USLACKBOT', displayName: 'slackbot' }));
    const savedWhenAsked: { pageNumber: number; saved: string | null; pages: number }[] = [];
    const { pager, requested } = listPager(everyone, 10, async (_cursor, pageNumber) => {
      const run = await db.prisma.directorySyncRun.findFirstOrThrow({ where: { workspaceId } });
      savedWhenAsked.push({ pageNumber, saved: run.cursor, pages: run.pages });
    });

    const outcome = await service.run(claimed(await service.begin(workspaceId, 'U0ADMIN')), pager);

    expect(outcome.kind).toBe('finished');
    expect(outcome.run).toMatchObject({ status: 'SUCCEEDED', pages: 3, seen: 25, created: 25, updated: 0 });
    expect(requested).toEqual([null, 'c10', 'c20']);
    // Each committed page saved its cursor with it, and at most one page is read ahead of
    // what is committed: page n+2 is asked for only once page n is stored.
    expect(savedWhenAsked.map((o) => o.pageNumber)).toEqual([1, 2, 3]);
    for (const { pageNumber, saved, pages } of savedWhenAsked) {
      expect(pages).toBeGreaterThanOrEqual(pageNumber - 2);
      expect(saved).toBe(pages === 0 ? null : `c${pages * 10}`);
    }
    const runRow = await db.prisma.directorySyncRun.findFirstOrThrow({ where: { workspaceId } });
    expect(runRow).toMatchObject({ cursor: null, pages: 3, leaseUntil: null });
    const rows = await stored(workspaceId);
    expect(rows).toHaveLength(25);
    expect(rows.map((r) => r.slackUserId)).not.toContain('USLACKBOT');
    expect(rows.map((r) => r.slackUserId)).not.toContain('B0APPBOT');
    const created = await db.prisma.auditEvent.findMany({
      where: { workspaceId, action: 'person.created' },
      select: { objectId: true, after: true },
    });
    expect(new Set(created.map((a) => a.objectId)).size).toBe(25);
    expect(created[0]?.after).toMatchObject({ timeZone: 'Europe/Paris', active: true });
    const runAudit = await db.prisma.auditEvent.findMany({
      where: { workspaceId, objectType: 'directory_sync' },
      select: { action: true, actorSlackId: true },
      orderBy: { createdAt: 'asc' },
    });
    expect(runAudit.map((a) => a.action)).toEqual(['directory.sync_started', 'directory.sync_finished']);
    expect(runAudit[0]?.actorSlackId).toBe('U0ADMIN');
  });

  it('changes only what changed on the next pass, keeps an email Slack leaves out, and leaves unlisted people alone', async () => {
    const workspaceId = await createWorkspace(db);
    const { service, notifications } = directoryOn(db, clock);
    await service.run(claimed(await service.begin(workspaceId)), listPager(people(12), 5).pager);
    // Someone Liaison knows but Slack's list does not carry (e.g. created from a request).
    await db.prisma.person.create({
      data: {
        workspaceId,
        slackUserId: 'U0ELSEWHERE',
        displayName: 'elsewhere',
        profileSyncedAt: clock.now(),
      },
    });
    await db.prisma.person.create({
      data: { workspaceId, slackUserId: 'U0STARTER', displayName: 'admin', isWorkspaceAdmin: true },
    });

    clock.advance(60 * 60_000);
    const next = people(12);
    next[2] = slackPerson(3, { timeZone: 'Asia/Tokyo' });
    next[3] = slackPerson(4, { email: undefined });
    next.push(slackPerson(0, { slackUserId: 'U0STARTER', displayName: 'admin', isWorkspaceAdmin: true }));
    const outcome = await service.run(
      claimed(await service.begin(workspaceId, 'U0STARTER')),
      listPager(next, 5).pager,
    );

    expect(outcome).toMatchObject({ kind: 'finished', notListed: 1 });
    expect(outcome.run).toMatchObject({ seen: 13, created: 0, updated: 2, deactivated: 0 });
    const rows = await stored(workspaceId);
    expect(rows.find((r) => r.slackUserId === 'U000003')?.timeZone).toBe('Asia/Tokyo');
    expect(rows.find((r) => r.slackUserId === 'U000004')?.email).toBe('person.4@example.test');
    expect(rows.find((r) => r.slackUserId === 'U0ELSEWHERE')?.active).toBe(true);
    const updates = await db.prisma.auditEvent.findMany({
      where: { workspaceId, action: 'person.updated' },
      select: { before: true, after: true },
    });
    expect(updates.map((u) => u.before)).toContainEqual({ timeZone: 'Europe/Paris' });
    expect(updates.map((u) => u.after)).toContainEqual({ timeZone: 'Asia/Tokyo', syncRunId: outcome.run.id });

    // Whoever started it gets the summary in a DM, through the outbox.
    const starter = await db.prisma.person.findFirstOrThrow({
      where: { workspaceId, slackUserId: 'U0STARTER' },
    });
    const summary = await notifications.delivery.findByKey(
      workspaceId,
      `directory.sync:${outcome.run.id}:${outcome.run.finishedAt?.getTime()}`,
    );
    expect(summary).toMatchObject({ recipientPersonId: starter.id, status: 'QUEUED' });
    expect(summary?.message.text).toBe('Directory sync finished: 0 new, 2 updated, 0 deactivated');
    expect(JSON.stringify(summary?.message.blocks)).toContain(
      '1 people Liaison knows were not in Slack’s list',
    );
  });

  it('resumes a sync that failed after page 2 from page 3, without re-reading earlier pages or duplicating anyone', async () => {
    const workspaceId = await createWorkspace(db);
    const { service } = directoryOn(db, clock);
    const everyone = people(25);
    const failing = listPager(everyone, 10, (_cursor, pageNumber) => {
      if (pageNumber === 3) throw new Error('users.list failed: request_timeout');
    });

    const first = await service.run(claimed(await service.begin(workspaceId)), failing.pager);

    expect(first.kind).toBe('failed');
    expect(first.run).toMatchObject({ status: 'FAILED', cursor: 'c20', pages: 2, seen: 20 });
    expect(first.run.error).toContain('request_timeout');
    expect(await stored(workspaceId)).toHaveLength(20);

    clock.advance(10 * 60_000);
    const again = await service.begin(workspaceId);
    expect(again.kind).toBe('resumed');
    expect(again.run.id).toBe(first.run.id);
    const healthy = listPager(everyone, 10);
    const second = await service.run(claimed(again), healthy.pager);

    expect(healthy.requested).toEqual(['c20']);
    expect(second.run).toMatchObject({ status: 'SUCCEEDED', pages: 3, seen: 25, created: 25, error: null });
    const rows = await stored(workspaceId);
    expect(rows).toHaveLength(25);
    expect(new Set(rows.map((r) => r.slackUserId)).size).toBe(25);
    expect(await db.prisma.directorySyncRun.count({ where: { workspaceId } })).toBe(1);
  });

  it('keeps a crashed sync for its lease, then lets the next claim take it over from the saved cursor', async () => {
    const workspaceId = await createWorkspace(db);
    const { service } = directoryOn(db, clock);
    const everyone = people(25);
    // The "process" dies right after committing page 1.
    const dying = new AbortController();
    const crashing = listPager(everyone, 10, (cursor) => {
      if (cursor === null) dying.abort();
    });
    const crashedClaim = claimed(await service.begin(workspaceId));
    const crashed = await service.run(crashedClaim, crashing.pager, { signal: dying.signal });
    expect(crashed.kind).toBe('interrupted');
    expect(crashed.run).toMatchObject({ status: 'RUNNING', cursor: 'c10', pages: 1 });

    // Only one sync per workspace: while the lease runs, a second claim is refused.
    const busy = await service.begin(workspaceId, 'U0ADMIN');
    expect(busy).toMatchObject({ kind: 'busy', run: { id: crashedClaim.id, pages: 1 } });

    clock.advance(DEFAULT_SYNC_LEASE_MS + 1_000);
    const takeover = await service.begin(workspaceId);
    expect(takeover).toMatchObject({ kind: 'resumed', run: { id: crashedClaim.id, cursor: 'c10' } });
    const rest = listPager(everyone, 10);
    const finished = await service.run(claimed(takeover), rest.pager);
    expect(rest.requested).toEqual(['c10', 'c20']);
    expect(finished.run).toMatchObject({ status: 'SUCCEEDED', pages: 3, seen: 25, created: 25 });

    // The old owner, were it still alive, can no longer write: its lease is not the run's.
    const zombie = listPager(everyone, 10);
    const late = await service.run({ ...crashedClaim, status: 'RUNNING', cursor: 'c10' }, zombie.pager);
    expect(late.kind).toBe('interrupted');
    expect(await stored(workspaceId)).toHaveLength(25);
    expect(
      await db.prisma.directorySyncRun.findUniqueOrThrow({ where: { id: crashedClaim.id } }),
    ).toMatchObject({
      status: 'SUCCEEDED',
      pages: 3,
    });
  });

  it('starts a new pass after a complete one, and reads it from the first page', async () => {
    const workspaceId = await createWorkspace(db);
    const { service } = directoryOn(db, clock);
    await service.run(claimed(await service.begin(workspaceId)), listPager(people(3), 2).pager);
    clock.advance(60_000);
    const next = await service.begin(workspaceId);
    expect(next.kind).toBe('started');
    const again = listPager(people(3), 2);
    const outcome = await service.run(claimed(next), again.pager);
    expect(again.requested).toEqual([null, 'c2']);
    expect(outcome.run).toMatchObject({ created: 0, updated: 0, seen: 3 });
    expect((await service.lastRun(workspaceId))?.id).toBe(next.run.id);
  });
});
