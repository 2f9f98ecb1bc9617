import type { WebClient } from '@slack/web-api';
import type { DeliverySender, SlackOutcome } from '../../modules/delivery/delivery.ports.types.js';
import { type BulkRates, SLACK_FLOOR_RATES } from './rate-floors.js';
import { outcomeOfError } from './slack-outcome.js';
import { TokenBucket } from './token-bucket.js';

/** Message metadata type that carries the delivery key, so a later attempt can find the post. */
export const DELIVERY_METADATA_TYPE = 'liaison_delivery';
/** A Retry-After up to this long is waited out in place; longer ones go back to the outbox. */
const MAX_INLINE_RETRY_AFTER_MS = 30_000;
const CHANNEL_BUCKETS_MAX = 5_000;

export interface PacedSenderStats {
  calls: Record<string, number>;
  rateLimited: Record<string, number>;
}

/**
 * The bulk client behind token buckets at Slack's floors: one per method across the
 * workspace and one per channel for chat.postMessage. A 429 pauses that method's bucket
 * for Retry-After (every sender waits, as Slack asked) and the call is tried once more.
 */
export function createPacedSlackSender(input: {
  client: WebClient;
  rates?: BulkRates;
  now?: () => number;
  /** Told when a posted message's files could not follow it (they are not retried). */
  onFilesLost?: (detail: { channelId: string; ts: string; files: number; error: string }) => void;
}): DeliverySender & { stats(): PacedSenderStats } {
  const rates = input.rates ?? SLACK_FLOOR_RATES;
  const now = input.now ?? (() => performance.now());
  const methodBuckets = new Map<string, TokenBucket>();
  const channelBuckets = new Map<string, TokenBucket>();
  const stats: PacedSenderStats = { calls: {}, rateLimited: {} };
  let historyReadable = true;

  function methodBucket(method: string): TokenBucket | undefined {
    const rule = rates.methods[method];
    if (!rule) return undefined;
    let bucket = methodBuckets.get(method);
    if (!bucket) {
      bucket = new TokenBucket(rule, now);
      methodBuckets.set(method, bucket);
    }
    return bucket;
  }

  function channelBucket(channelId: string): TokenBucket {
    let bucket = channelBuckets.get(channelId);
    if (!bucket) {
      if (channelBuckets.size >= CHANNEL_BUCKETS_MAX) {
        for (const [id, idle] of channelBuckets) if (idle.isIdle()) channelBuckets.delete(id);
      }
      bucket = new TokenBucket(rates.postPerChannel, now);
      channelBuckets.set(channelId, bucket);
    }
    return bucket;
  }

  async function call<T>(
    method: string,
    run: () => Promise<T>,
    extraBucket?: TokenBucket,
  ): Promise<SlackOutcome<T>> {
    for (let attempt = 0; ; attempt += 1) {
      await extraBucket?.acquire();
      await methodBucket(method)?.acquire();
      stats.calls[method] = (stats.calls[method] ?? 0) + 1;
      try {
        return { kind: 'ok', value: await run() };
      } catch (error) {
        const outcome = outcomeOfError(error);
        if (outcome.kind === 'retry' && outcome.error === 'ratelimited') {
          stats.rateLimited[method] = (stats.rateLimited[method] ?? 0) + 1;
          methodBucket(method)?.pauseUntil(now() + outcome.afterMs);
          if (attempt === 0 && outcome.afterMs <= MAX_INLINE_RETRY_AFTER_MS) {
            // Honour Retry-After before trying again, even for a method we do not pace.
            if (!methodBucket(method)) await new Promise((resolve) => setTimeout(resolve, outcome.afterMs));
            continue;
          }
        }
        return outcome;
      }
    }
  }

  return {
    stats: () => ({ calls: { ...stats.calls }, rateLimited: { ...stats.rateLimited } }),

    async openDm(slackUserId) {
      const opened = await call('conversations.open', () =>
        input.client.conversations.open({ users: slackUserId }),
      );
      if (opened.kind !== 'ok') return opened;
      const channelId = opened.value.channel?.id;
      return channelId
        ? { kind: 'ok', value: { channelId } }
        : { kind: 'failed', error: 'no_channel_in_answer' };
    },

    async post({ channelId, message, deliveryKey }) {
      const posted = await call(
        'chat.postMessage',
        () =>
          input.client.chat.postMessage({
            channel: channelId,
            text: message.text,
            ...(message.blocks ? { blocks: message.blocks as never } : {}),
            metadata: { event_type: DELIVERY_METADATA_TYPE, event_payload: { key: deliveryKey } },
            unfurl_links: false,
            unfurl_media: false,
          }),
        channelBucket(channelId),
      );
      if (posted.kind !== 'ok') return posted;
      const { ts, channel } = posted.value;
      if (!ts) return { kind: 'failed', error: 'no_ts' };
      // The message's files go into its thread. The message is out: a failed upload is not
      // retried (that would post the message again); the files are a complement to it.
      if (message.files && message.files.length > 0) {
        const files = message.files;
        const uploaded = await call('files.uploadV2', () =>
          input.client.filesUploadV2({
            channel_id: channel ?? channelId,
            thread_ts: ts,
            file_uploads: files.map((f) => ({
              file: Buffer.from(f.base64, 'base64'),
              filename: f.filename,
              title: f.title,
            })),
          }),
        );
        if (uploaded.kind !== 'ok')
          input.onFilesLost?.({
            channelId: channel ?? channelId,
            ts,
            files: files.length,
            error: uploaded.error,
          });
      }
      return { kind: 'ok', value: { channelId: channel ?? channelId, ts } };
    },

    async findPosted({ channelId, deliveryKey, since }) {
      if (!historyReadable) return 'unknown';
      const history = await call('conversations.history', () =>
        input.client.conversations.history({
          channel: channelId,
          oldest: String(Math.floor(since.getTime() / 1000) - 60),
          limit: 200,
          include_all_metadata: true,
        }),
      );
      if (history.kind !== 'ok') {
        // Without a history scope (im:history, channels:history) we cannot look: say so once.
        if (history.kind === 'failed' && /missing_scope|not_allowed/.test(history.error))
          historyReadable = false;
        return 'unknown';
      }
      const match = history.value.messages?.find(
        (m) =>
          m.metadata?.event_type === DELIVERY_METADATA_TYPE &&
          (m.metadata.event_payload as { key?: unknown } | undefined)?.key === deliveryKey,
      );
      return match?.ts ? { ts: match.ts } : 'absent';
    },
  };
}
