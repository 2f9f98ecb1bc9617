import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger.js';
import type { WorkspaceSlackClients } from '../workspace-clients.js';
import { outcomeOfError } from './slack-outcome.js';
import { type BucketRule, TokenBucket } from './token-bucket.js';

/** Requests for one key within this window coalesce into one run of its work. */
const DEFAULT_COALESCE_MS = 250;
const DEFAULT_MAX_ATTEMPTS = 4;
/** A transient failure (5xx, timeout) pauses the workspace's calls this long per attempt. */
const TRANSIENT_BACKOFF_MS = 1_000;

/** What the work for one key gets besides the client: its workspace, and the bucket's next token. */
export interface PacedWork {
  workspaceId: string;
  /** Resolves when one Slack call may go (only needed when tokens are not taken per key). */
  acquire: () => Promise<void>;
}

/** What a user of the queue lets its own callers choose (tests: a faster rate, no coalescing). */
export interface PacingOptions {
  clients: Pick<WorkspaceSlackClients, 'bulkFor'>;
  logger: Logger;
  /** The workspace's token bucket; the user's own default when not given. */
  rate?: BucketRule;
  coalesceMs?: number;
  maxAttempts?: number;
  now?: () => number;
}

export interface PacedWorkspaceQueue {
  /** Queues keys of a workspace; a key already waiting is not queued twice. Never throws. */
  request(workspaceId: string, keys: Iterable<string>): void;
  /** Resolves once every requested key was done or given up (tests, shutdown). */
  settled(): Promise<void>;
}

interface WorkspaceQueue {
  /** Keys waiting, in request order; a second request for one is a no-op. */
  pending: Set<string>;
  attempts: Map<string, number>;
  bucket: TokenBucket;
  timer: ReturnType<typeof setTimeout> | undefined;
  draining: boolean;
  idleWaiters: (() => void)[];
}

/**
 * Per workspace: requests coalesce per key (a burst of requests is one run of `process`
 * after them), Slack calls are paced by a token bucket, and a failed key is retried: a 429
 * pauses the workspace for Retry-After, a transient error backs off per attempt, and after
 * `maxAttempts` the key is given up with a warning.
 */
export function createPacedWorkspaceQueue(
  pacing: PacingOptions,
  options: {
    defaultRate: BucketRule;
    /**
     * True: a token is taken before a key leaves the queue (one call per key; requests that
     * come while it waits still coalesce). False: `process` takes tokens itself via `acquire`.
     */
    tokenPerKey: boolean;
    process: (client: WebClient, key: string, work: PacedWork) => Promise<void>;
    /** Log field for the key (`personId`) and the log messages. */
    log: { keyField: string; loopFailed: string; noClient: string; retrying: string; gaveUp: string };
  },
): PacedWorkspaceQueue {
  const { logger, clients } = pacing;
  const { log } = options;
  const rate = pacing.rate ?? options.defaultRate;
  const coalesceMs = pacing.coalesceMs ?? DEFAULT_COALESCE_MS;
  const maxAttempts = pacing.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const now = pacing.now ?? (() => performance.now());
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
        .catch((error: unknown) => logger.error({ err: error, workspaceId }, log.loopFailed))
        .finally(() => {
          queue.draining = false;
          schedule(workspaceId, queue, 0);
          if (isIdle(queue)) for (const resolve of queue.idleWaiters.splice(0)) resolve();
        });
    }, delayMs);
  }

  async function drain(workspaceId: string, queue: WorkspaceQueue): Promise<void> {
    const client = await clients.bulkFor(workspaceId);
    if (!client) {
      logger.debug({ workspaceId, pending: queue.pending.size }, log.noClient);
      queue.pending.clear();
      queue.attempts.clear();
      return;
    }
    const work: PacedWork = { workspaceId, acquire: () => queue.bucket.acquire() };
    while (queue.pending.size > 0) {
      if (options.tokenPerKey) await queue.bucket.acquire();
      const key = queue.pending.values().next().value;
      if (key === undefined) break;
      queue.pending.delete(key);
      try {
        await options.process(client, key, work);
        queue.attempts.delete(key);
      } catch (error) {
        const outcome = outcomeOfError(error);
        const attempt = (queue.attempts.get(key) ?? 0) + 1;
        if (outcome.kind === 'retry' && attempt < maxAttempts) {
          queue.attempts.set(key, attempt);
          const waitMs = outcome.error === 'ratelimited' ? outcome.afterMs : TRANSIENT_BACKOFF_MS * attempt;
          queue.bucket.pauseUntil(now() + waitMs);
          // Unless a newer request already queued it, the key goes again after the pause.
          queue.pending.add(key);
          logger.info(
            { workspaceId, [log.keyField]: key, error: outcome.error, waitMs, attempt },
            log.retrying,
          );
        } else {
          queue.attempts.delete(key);
          logger.warn({ err: error, workspaceId, [log.keyField]: key, error: outcome.error }, log.gaveUp);
        }
      }
    }
  }

  return {
    request(workspaceId, keys) {
      const queue = queueOf(workspaceId);
      for (const key of keys) queue.pending.add(key);
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
