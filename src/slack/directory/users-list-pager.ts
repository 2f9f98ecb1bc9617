import type { WebClient } from '@slack/web-api';
import { DirectoryCursorInvalidError, type DirectoryPager } from '../../modules/directory/directory.types.js';
import { outcomeOfError } from '../delivery/slack-outcome.js';
import { type BucketRule, TokenBucket } from '../delivery/token-bucket.js';
import { profileFromSlackUser, type SlackUserObject } from '../people-directory.js';

/**
 * users.list page size. Slack recommends no more than 200 results per page for paginated
 * methods (larger pages are slower to build and more likely to time out), and accepts up
 * to 1,000. The method is Tier 2, so the page count sets the floor: 10,000 people are 50
 * pages ≈ 2.5 minutes at 20 pages a minute — for a nightly job and an admin's occasional
 * `/liaison sync`, that is fast enough to keep Slack's recommendation.
 */
export const USERS_LIST_PAGE_SIZE = 200;

/**
 * users.list is Tier 2: 20+ calls a minute per workspace (SLACK-FACTS.md). No burst of our
 * own: calls go evenly spaced, and each 429 would cost a whole second of Retry-After.
 */
export const USERS_LIST_FLOOR: BucketRule = { perMinute: 20, burst: 1 };

/** Tries per page: 429s (after their Retry-After) and transient errors; users.list is read-only. */
const MAX_ATTEMPTS = 6;
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 20_000];

export interface UsersListPagers {
  /** A pager over the workspace's directory; pagers of one workspace share its pace. */
  pagerFor(workspaceId: string, client: WebClient): DirectoryPager;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * users.list through the bulk client, paced per workspace by a token bucket at the method's
 * tier, with Retry-After honoured on 429 (the bucket pauses, so nothing else of this
 * workspace calls users.list before then) and transient errors retried with backoff.
 */
export function createUsersListPagers(
  options: { rule?: BucketRule; pageSize?: number; now?: () => number } = {},
): UsersListPagers {
  const rule = options.rule ?? USERS_LIST_FLOOR;
  const pageSize = options.pageSize ?? USERS_LIST_PAGE_SIZE;
  const buckets = new Map<string, TokenBucket>();

  function bucketOf(workspaceId: string): TokenBucket {
    let bucket = buckets.get(workspaceId);
    if (!bucket) {
      bucket = new TokenBucket(rule, options.now);
      buckets.set(workspaceId, bucket);
    }
    return bucket;
  }

  return {
    pagerFor(workspaceId, client) {
      const bucket = bucketOf(workspaceId);
      const now = options.now ?? (() => performance.now());
      return {
        async page(cursor, signal) {
          for (let attempt = 1; ; attempt += 1) {
            signal?.throwIfAborted();
            await bucket.acquire();
            signal?.throwIfAborted();
            try {
              const result = await client.users.list({
                limit: pageSize,
                include_locale: true,
                ...(cursor ? { cursor } : {}),
              });
              const profiles = (result.members ?? []).flatMap((member) => {
                const profile = profileFromSlackUser(member as SlackUserObject);
                return profile ? [profile] : [];
              });
              return { profiles, nextCursor: result.response_metadata?.next_cursor || null };
            } catch (error) {
              const outcome = outcomeOfError(error);
              if (outcome.kind === 'failed' && outcome.error === 'invalid_cursor' && cursor)
                throw new DirectoryCursorInvalidError(cursor);
              if (outcome.kind !== 'retry' || attempt >= MAX_ATTEMPTS) {
                throw new Error(`users.list failed: ${outcome.error}`, { cause: error });
              }
              if (outcome.error === 'ratelimited') {
                // Slack said when: nothing of this workspace calls users.list before then.
                bucket.pauseUntil(now() + outcome.afterMs);
              } else {
                await sleep(BACKOFF_MS[attempt - 1] ?? 20_000, signal);
              }
            }
          }
        },
      };
    },
  };
}
