import type { Clock } from '../shared/clock.types.js';
import { MAX_BACKGROUND_REFRESHES, refreshDueAt, refreshSoon } from '../shared/refresh-ahead.js';
import type { AccessRepository } from './access.repository.js';
import type { AccessSubject } from './access.types.js';

/** Most people remembered at once; the oldest entry goes first beyond it. */
export const SUBJECT_CACHE_MAX = 20_000;

export interface SubjectCache {
  /** The repository with `subjectOf` answered from memory while fresh. */
  repository: AccessRepository;
  /** The roles `repository.subjectOf` would answer from memory (fresh), else undefined. */
  remembered(personId: string): AccessSubject | undefined;
  /** Roles may have changed (a write to people, memberships or departments): forget them all. */
  invalidate(): void;
  /**
   * A write that may change roles is inside transaction `key`: forget now, remember nothing
   * read until `release(key)` (the transaction ended), then forget once more. A read that ran
   * beside the open transaction saw the old roles and must not be kept.
   */
  hold(key: number): void;
  release(key: number): void;
}

/**
 * Every request needs its person's roles (`subjectOf`: two queries) and on the embedded
 * database each query is CPU on the thread that acknowledges Slack (bench/README.md, issue
 * 16). Roles change rarely and only through writes this process can see, so they are kept
 * for `ttlMs` and forgotten on every such write. `ttlMs` bounds what this process cannot
 * see: another replica's write on a shared PostgreSQL. Used in the second half of that
 * time, an entry is read again in the background (refresh-ahead.ts).
 */
export function createSubjectCache(deps: {
  repo: AccessRepository;
  clock: Clock;
  ttlMs: number;
}): SubjectCache {
  const { repo, clock, ttlMs } = deps;
  const entries = new Map<string, { subject: AccessSubject; until: number; refreshAt: number }>();
  const holds = new Set<number>();
  const refreshing = new Set<string>();
  let generation = 0;

  const invalidate = () => {
    generation += 1;
    entries.clear();
  };

  /**
   * Reads the roles and keeps them unless a role-changing write came since `startedIn` (for a
   * background read: since it was decided, before it waited for its turn).
   */
  const read = async (personId: string, startedIn = generation): Promise<AccessSubject | null> => {
    const subject = await repo.subjectOf(personId);
    if (subject && startedIn === generation && holds.size === 0) {
      entries.delete(personId);
      if (entries.size >= SUBJECT_CACHE_MAX) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      const now = clock.now().getTime();
      entries.set(personId, { subject, until: now + ttlMs, refreshAt: refreshDueAt(personId, now, ttlMs) });
    }
    return subject;
  };

  const refreshInBackground = (personId: string): void => {
    if (refreshing.has(personId) || refreshing.size >= MAX_BACKGROUND_REFRESHES) return;
    refreshing.add(personId);
    const startedIn = generation;
    refreshSoon(
      () => read(personId, startedIn),
      () => refreshing.delete(personId),
    );
  };

  const remembered = (personId: string) => {
    const hit = entries.get(personId);
    const now = clock.now().getTime();
    if (!hit || hit.until <= now) return undefined;
    if (now >= hit.refreshAt) refreshInBackground(personId);
    return hit.subject;
  };

  return {
    remembered,
    repository: {
      async subjectOf(personId) {
        return remembered(personId) ?? read(personId);
      },
      recordRefusal: (subject, permission, objectId) => repo.recordRefusal(subject, permission, objectId),
    },
    invalidate,
    hold(key) {
      holds.add(key);
      invalidate();
    },
    release(key) {
      if (holds.delete(key)) invalidate();
    },
  };
}
