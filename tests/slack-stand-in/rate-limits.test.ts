import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeSlackClient, type SlackStandIn, startFakeSlack } from '../harness/fake-slack.js';

let slack: SlackStandIn | undefined;
afterEach(async () => {
  await slack?.close();
  slack = undefined;
});

describe('rate limits and injected failures', () => {
  it('answers 429 with Retry-After, and a real WebClient waits and retries successfully', async () => {
    slack = await startFakeSlack({ rateLimits: { 'chat.postMessage': { perMinute: 60, burst: 1 } } });
    const client = fakeSlackClient(slack, { retries: 2 });
    const rateLimitedFor: number[] = [];
    client.on(webApi.WebClientEvent.RATE_LIMITED, (seconds: number) => rateLimitedFor.push(seconds));

    await client.chat.postMessage({ channel: 'C0GENERAL', text: 'first' });
    const started = performance.now();
    const second = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'second' });
    const waitedMs = performance.now() - started;

    expect(second.ok).toBe(true);
    expect(rateLimitedFor).toEqual([1]);
    expect(waitedMs).toBeGreaterThanOrEqual(950);
    expect(slack.rateLimitedCount('chat.postMessage')).toBe(1);
    expect(slack.callsTo('chat.postMessage').map((call) => call.status)).toEqual([200, 429, 200]);
    expect(slack.messages('C0GENERAL').map((message) => message.text)).toEqual(['first', 'second']);
  });

  it('sends the raw 429 shape Slack sends', async () => {
    slack = await startFakeSlack({ rateLimits: { 'users.list': { perMinute: 20, burst: 1 } } });
    const call = () =>
      fetch(`${slack?.url}users.list`, {
        method: 'POST',
        headers: { authorization: `Bearer ${slack?.botToken}` },
      });
    expect((await call()).status).toBe(200);
    const limited = await call();
    expect(limited.status).toBe(429);
    // One token every 3 s at 20/min.
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(await limited.json()).toEqual({ ok: false, error: 'ratelimited' });
    // Other methods are unaffected: limits are per method.
    const other = await fetch(`${slack.url}auth.test`, {
      method: 'POST',
      headers: { authorization: `Bearer ${slack.botToken}` },
    });
    expect(other.status).toBe(200);
  });

  it('rejectRateLimitedCalls surfaces the 429 instead of waiting', async () => {
    slack = await startFakeSlack();
    const rejecting = new webApi.WebClient(slack.botToken, {
      slackApiUrl: slack.url,
      rejectRateLimitedCalls: true,
      logLevel: webApi.LogLevel.ERROR,
    });
    slack.failNext('auth.test', { status: 429, retryAfterSec: 7 });
    await expect(rejecting.auth.test()).rejects.toMatchObject({
      code: 'slack_webapi_rate_limited_error',
      retryAfter: 7,
    });
    expect(slack.rateLimitedCount('auth.test')).toBe(1);
  });

  it('failNext injects one Slack error, HTTP status or delay, then behaves normally', async () => {
    slack = await startFakeSlack();
    const client = fakeSlackClient(slack, { timeoutMs: 200 });
    slack.failNext('chat.postMessage', { error: 'fatal_error' });
    await expect(client.chat.postMessage({ channel: 'C0GENERAL', text: 'x' })).rejects.toMatchObject({
      data: { error: 'fatal_error' },
    });
    slack.failNext('chat.postMessage', { status: 503 });
    await expect(client.chat.postMessage({ channel: 'C0GENERAL', text: 'x' })).rejects.toMatchObject({
      code: 'slack_webapi_http_error',
      statusCode: 503,
    });
    slack.failNext('chat.postMessage', { delayMs: 400 });
    await expect(client.chat.postMessage({ channel: 'C0GENERAL', text: 'slow' })).rejects.toMatchObject({
      code: 'slack_webapi_request_error',
    });
    const ok = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'fine' });
    expect(ok.ok).toBe(true);
  });

  it('failNext for one channel fails only a call to that channel', async () => {
    slack = await startFakeSlack({ channels: [{ id: 'C0OTHER', name: 'other' }] });
    const client = fakeSlackClient(slack);
    slack.failNext('chat.postMessage', { error: 'internal_error', channel: 'C0OTHER' });
    expect((await client.chat.postMessage({ channel: 'C0GENERAL', text: 'elsewhere' })).ok).toBe(true);
    await expect(client.chat.postMessage({ channel: 'C0OTHER', text: 'here' })).rejects.toMatchObject({
      data: { error: 'internal_error' },
    });
    expect((await client.chat.postMessage({ channel: 'C0OTHER', text: 'again' })).ok).toBe(true);
    expect(slack.messages('C0OTHER').map((message) => message.text)).toEqual(['again']);
  });
});
