import type { WebClient } from '@slack/web-api';
import type { SupportedLocale } from '../../config/env.js';
import { resolveLocale, translator } from '../../i18n/catalog.js';
import type { Logger } from '../../logger.js';
import type { Notify } from '../../modules/notifications/notify.service.js';
import { outcomeOfError } from '../delivery/slack-outcome.js';
import { type BucketRule, TokenBucket } from '../delivery/token-bucket.js';
import { escalationCardMessage } from '../views/escalation-card.view.js';
import type { WorkspaceSlackClients } from '../workspace-clients.js';
import type {
  CardRow,
  CardSnapshot,
  EscalationCardsRepository,
} from './escalation-cards.prisma-repository.js';

/**
 * chat.update is Tier 3 (50+ per minute per workspace). Cards go at that floor; a burst of 2
 * lets the two cards of one change (raiser's and counterpart's channel) go together.
 */
export const CARD_UPDATE_RATE: BucketRule = { perMinute: 50, burst: 2 };
/** Changes of one escalation within this window become one update of each of its cards. */
const DEFAULT_COALESCE_MS = 250;
const DEFAULT_MAX_ATTEMPTS = 4;
const TRANSIENT_BACKOFF_MS = 1_000;

export interface EscalationCardRefresher {
  /** The escalation changed: its cards are re-rendered soon (coalesced, paced). Never throws. */
  requestRefresh(workspaceId: string, escalationId: string): void;
  /** Queues the workspace's cards that are behind or missing (crash, lost update); at most `limit`. */
  sweepStale(workspaceId: string, limit?: number): Promise<number>;
  /** Resolves once every requested refresh was done or given up (tests, shutdown). */
  settled(): Promise<void>;
}

interface WorkspaceQueue {
  pending: Set<string>;
  attempts: Map<string, number>;
  bucket: TokenBucket;
  timer: ReturnType<typeof setTimeout> | undefined;
  draining: boolean;
  idleWaiters: (() => void)[];
}

/** A Slack error that will not go away by retrying (the card is given up until the next change). */
class CardFailed extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/**
 * Keeps escalation cards in department channels current. Per workspace: requests coalesce
 * per escalation (many changes → one render of the latest state), Slack calls are paced by
 * a token bucket, a 429 pauses the workspace for Retry-After and the escalation is tried
 * again; a permanent error (not_in_channel, channel_not_found…) is stored on the card row,
 * logged, and told to the raiser once. What a crash loses, the stale-card sweep finds.
 */
export function createEscalationCardRefresher(deps: {
  repo: EscalationCardsRepository;
  clients: Pick<WorkspaceSlackClients, 'bulkFor'>;
  logger: Logger;
  defaultLocale: SupportedLocale;
  /** Tells the raiser once that a card could not be posted (a DM, idempotent on its key). */
  notify?: Notify;
  rate?: BucketRule;
  coalesceMs?: number;
  maxAttempts?: number;
  now?: () => number;
}): EscalationCardRefresher {
  const rate = deps.rate ?? CARD_UPDATE_RATE;
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
        .catch((error: unknown) => deps.logger.error({ err: error, workspaceId }, 'card refresh loop failed'))
        .finally(() => {
          queue.draining = false;
          schedule(workspaceId, queue, 0);
          if (isIdle(queue)) for (const resolve of queue.idleWaiters.splice(0)) resolve();
        });
    }, delayMs);
  }

  async function call(queue: WorkspaceQueue, work: () => Promise<string | undefined>): Promise<string> {
    await queue.bucket.acquire();
    try {
      return (await work()) ?? '';
    } catch (error) {
      const outcome = outcomeOfError(error);
      if (outcome.kind === 'failed') throw new CardFailed(outcome.error);
      throw error;
    }
  }

  async function tellRaiser(snapshot: CardSnapshot, row: CardRow, code: string): Promise<void> {
    if (!deps.notify || !row.departmentChannelId) return;
    const t = translator(resolveLocale(snapshot.raiser.locale, deps.defaultLocale));
    const text = t('escalationCards.errors.cardFailed', {
      esc: `ESC-${snapshot.card.number}`,
      channel: row.departmentChannelId,
      error: code,
    });
    await deps.notify({
      workspaceId: snapshot.workspaceId,
      personId: snapshot.raiser.personId,
      kind: 'escalation.update',
      key: `escalation:${snapshot.escalationId}:card_failed:${row.id}`,
      message: { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] },
    });
  }

  /** Shows the snapshot on one department's card: update it, or post it. */
  async function refreshRow(
    client: WebClient,
    queue: WorkspaceQueue,
    snapshot: CardSnapshot,
    row: CardRow,
  ): Promise<void> {
    const channel = row.cardTs ? row.cardChannelId : row.departmentChannelId;
    if (!channel) return;
    const locale = resolveLocale(snapshot.workspaceLocale, deps.defaultLocale);
    const message = escalationCardMessage(snapshot.card, { t: translator(locale), locale });
    try {
      if (row.cardTs) {
        await call(queue, async () => {
          await client.chat.update({ channel, ts: row.cardTs as string, ...message });
          return undefined;
        });
        await deps.repo.recordUpdated(row.id, snapshot.version);
      } else {
        const ts = await call(queue, async () => {
          const posted = await client.chat.postMessage({
            channel,
            ...message,
            unfurl_links: false,
            unfurl_media: false,
          });
          return posted.ts;
        });
        await deps.repo.recordPosted(row.id, { channelId: channel, ts, version: snapshot.version });
      }
    } catch (error) {
      if (!(error instanceof CardFailed)) throw error;
      const first = await deps.repo.recordError(row.id, error.code);
      deps.logger.warn(
        { escalationId: snapshot.escalationId, departmentId: row.departmentId, channel, error: error.code },
        'could not show an escalation card; not retried until the escalation changes',
      );
      if (first && !row.cardTs)
        await tellRaiser(snapshot, row, error.code).catch((notifyError: unknown) =>
          deps.logger.warn(
            { err: notifyError, escalationId: snapshot.escalationId },
            'could not tell the raiser',
          ),
        );
    }
  }

  async function refresh(client: WebClient, queue: WorkspaceQueue, escalationId: string): Promise<void> {
    const snapshot = await deps.repo.load(escalationId);
    if (!snapshot) return;
    for (const row of snapshot.rows) await refreshRow(client, queue, snapshot, row);
  }

  async function drain(workspaceId: string, queue: WorkspaceQueue): Promise<void> {
    const client = await deps.clients.bulkFor(workspaceId);
    if (!client) {
      deps.logger.debug({ workspaceId }, 'no Slack client for the workspace; cards not refreshed');
      queue.pending.clear();
      queue.attempts.clear();
      return;
    }
    while (queue.pending.size > 0) {
      // Changes that arrive while an escalation waits its turn coalesce into its one render;
      // tokens are taken per Slack call (refreshRow), when the call really goes.
      const escalationId = queue.pending.values().next().value;
      if (escalationId === undefined) break;
      queue.pending.delete(escalationId);
      try {
        await refresh(client, queue, escalationId);
        queue.attempts.delete(escalationId);
      } catch (error) {
        const outcome = outcomeOfError(error);
        const attempt = (queue.attempts.get(escalationId) ?? 0) + 1;
        if (outcome.kind === 'retry' && attempt < maxAttempts) {
          queue.attempts.set(escalationId, attempt);
          const waitMs = outcome.error === 'ratelimited' ? outcome.afterMs : TRANSIENT_BACKOFF_MS * attempt;
          queue.bucket.pauseUntil(now() + waitMs);
          queue.pending.add(escalationId);
          deps.logger.info(
            { workspaceId, escalationId, error: outcome.error, waitMs, attempt },
            'escalation card refresh will be retried',
          );
        } else {
          queue.attempts.delete(escalationId);
          // Left behind: the stale-card sweep (escalations.sla job) tries again later.
          deps.logger.warn(
            { err: error, workspaceId, escalationId, error: outcome.error },
            'could not refresh an escalation card; the next sweep retries',
          );
        }
      }
    }
  }

  function requestRefresh(workspaceId: string, escalationId: string): void {
    const queue = queueOf(workspaceId);
    queue.pending.add(escalationId);
    schedule(workspaceId, queue, coalesceMs);
  }

  return {
    requestRefresh,

    async sweepStale(workspaceId, limit = 20) {
      const ids = await deps.repo.staleEscalationIds(workspaceId, limit);
      for (const id of ids) requestRefresh(workspaceId, id);
      return ids.length;
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
