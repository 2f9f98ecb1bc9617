import type { Clock } from '../shared/clock.types.js';
import { MAX_BACKGROUND_REFRESHES, refreshDueAt, refreshSoon } from '../shared/refresh-ahead.js';
import type { PeopleRepository, ProfileChange } from './people.repository.js';
import type { MembershipDto, PeopleDirectory, PersonDto, SlackProfile } from './person.types.js';

/** How long a profile read from Slack is trusted before a request refreshes it. */
const PROFILE_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/**
 * How long this process answers "who is this" from memory. Every request needs it, and
 * on the embedded database a query costs CPU on the thread that acknowledges Slack
 * (bench/README.md). Profile changes made here invalidate at once; another replica's
 * change is seen within this time. Used in its second half, an entry is read again in the
 * background (refresh-ahead.ts).
 */
export const IDENTITY_CACHE_MS = 60_000;
const IDENTITY_CACHE_MAX = 20_000;

export interface PeopleService {
  /**
   * The person behind a request. Unknown or stale people are looked up in Slack once (time
   * zone and language come from there) — concurrent requests share that lookup; if Slack
   * cannot answer, a known person is used as stored and an unknown one is recorded with
   * the name the request carried.
   */
  identify(
    request: { workspaceId: string; slackUserId: string; fallbackName: string },
    directory: PeopleDirectory,
  ): Promise<PersonDto>;
  /**
   * The person `identify` would answer from memory (remembered and fresh), without a query
   * or a call to Slack; undefined when it would have to look them up.
   */
  remembered(request: { workspaceId: string; slackUserId: string }): PersonDto | undefined;
  /** The person's departments and role in each. */
  membershipsOf(personId: string): Promise<MembershipDto[]>;
  /** A profile Slack pushed to us (user_change): stored, audited when it changed. */
  applyProfile(workspaceId: string, profile: SlackProfile): Promise<ProfileChange>;
  /** Drops the remembered identity after someone else changed the stored person (directory sync). */
  forget(workspaceId: string, slackUserId: string): void;
}

export function createPeopleService(deps: {
  repo: PeopleRepository;
  clock: Clock;
  onDirectoryError?: (error: unknown, slackUserId: string) => void;
}): PeopleService {
  const { repo, clock } = deps;
  const cache = new Map<string, { person: PersonDto; until: number; refreshAt: number }>();
  const inFlight = new Map<string, Promise<PersonDto>>();
  const refreshing = new Set<string>();
  /** Moves on every change made here, so a background read that overlapped one is not kept. */
  let generation = 0;

  const keyOf = (workspaceId: string, slackUserId: string) => `${workspaceId}:${slackUserId}`;

  function remember(person: PersonDto): PersonDto {
    const key = keyOf(person.workspaceId, person.slackUserId);
    const now = clock.now().getTime();
    // Re-inserted, so the oldest entry is the one read longest ago.
    cache.delete(key);
    if (cache.size >= IDENTITY_CACHE_MAX) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(key, {
      person,
      until: now + IDENTITY_CACHE_MS,
      refreshAt: refreshDueAt(key, now, IDENTITY_CACHE_MS),
    });
    return person;
  }

  /**
   * Reads a remembered person again without making the request wait. Only the stored row is
   * read: a profile due for Slack is left to the next request that cannot be answered from
   * memory.
   */
  function refreshInBackground(key: string, workspaceId: string, slackUserId: string): void {
    if (refreshing.has(key) || inFlight.has(key) || refreshing.size >= MAX_BACKGROUND_REFRESHES) return;
    refreshing.add(key);
    const startedIn = generation;
    refreshSoon(
      async () => {
        const person = await repo.findBySlackUserId(workspaceId, slackUserId);
        if (person && isFresh(person) && startedIn === generation && cache.has(key)) remember(person);
      },
      () => refreshing.delete(key),
    );
  }

  function isFresh(person: PersonDto): boolean {
    const synced = person.profileSyncedAt?.getTime();
    return synced !== undefined && clock.now().getTime() - synced < PROFILE_MAX_AGE_MS;
  }

  async function fetchQuietly(directory: PeopleDirectory, slackUserId: string) {
    try {
      return await directory.fetchProfile(slackUserId);
    } catch (error) {
      deps.onDirectoryError?.(error, slackUserId);
      return null;
    }
  }

  async function load(
    { workspaceId, slackUserId, fallbackName }: Parameters<PeopleService['identify']>[0],
    directory: PeopleDirectory,
  ): Promise<PersonDto> {
    const known = await repo.findBySlackUserId(workspaceId, slackUserId);
    if (known && isFresh(known)) return known;
    const profile = await fetchQuietly(directory, slackUserId);
    if (profile) return (await repo.upsertProfile(workspaceId, profile, clock.now())).person;
    if (known) return known;
    const minimal: SlackProfile = {
      slackUserId,
      displayName: fallbackName,
      isWorkspaceAdmin: false,
      isBot: false,
      deleted: false,
    };
    return (await repo.upsertProfile(workspaceId, minimal, null)).person;
  }

  function remembered({ workspaceId, slackUserId }: { workspaceId: string; slackUserId: string }) {
    const key = keyOf(workspaceId, slackUserId);
    const cached = cache.get(key);
    const now = clock.now().getTime();
    if (!cached || cached.until <= now || !isFresh(cached.person)) return undefined;
    if (now >= cached.refreshAt) refreshInBackground(key, workspaceId, slackUserId);
    return cached.person;
  }

  return {
    remembered,

    async identify(request, directory) {
      const key = keyOf(request.workspaceId, request.slackUserId);
      const known = remembered(request);
      if (known) return known;
      const pending = inFlight.get(key);
      if (pending) return pending;
      const loading = load(request, directory)
        .then(remember)
        .finally(() => inFlight.delete(key));
      inFlight.set(key, loading);
      return loading;
    },

    membershipsOf(personId) {
      return repo.membershipsOf(personId);
    },

    async applyProfile(workspaceId, profile) {
      generation += 1;
      cache.delete(keyOf(workspaceId, profile.slackUserId));
      const { person, change } = await repo.upsertProfile(workspaceId, profile, clock.now());
      remember(person);
      return change;
    },

    forget(workspaceId, slackUserId) {
      generation += 1;
      cache.delete(keyOf(workspaceId, slackUserId));
    },
  };
}
