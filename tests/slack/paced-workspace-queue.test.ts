import { WebAPIPlatformError, WebAPIRateLimitedError, type WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { createPacedWorkspaceQueue } from '../../src/slack/delivery/paced-workspace-queue.js';
import { memoryLogger } from '../harness/memory-logger.js';

const client = {} as WebClient;

function queueFor(
  process: (key: string) => Promise<void>,
  bulkFor: () => Promise<WebClient | null> = async () => client,
) {
  const { logger, lines } = memoryLogger();
  const queue = createPacedWorkspaceQueue(
    { clients: { bulkFor }, logger, coalesceMs: 0, maxAttempts: 3 },
    {
      defaultRate: { perMinute: 60_000, burst: 10 },
      tokenPerKey: true,
      process: (_client, key) => process(key),
      log: {
        keyField: 'thingId',
        loopFailed: 'loop failed',
        noClient: 'no client',
        retrying: 'will be retried',
        gaveUp: 'gave up',
      },
    },
  );
  const logged = (msg: string) => lines().filter((line) => line.msg === msg);
  return { queue, logged };
}

describe('paced workspace queue', () => {
  it('gives a key up with one warning after maxAttempts retryable failures, and goes on with the next', async () => {
    const tries: string[] = [];
    const { queue, logged } = queueFor(async (key) => {
      tries.push(key);
      if (key === 'a') throw new WebAPIRateLimitedError(0.02);
    });
    queue.request('w1', ['a', 'b']);
    await queue.settled();
    expect(tries).toEqual(['a', 'b', 'a', 'a']);
    expect(logged('will be retried').map((line) => [line.thingId, line.attempt])).toEqual([
      ['a', 1],
      ['a', 2],
    ]);
    expect(logged('gave up')).toMatchObject([{ thingId: 'a', workspaceId: 'w1', error: 'ratelimited' }]);
  });

  it('does not retry a permanent Slack error', async () => {
    const tries: string[] = [];
    const { queue, logged } = queueFor(async (key) => {
      tries.push(key);
      throw new WebAPIPlatformError({ ok: false, error: 'channel_not_found' });
    });
    queue.request('w1', ['a']);
    await queue.settled();
    expect(tries).toEqual(['a']);
    expect(logged('will be retried')).toEqual([]);
    expect(logged('gave up')).toMatchObject([{ thingId: 'a', error: 'channel_not_found' }]);
  });

  it('drops the requests of a workspace that has no Slack client', async () => {
    const tries: string[] = [];
    const { queue, logged } = queueFor(
      async (key) => {
        tries.push(key);
      },
      async () => null,
    );
    queue.request('w1', ['a', 'b']);
    await queue.settled();
    expect(tries).toEqual([]);
    expect(logged('no client')).toMatchObject([{ workspaceId: 'w1', pending: 2 }]);
  });
});
