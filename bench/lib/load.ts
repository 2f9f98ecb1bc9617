import { randomBytes } from 'node:crypto';
import { STAND_IN_DEFAULTS } from '../../src/console/slack-stand-in/index.js';
import { signSlackRequest } from '../../tests/harness/slack-driver.js';
import { KeepAliveClient } from './keep-alive-client.js';
import type { ReadyMessage, ResponseSlot } from './protocol.js';
import { ResponseBodies } from './response-bodies.js';

/**
 * Open-loop load: request i is due at start + i / rate whatever happened to the earlier
 * ones. A timer wakes up for the next due time and sends every request that is due (it
 * catches up after a late wake-up); how late each send was is recorded as `lagMs`.
 */

export interface Sample {
  /** Index of the response_url slot used (its channel id proves which request a reply answers). */
  slot: number;
  channelId: string;
  /** Epoch ms (sub-ms) when the request was handed to the socket; for reply latency. */
  sentEpochMs: number;
  /** How far behind its schedule the request was sent. */
  lagMs: number;
  /** Write of the request → last byte of the response (the ack), in ms. */
  latencyMs: number;
  status: number;
  error: string | undefined;
  /**
   * The ack's body carried the answer (JSON with text or blocks): Slack shows it as the
   * ephemeral reply, so no response_url reply follows for this request.
   */
  inlineReply: boolean;
}

/** Whether an ack's body is an answer Slack would show (non-empty text or blocks). */
export function isInlineReply(body: string): boolean {
  if (!body.startsWith('{')) return false;
  try {
    const parsed = JSON.parse(body) as { text?: unknown; blocks?: unknown };
    return (
      (typeof parsed.text === 'string' && parsed.text.length > 0) ||
      (Array.isArray(parsed.blocks) && parsed.blocks.length > 0)
    );
  } catch {
    return false;
  }
}

export interface LoadOptions {
  target: ReadyMessage;
  rate: number;
  durationMs: number;
  /** Slots to use, in order; one per request. */
  slots: ResponseSlot[];
  firstSlotIndex: number;
  signingSecret: string;
  /** Kept-alive connections at most (256 unless given). */
  maxSockets?: number;
  requestTimeoutMs: number;
}

export interface LoadResult {
  samples: Sample[];
  /** Distinct TCP connections the generator opened for the whole run (kept alive within it). */
  connections: number;
}

/** A slash command form body exactly as Slack sends it (field order and names). */
export function slashCommandBody(
  target: ReadyMessage,
  input: { userId: string; channelId: string; responseUrl: string; text: string },
): string {
  return new URLSearchParams({
    token: STAND_IN_DEFAULTS.verificationToken,
    team_id: target.teamId,
    team_domain: target.teamDomain,
    channel_id: input.channelId,
    channel_name: 'general',
    user_id: input.userId,
    user_name: input.userId.toLowerCase(),
    command: '/liaison',
    text: input.text,
    api_app_id: target.appId,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: `${Math.floor(Date.now() / 1000)}.${Date.now() % 1e10}.${randomBytes(10).toString('hex')}`,
  }).toString();
}

/** A sample with the response's body, read only once the whole slice has ended. */
type RawSample = Omit<Sample, 'inlineReply'> & { responseBody: Buffer };

/** The whole HTTP/1.1 request as Slack sends it, signed now. */
function slackRequest(options: LoadOptions, body: string): string {
  const signature = signSlackRequest(options.signingSecret, body, Math.floor(Date.now() / 1000));
  return (
    'POST /slack/events HTTP/1.1\r\n' +
    `host: 127.0.0.1:${options.target.port}\r\n` +
    'content-type: application/x-www-form-urlencoded\r\n' +
    `content-length: ${Buffer.byteLength(body)}\r\n` +
    'user-agent: Slackbot 1.0 (+https://api.slack.com/robots)\r\n' +
    `x-slack-signature: ${signature['x-slack-signature']}\r\n` +
    `x-slack-request-timestamp: ${signature['x-slack-request-timestamp']}\r\n` +
    'connection: keep-alive\r\n\r\n' +
    body
  );
}

async function sendOne(
  options: LoadOptions,
  client: KeepAliveClient,
  body: string,
  slot: number,
  channelId: string,
  lagMs: number,
): Promise<RawSample> {
  const exchange = await client.send(slackRequest(options, body));
  return {
    slot,
    channelId,
    sentEpochMs: performance.timeOrigin + exchange.sentAt,
    lagMs,
    latencyMs: exchange.endedAt - exchange.sentAt,
    status: exchange.status,
    error: exchange.error,
    responseBody: exchange.body,
  };
}

export async function runOpenLoop(options: LoadOptions, text = 'help'): Promise<LoadResult> {
  const total = Math.round((options.rate * options.durationMs) / 1000);
  if (options.firstSlotIndex + total > options.slots.length) {
    throw new Error(`not enough response_urls: need ${options.firstSlotIndex + total}`);
  }
  const users = options.target.userIds;
  // Bodies are built before the clock starts; only signing happens at send time.
  const bodies = Array.from({ length: total }, (_, i) => {
    const index = options.firstSlotIndex + i;
    const slot = options.slots[index] as ResponseSlot;
    return slashCommandBody(options.target, {
      userId: users[index % users.length] ?? 'U0DEMOLIN',
      channelId: slot.channelId,
      responseUrl: slot.url,
      text,
    });
  });
  const intervalMs = 1000 / options.rate;
  const pending: Promise<RawSample>[] = [];
  // Fresh connections per run: opened during the warm-up and reused afterwards, as Slack
  // reuses its connections; none idle across runs.
  const client = new KeepAliveClient({
    host: '127.0.0.1',
    port: options.target.port,
    maxSockets: options.maxSockets ?? 256,
    requestTimeoutMs: options.requestTimeoutMs,
    bodies: new ResponseBodies(),
  });
  const start = performance.now();
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * intervalMs <= now) {
        const index = options.firstSlotIndex + next;
        const lag = performance.now() - (start + next * intervalMs);
        const slot = options.slots[index] as ResponseSlot;
        pending.push(sendOne(options, client, bodies[next] as string, index, slot.channelId, lag));
        next += 1;
      }
      if (next >= total) {
        resolve();
        return;
      }
      setTimeout(tick, Math.max(0, start + next * intervalMs - performance.now()));
    };
    tick();
  });
  // Every request ends by its own timeout at the latest, so this wait is bounded.
  const raw = await Promise.all(pending);
  client.destroy();
  // Only now, with no request in flight, are the answers read.
  const samples = raw.map(
    ({ responseBody, ...sample }): Sample => ({
      ...sample,
      inlineReply: sample.status === 200 && isInlineReply(responseBody.toString('utf8')),
    }),
  );
  return { samples, connections: client.opened };
}
