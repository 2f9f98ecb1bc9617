import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { STAND_IN_DEFAULTS } from '../../src/console/slack-stand-in/index.js';
import { signSlackRequest } from '../../tests/harness/slack-driver.js';
import type { ReadyMessage, ResponseSlot } from './protocol.js';

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
  agent: http.Agent;
  requestTimeoutMs: number;
}

export interface LoadResult {
  samples: Sample[];
  /** Distinct TCP connections the keep-alive agent used for the whole run. */
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

/**
 * A sample with the response's raw bytes, read only once the whole slice has ended: the
 * generator shares the cores with the target, so it must not spend more per response on a
 * larger answer (decoding, JSON.parse) while requests are still being timed.
 */
type RawSample = Omit<Sample, 'inlineReply'> & { responseBody: Buffer[] };

function sendOne(
  options: LoadOptions,
  sockets: Set<unknown>,
  body: string,
  slot: number,
  channelId: string,
  lagMs: number,
): Promise<RawSample> {
  return new Promise((resolve) => {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = signSlackRequest(options.signingSecret, body, timestamp);
    let started = 0;
    let settled = false;
    const finish = (
      status: number,
      error: string | undefined,
      responseBody: Buffer[] = [],
      endedAt = performance.now(),
    ) => {
      if (settled) return;
      settled = true;
      resolve({
        slot,
        channelId,
        sentEpochMs: performance.timeOrigin + started,
        lagMs,
        latencyMs: endedAt - started,
        status,
        error,
        responseBody,
      });
    };
    const request = http.request(
      {
        host: '127.0.0.1',
        port: options.target.port,
        path: '/slack/events',
        method: 'POST',
        agent: options.agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
          ...signature,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => finish(response.statusCode ?? 0, undefined, chunks, performance.now()));
        response.on('error', (error) => finish(0, error.message));
      },
    );
    request.setTimeout(options.requestTimeoutMs, () => {
      request.destroy(new Error(`no response within ${options.requestTimeoutMs} ms`));
    });
    request.on('error', (error) => finish(0, error.message));
    request.on('socket', (socket) => sockets.add(socket));
    started = performance.now();
    request.end(body);
  });
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
  const sockets = new Set<unknown>();
  const start = performance.now();
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * intervalMs <= now) {
        const index = options.firstSlotIndex + next;
        const lag = performance.now() - (start + next * intervalMs);
        const slot = options.slots[index] as ResponseSlot;
        pending.push(sendOne(options, sockets, bodies[next] as string, index, slot.channelId, lag));
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
  // Only now, with no request in flight, are the answers read.
  const samples = raw.map(
    ({ responseBody, ...sample }): Sample => ({
      ...sample,
      inlineReply: sample.status === 200 && isInlineReply(Buffer.concat(responseBody).toString('utf8')),
    }),
  );
  return { samples, connections: sockets.size };
}
