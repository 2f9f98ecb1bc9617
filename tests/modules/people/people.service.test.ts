import { describe, expect, it } from 'vitest';
import type { PeopleRepository } from '../../../src/modules/people/people.repository.js';
import { createPeopleService } from '../../../src/modules/people/people.service.js';
import type { PeopleDirectory, PersonDto, SlackProfile } from '../../../src/modules/people/person.types.js';
import { fixedClock } from '../../fakes/fixed-clock.js';

/** An in-memory repository with the port's semantics, enough to test the service's rules. */
function memoryRepo(): PeopleRepository & { people: Map<string, PersonDto>; reads: number } {
  const people = new Map<string, PersonDto>();
  const repo = {
    people,
    reads: 0,
    async findBySlackUserId(_workspaceId: string, slackUserId: string) {
      repo.reads += 1;
      return people.get(slackUserId) ?? null;
    },
    async membershipsOf() {
      return [];
    },
    async upsertProfile(workspaceId: string, profile: SlackProfile, syncedAt: Date | null) {
      const existing = people.get(profile.slackUserId);
      const person: PersonDto = {
        id: existing?.id ?? `p-${profile.slackUserId}`,
        workspaceId,
        slackUserId: profile.slackUserId,
        displayName: profile.displayName,
        realName: profile.realName ?? null,
        timeZone: profile.timeZone ?? null,
        locale: profile.locale ?? null,
        isWorkspaceAdmin: profile.isWorkspaceAdmin,
        isAdmin: profile.isWorkspaceAdmin,
        active: !profile.deleted,
        profileSyncedAt: syncedAt ?? existing?.profileSyncedAt ?? null,
      };
      people.set(profile.slackUserId, person);
      return { person, change: existing ? ('updated' as const) : ('created' as const) };
    },
  };
  return repo;
}

const profile = (overrides: Partial<SlackProfile> = {}): SlackProfile => ({
  slackUserId: 'U1',
  displayName: 'lin',
  realName: 'Lin Wei',
  timeZone: 'Asia/Shanghai',
  locale: 'zh-CN',
  isWorkspaceAdmin: false,
  isBot: false,
  deleted: false,
  ...overrides,
});

function countingDirectory(answer: () => Promise<SlackProfile | null>): PeopleDirectory & { calls: number } {
  const directory = {
    calls: 0,
    async fetchProfile() {
      directory.calls += 1;
      return answer();
    },
  };
  return directory;
}

/** A service that has met U1 (their profile read from Slack now), on a clock tests move. */
async function knownPerson() {
  const clock = fixedClock('2026-11-25T08:00:00Z');
  const repo = memoryRepo();
  const service = createPeopleService({ repo, clock });
  await service.identify(
    { workspaceId: 'W1', slackUserId: 'U1', fallbackName: 'lin' },
    countingDirectory(async () => profile()),
  );
  return { clock, repo, service, readsBefore: repo.reads };
}

describe('people.identify', () => {
  const request = { workspaceId: 'W1', slackUserId: 'U1', fallbackName: 'lin' };

  it('asks Slack once for a new person, then trusts the stored profile for a day', async () => {
    const clock = fixedClock('2026-11-25T08:00:00Z');
    const repo = memoryRepo();
    const service = createPeopleService({ repo, clock });
    const directory = countingDirectory(async () => profile());

    const first = await service.identify(request, directory);
    expect(first.timeZone).toBe('Asia/Shanghai');
    expect(first.locale).toBe('zh-CN');
    await service.identify(request, directory);
    expect(directory.calls).toBe(1);

    clock.advance(25 * 60 * 60 * 1000);
    await service.identify(
      request,
      countingDirectory(async () => profile({ timeZone: 'Europe/Berlin' })),
    );
    expect(repo.people.get('U1')?.timeZone).toBe('Europe/Berlin');
  });

  it('records an unknown person under the request name when Slack cannot answer', async () => {
    const errors: string[] = [];
    const service = createPeopleService({
      repo: memoryRepo(),
      clock: fixedClock('2026-11-25T08:00:00Z'),
      onDirectoryError: (_e, id) => errors.push(id),
    });
    const person = await service.identify(
      request,
      countingDirectory(async () => {
        throw new Error('missing_scope');
      }),
    );
    expect(person.displayName).toBe('lin');
    expect(person.timeZone).toBeNull();
    expect(errors).toEqual(['U1']);
  });

  it('keeps using a known person as stored when a refresh fails', async () => {
    const { clock, service } = await knownPerson();
    clock.advance(48 * 60 * 60 * 1000);
    const person = await service.identify(
      request,
      countingDirectory(async () => {
        throw new Error('timeout');
      }),
    );
    expect(person.locale).toBe('zh-CN');
  });
});

describe('people.identify on the request path', () => {
  const request = { workspaceId: 'W1', slackUserId: 'U1', fallbackName: 'lin' };

  it('answers repeat requests from memory for a minute, then reads the database again', async () => {
    const clock = fixedClock('2026-11-25T08:00:00Z');
    const repo = memoryRepo();
    const service = createPeopleService({ repo, clock });
    const directory = countingDirectory(async () => profile());
    await service.identify(request, directory);
    const readsAfterFirst = repo.reads;
    await service.identify(request, directory);
    await service.identify(request, directory);
    expect(repo.reads).toBe(readsAfterFirst);
    clock.advance(61_000);
    await service.identify(request, directory);
    expect(repo.reads).toBe(readsAfterFirst + 1);
  });

  it('asks Slack once when several requests for a new person arrive together', async () => {
    const service = createPeopleService({ repo: memoryRepo(), clock: fixedClock('2026-11-25T08:00:00Z') });
    const directory = countingDirectory(async () => profile());
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => service.identify(request, directory)));
    expect(directory.calls).toBe(1);
    expect(new Set(people.map((p) => p.id)).size).toBe(1);
  });

  it('sees a profile change pushed by Slack at once, despite the cache', async () => {
    const service = createPeopleService({ repo: memoryRepo(), clock: fixedClock('2026-11-25T08:00:00Z') });
    await service.identify(
      request,
      countingDirectory(async () => profile()),
    );
    expect(await service.applyProfile('W1', profile({ locale: 'en-US' }))).toBe('updated');
    const person = await service.identify(
      request,
      countingDirectory(async () => null),
    );
    expect(person.locale).toBe('en-US');
  });
});

/** Lets a refresh started "after this turn" run and settle. */
const afterTurns = async () => {
  for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

describe('people: refresh-ahead of a remembered person', () => {
  const request = { workspaceId: 'W1', slackUserId: 'U1', fallbackName: 'lin' };

  it('reads an entry used in its second half again after the request, so an active person never falls off its end', async () => {
    const { clock, repo, service, readsBefore } = await knownPerson();
    clock.advance(50_000);
    expect(service.remembered(request)?.locale).toBe('zh-CN');
    // Nothing is read before the request that noticed it is answered.
    expect(repo.reads).toBe(readsBefore);
    await afterTurns();
    expect(repo.reads).toBe(readsBefore + 1);
    // 70 s after the first read the entry would have ended; the refresh renewed it.
    clock.advance(20_000);
    expect(service.remembered(request)?.displayName).toBe('lin');
    expect(repo.reads).toBe(readsBefore + 1);
  });

  it('does not read again in an entry’s first half, nor twice for one entry', async () => {
    const { clock, repo, service, readsBefore } = await knownPerson();
    clock.advance(29_000);
    service.remembered(request);
    await afterTurns();
    expect(repo.reads).toBe(readsBefore);
    clock.advance(21_000);
    service.remembered(request);
    service.remembered(request);
    await afterTurns();
    expect(repo.reads).toBe(readsBefore + 1);
  });

  it('does not keep a background read that overlapped a change made here', async () => {
    const { clock, repo, service } = await knownPerson();
    clock.advance(50_000);
    service.remembered(request);
    service.forget('W1', 'U1');
    await afterTurns();
    expect(service.remembered(request)).toBeUndefined();
    expect(repo.people.get('U1')).toBeDefined();
  });

  it('leaves the entry to end at its time when the background read fails', async () => {
    const { clock, repo, service } = await knownPerson();
    repo.findBySlackUserId = async () => {
      throw new Error('connection lost');
    };
    clock.advance(50_000);
    expect(service.remembered(request)).toBeDefined();
    await afterTurns();
    expect(service.remembered(request)).toBeDefined();
    clock.advance(11_000);
    expect(service.remembered(request)).toBeUndefined();
  });
});
