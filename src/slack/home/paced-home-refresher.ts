import type { Logger } from '../../logger.js';
import { outcomeOfError } from '../delivery/slack-outcome.js';
import { type BucketRule, TokenBucket } from '../delivery/token-bucket.js';
import type { WorkspaceSlackClients } from '../workspace-clients.js';
import type { HomeRefresher } from './home-refresher.js';
import type { HomeTab } from './home-tab.js';

/**
 * views.publish is Tier 4 (100+ per minute per workspace). Refreshes go evenly spaced at
 * that floor, no burst of our own: publishes answering app_home_opened share Slack's
 * budget and keep the headroom.
 */
export const HOME_PUBLISH_RATE: BucketRule = { perMinute: 100, burst: 1 };
/** Changes within this window coalesce into one publish per person. */
const DEFAULT_COALESCE_MS = 250;
const DEFAULT_MAX_ATTEMPTS = 4;
/** A transient failure (5xx, timeout) pauses the workspace's publishes this long per attempt. */
const TRANSIENT_BACKOFF_MS = 1_000;

interface WorkspaceQueue {
  /** People waiting for a publish, in request order; a second request for one is a no-op. */
  pending: Set<string>;
  attempts: Map<string, number>;
  bucket: TokenBucket;
  timer: ReturnType<typeof setTimeout> | undefined;
  draining: boolean;
  idleWaiters: (() => void)[];
}

/**
 * Keeps Home tabs current after changes. Requests coalesce per person (a burst of changes
 * is one publish of the state after them), publishes are paced per workspace by a token
 * bucket, a 429 pauses that workspace for Retry-After and the person is tried again.
 * Only people who have opened Home since this process started are refreshed: everyone
 * else gets a fresh dashboard from app_home_opened when they next look.
 */
export function createPacedHomeRefresher(deps: {
  homeTab: Pick<HomeTab, 'render' | 'hasOpened'>;
  clients: Pick<WorkspaceSlackClients, 'bulkFor'>;
  logger: Logger;
  rate?: BucketRule;
  coalesceMs?: number;
  maxAttempts?: number;
  now?: () => number;
}): HomeRefresher {
  const rate = deps.rate ?? HOME_PUBLISH_RATE;
  const coalesceMs = deps.coalesceMs ?? DEFAULT_COALESCE_MS;
  const maxAttempts = deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const now = deps.now ?? (() => performance.now());
  const queues = new Map<string, WorkspaceQueue>();

  function queueOf(workspaceId: string): WorkspaceQueue {
    let queue = queues.get(workspaceId);
    if (!queue) {
      queue = {
        pending: new Set(),
        attempts: new Map(),
        bucket: new TokenBucket(rate, now),
        timer: undefined,
        draining: false,
        idleWaiters: [],
      };
      queues.set(workspaceId, queue);
    }
    return queue;
  }

  const isIdle = (queue: WorkspaceQueue) =>
    !queue.draining && queue.timer === undefined && queue.pending.size === 0;

  function schedule(workspaceId: string, queue: WorkspaceQueue, delayMs: number): void {
    if (queue.draining || queue.timer !== undefined || queue.pending.size === 0) return;
    queue.timer = setTimeout(() => {
      queue.timer = undefined;
      queue.draining = true;
      drain(workspaceId, queue)
        .catch((error: unknown) => deps.logger.error({ err: error, workspaceId }, 'Home refresh loop failed'))
        .finally(() => {
          queue.draining = false;
          schedule(workspaceId, queue, 0);
          if (isIdle(queue)) {
            for (const resolve of queue.idleWaiters.splice(0)) resolve();
          }
        });
    }, delayMs);
  }

  async function drain(workspaceId: string, queue: WorkspaceQueue): Promise<void> {
    const client = await deps.clients.bulkFor(workspaceId);
    if (!client) {
      deps.logger.debug(
        { workspaceId, people: queue.pending.size },
        'no Slack client for the workspace; Home not refreshed',
      );
      queue.pending.clear();
      queue.attempts.clear();
      return;
    }
    while (queue.pending.size > 0) {
      // Take the person only once a token is ours: requests meanwhile still coalesce.
      await queue.bucket.acquire();
      const personId = queue.pending.values().next().value;
      if (personId === undefined) break;
      queue.pending.delete(personId);
      try {
        const rendered = await deps.homeTab.render(personId);
        if (rendered) await client.views.publish({ user_id: rendered.slackUserId, view: rendered.view });
        queue.attempts.delete(personId);
      } catch (error) {
        const outcome = outcomeOfError(error);
        const attempt = (queue.attempts.get(personId) ?? 0) + 1;
        if (outcome.kind === 'retry' && attempt < maxAttempts) {
          queue.attempts.set(personId, attempt);
          const waitMs = outcome.error === 'ratelimited' ? outcome.afterMs : TRANSIENT_BACKOFF_MS * attempt;
          queue.bucket.pauseUntil(now() + waitMs);
          // Unless a newer request already queued them, they go again after the pause.
          queue.pending.add(personId);
          deps.logger.info(
            { workspaceId, personId, error: outcome.error, waitMs, attempt },
            'Home refresh will be retried',
          );
        } else {
          queue.attempts.delete(personId);
          deps.logger.warn(
            { err: error, workspaceId, personId, error: outcome.error },
            'could not refresh a Home tab',
          );
        }
      }
    }
  }

  return {
    requestRefresh(workspaceId, personIds) {
      const wanted = personIds.filter((personId) => deps.homeTab.hasOpened(personId));
      if (wanted.length === 0) return;
      const queue = queueOf(workspaceId);
      for (const personId of wanted) queue.pending.add(personId);
      schedule(workspaceId, queue, coalesceMs);
    },

    async settled() {
      for (;;) {
        const busy = [...queues.values()].filter((queue) => !isIdle(queue));
        if (busy.length === 0) return;
        await Promise.all(
          busy.map((queue) => new Promise<void>((resolve) => queue.idleWaiters.push(resolve))),
        );
      }
    },
  };
}
