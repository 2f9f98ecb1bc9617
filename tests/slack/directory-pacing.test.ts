import { afterEach, describe, expect, it } from 'vitest';
import { DirectoryCursorInvalidError } from '../../src/modules/directory/directory.types.js';
import { createBulkClient } from '../../src/slack/delivery/slack-clients.js';
import { createUsersListPagers } from '../../src/slack/directory/users-list-pager.js';
import { type SlackStandIn, startFakeSlack } from '../harness/fake-slack.js';

let slack: SlackStandIn | undefined;
afterEach(async () => {
  await slack?.close();
  slack = undefined;
});

/** Nine people, plus the bot the stand-in always lists: ten members, five pages of two. */
async function directoryOfTen(rateLimits: Record<string, { perMinute: number; burst?: number }> = {}) {
  slack = await startFakeSlack({
    users: Array.from({ length: 9 }, (_, i) => ({ id: `U0PACE${i}`, locale: i % 2 ? 'zh-CN' : 'en-US' })),
    rateLimits,
  });
  return createBulkClient({ token: slack.botToken, apiUrl: slack.url });
}

async function readAll(pager: {
  page(cursor: string | null): Promise<{ profiles: { slackUserId: string }[]; nextCursor: string | null }>;
}) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await pager.page(cursor);
    ids.push(...page.profiles.map((p) => p.slackUserId));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describe('users.list paced for its tier', () => {
  it('spaces pages at the bucket rate, so a limiter at the same rate never answers 429', async () => {
    // Tier 2 scaled ×30: 600 a minute, one call every 100 ms, on both sides. Slack's buckets
    // allow a small burst; without one, network jitter alone (a call that arrives 1 ms early)
    // would be refused.
    const client = await directoryOfTen({ 'users.list': { perMinute: 600, burst: 2 } });
    const pager = createUsersListPagers({ rule: { perMinute: 600, burst: 1 }, pageSize: 2 }).pagerFor(
      'W1',
      client,
    );
    const started = performance.now();
    const ids = await readAll(pager);
    const elapsed = performance.now() - started;

    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
    // Five pages: the first at once, four more 100 ms apart.
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(slack?.rateLimitedCount('users.list')).toBe(0);
    const calls = slack?.callsTo('users.list') ?? [];
    expect(calls).toHaveLength(5);
    expect(calls[0]?.args).toMatchObject({ limit: '2', include_locale: 'true' });
    expect(calls[1]?.args.cursor).toBeTruthy();
  });

  it('honours Retry-After on a 429 and carries on from the same cursor', async () => {
    const client = await directoryOfTen();
    const pager = createUsersListPagers({ rule: { perMinute: 6_000, burst: 1 }, pageSize: 4 }).pagerFor(
      'W1',
      client,
    );
    const first = await pager.page(null);
    slack?.failNext('users.list', { status: 429, retryAfterSec: 1 });
    const started = performance.now();
    const second = await pager.page(first.nextCursor);
    const waited = performance.now() - started;

    expect(waited).toBeGreaterThanOrEqual(950);
    expect(second.profiles).toHaveLength(4);
    const calls = slack?.callsTo('users.list') ?? [];
    expect(calls.map((c) => c.status)).toEqual([200, 429, 200]);
    expect(calls[2]?.args.cursor).toBe(calls[1]?.args.cursor);
    // The pause holds for every pager of the workspace, not just the one that was refused.
    expect(slack?.rateLimitedCount('users.list')).toBe(1);
  });

  it('paces one workspace without slowing another', async () => {
    const client = await directoryOfTen();
    const pagers = createUsersListPagers({ rule: { perMinute: 60, burst: 1 }, pageSize: 10 });
    await pagers.pagerFor('W1', client).page(null);
    const started = performance.now();
    await pagers.pagerFor('W2', client).page(null);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('reports a cursor Slack no longer accepts, so the sync can start the pass over', async () => {
    const client = await directoryOfTen();
    const pager = createUsersListPagers({ rule: { perMinute: 6_000, burst: 1 } }).pagerFor('W1', client);
    await expect(pager.page('dXNlcjpVTk9CT0RZ')).rejects.toBeInstanceOf(DirectoryCursorInvalidError);
  });
});
