import type { Clock } from '../shared/clock.js';
import type { PeopleRepository, ProfileChange } from './people.repository.js';
import type { PeopleDirectory, PersonDto, SlackProfile } from './person.types.js';

/** How long a profile read from Slack is trusted before a request refreshes it. */
const PROFILE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface PeopleService {
  /**
   * The person behind a request. Unknown or stale people are looked up in Slack once (time
   * zone and language come from there); if Slack cannot answer, a known person is used as
   * stored and an unknown one is recorded with the name the request carried.
   */
  identify(
    request: { workspaceId: string; slackUserId: string; fallbackName: string },
    directory: PeopleDirectory,
  ): Promise<PersonDto>;
  /** A profile Slack pushed to us (user_change): stored, audited when it changed. */
  applyProfile(workspaceId: string, profile: SlackProfile): Promise<ProfileChange>;
}

export function createPeopleService(deps: {
  repo: PeopleRepository;
  clock: Clock;
  onDirectoryError?: (error: unknown, slackUserId: string) => void;
}): PeopleService {
  const { repo, clock } = deps;

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

  return {
    async identify({ workspaceId, slackUserId, fallbackName }, directory) {
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
    },

    async applyProfile(workspaceId, profile) {
      return (await repo.upsertProfile(workspaceId, profile, clock.now())).change;
    },
  };
}
