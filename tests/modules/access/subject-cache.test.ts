import { describe, expect, it } from 'vitest';
import type { AccessRepository } from '../../../src/modules/access/access.repository.js';
import type { AccessSubject } from '../../../src/modules/access/access.types.js';
import { createSubjectCache, SUBJECT_CACHE_MAX } from '../../../src/modules/access/subject-cache.js';
import { MAX_BACKGROUND_REFRESHES } from '../../../src/modules/shared/refresh-ahead.js';

function fakeRepo() {
  const reads: string[] = [];
  const admins = new Set<string>();
  const repo: AccessRepository = {
    async subjectOf(personId) {
      reads.push(personId);
      if (personId === 'nobody') return null;
      const subject: AccessSubject = {
        workspaceId: 'W1',
        personId,
        slackUserId: `U${personId}`,
        isAdmin: admins.has(personId),
        memberships: [],
      };
      return subject;
    },
    async recordRefusal() {},
  };
  return { repo, reads, admins };
}

function clockAt(start: number) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe('subject cache', () => {
  it('answers from memory until its time is up, then reads again', async () => {
    const { repo, reads } = fakeRepo();
    const clock = clockAt(0);
    const cache = createSubjectCache({ repo, clock, ttlMs: 5_000 });
    await cache.repository.subjectOf('p1');
    await cache.repository.subjectOf('p1');
    expect(reads).toEqual(['p1']);
    clock.advance(5_001);
    await cache.repository.subjectOf('p1');
    expect(reads).toEqual(['p1', 'p1']);
  });

  it('forgets on invalidate, and never remembers a read that overlapped an invalidation', async () => {
    const { repo, reads, admins } = fakeRepo();
    const cache = createSubjectCache({ repo, clock: clockAt(0), ttlMs: 60_000 });
    expect((await cache.repository.subjectOf('p1'))?.isAdmin).toBe(false);
    admins.add('p1');
    cache.invalidate();
    expect((await cache.repository.subjectOf('p1'))?.isAdmin).toBe(true);

    const overlapping = cache.repository.subjectOf('p2');
    cache.invalidate();
    await overlapping;
    await cache.repository.subjectOf('p2');
    expect(reads.filter((id) => id === 'p2')).toHaveLength(2);
  });

  it('remembers nothing while a role-changing transaction is open, and forgets again when it ends', async () => {
    const { repo, reads } = fakeRepo();
    const cache = createSubjectCache({ repo, clock: clockAt(0), ttlMs: 60_000 });
    cache.hold(7);
    await cache.repository.subjectOf('p1');
    await cache.repository.subjectOf('p1');
    expect(reads).toEqual(['p1', 'p1']);
    cache.release(7);
    await cache.repository.subjectOf('p1');
    await cache.repository.subjectOf('p1');
    expect(reads).toEqual(['p1', 'p1', 'p1']);
  });

  it('does not remember unknown people and holds at most SUBJECT_CACHE_MAX entries', async () => {
    const { repo, reads } = fakeRepo();
    const cache = createSubjectCache({ repo, clock: clockAt(0), ttlMs: 60_000 });
    expect(await cache.repository.subjectOf('nobody')).toBeNull();
    expect(await cache.repository.subjectOf('nobody')).toBeNull();
    expect(reads).toEqual(['nobody', 'nobody']);

    for (let i = 0; i <= SUBJECT_CACHE_MAX; i += 1) await cache.repository.subjectOf(`p${i}`);
    reads.length = 0;
    await cache.repository.subjectOf(`p${SUBJECT_CACHE_MAX}`); // newest: remembered
    await cache.repository.subjectOf('p0'); // oldest: evicted
    expect(reads).toEqual(['p0']);
  });
});

describe('subject cache: refresh-ahead', () => {
  const afterTurns = async () => {
    for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setImmediate(resolve));
  };

  it('reads roles used in the second half of their time again after the request, and answers from the new read', async () => {
    const { repo, reads, admins } = fakeRepo();
    const clock = clockAt(0);
    const cache = createSubjectCache({ repo, clock, ttlMs: 60_000 });
    await cache.repository.subjectOf('p1');
    admins.add('p1'); // granted by another replica: this process saw no write
    clock.advance(50_000);
    expect(cache.remembered('p1')?.isAdmin).toBe(false);
    expect(reads).toEqual(['p1']);
    await afterTurns();
    expect(reads).toEqual(['p1', 'p1']);
    expect(cache.remembered('p1')?.isAdmin).toBe(true);
    // Past the first read's end, still answered from memory (renewed at 50 s).
    clock.advance(20_000);
    expect(cache.remembered('p1')).toBeDefined();
    expect(reads).toHaveLength(2);
  });

  it('keeps no background read that overlapped a role-changing write', async () => {
    const { repo, reads } = fakeRepo();
    const clock = clockAt(0);
    const cache = createSubjectCache({ repo, clock, ttlMs: 60_000 });
    await cache.repository.subjectOf('p1');
    clock.advance(50_000);
    cache.remembered('p1');
    cache.invalidate();
    await afterTurns();
    expect(reads).toEqual(['p1', 'p1']);
    expect(cache.remembered('p1')).toBeUndefined();
  });

  it('runs at most a few background reads at once', async () => {
    const { repo, reads } = fakeRepo();
    const clock = clockAt(0);
    const cache = createSubjectCache({ repo, clock, ttlMs: 60_000 });
    for (let i = 0; i < 10; i += 1) await cache.repository.subjectOf(`p${i}`);
    clock.advance(50_000);
    for (let i = 0; i < 10; i += 1) cache.remembered(`p${i}`);
    await afterTurns();
    expect(reads.length - 10).toBe(MAX_BACKGROUND_REFRESHES);
  });
});
