import type { Logger } from '../../logger.js';
import type { Clock } from '../shared/clock.types.js';
import type { DeliverySender, SlackOutcome, WorkspaceSenders } from './delivery.ports.types.js';
import type { DeliveryRepository } from './delivery.repository.js';
import type { ClaimedDelivery } from './delivery.types.js';

export interface DeliveryWorkerOptions {
  /**
   * How long a claimed row belongs to this worker. Longer than the slowest send (pacing
   * wait + call timeout): another worker takes the row over only after it runs out.
   */
  leaseMs?: number;
  /** Sends in flight at once; the sender's token buckets decide the actual pace. */
  concurrency?: number;
  /** After this many attempts a row is FAILED instead of retried. */
  maxAttempts?: number;
}

export interface DrainReport {
  sent: number;
  retried: number;
  failed: number;
  /** HELD rows the budget released (sent alone or batched into a digest). */
  released: number;
}

export interface DeliveryWorker {
  /** Sends everything due now; resolves when nothing due is left in this pass. */
  drain(): Promise<DrainReport>;
  /** When a pass could next find work (a row's notBefore, a lease running out); null: nothing waits. */
  nextDueAt(): Promise<Date | null>;
}

const DEFAULTS = { leaseMs: 120_000, concurrency: 16, maxAttempts: 8 } as const;

/** 2 s, 4 s, 8 s … capped at 10 minutes: for errors that carry no Retry-After. */
export function backoffMs(attempts: number): number {
  return Math.min(10 * 60_000, 1_000 * 2 ** Math.max(1, attempts));
}

type RowResult = 'sent' | 'retried' | 'failed';

/** Why a row could not be sent: the workspace has no usable installation (uninstalled, tokens revoked). */
export const NOT_INSTALLED_ERROR = 'not_installed';

export function createDeliveryWorker(deps: {
  repo: DeliveryRepository;
  /** One sender for every row (single workspace), or one per workspace (OAuth installs). */
  sender: DeliverySender | WorkspaceSenders;
  clock: Clock;
  logger: Logger;
  /** The notification budget's batching step (HELD rows whose time has come). */
  releaseHeld?: (now: Date) => Promise<number>;
  options?: DeliveryWorkerOptions;
}): DeliveryWorker {
  const { repo, clock, logger } = deps;
  const senders: WorkspaceSenders =
    'forWorkspace' in deps.sender ? deps.sender : { forWorkspace: async () => deps.sender as DeliverySender };
  const options = { ...DEFAULTS, ...deps.options };
  // Two rows for one person in the same pass share one conversations.open.
  const opening = new Map<string, Promise<SlackOutcome<{ channelId: string }>>>();

  async function settle<T>(
    row: ClaimedDelivery,
    outcome: Exclude<SlackOutcome<T>, { kind: 'ok' }>,
  ): Promise<RowResult> {
    if (outcome.kind === 'failed' || row.attempts >= options.maxAttempts) {
      logger.warn({ deliveryKey: row.key, error: outcome.error, attempts: row.attempts }, 'delivery failed');
      await repo.markFailed(row.id, outcome.error);
      return 'failed';
    }
    const waitMs = Math.max(outcome.afterMs, backoffMs(row.attempts));
    logger.info(
      { deliveryKey: row.key, error: outcome.error, attempts: row.attempts, waitMs },
      'delivery will be retried',
    );
    await repo.retryLater(row.id, {
      notBefore: new Date(clock.now().getTime() + waitMs),
      error: outcome.error,
      // Sticky: once an attempt may have reached Slack, later attempts look before posting.
      outcomeUnknown: row.outcomeUnknown || outcome.outcomeUnknown,
    });
    return 'retried';
  }

  async function channelFor(
    row: ClaimedDelivery,
    sender: DeliverySender,
  ): Promise<SlackOutcome<{ channelId: string }>> {
    if (row.channelId) return { kind: 'ok', value: { channelId: row.channelId } };
    if (!row.recipient) return { kind: 'failed', error: 'recipient_not_found' };
    if (row.recipient.dmChannelId) return { kind: 'ok', value: { channelId: row.recipient.dmChannelId } };
    const { personId, slackUserId } = row.recipient;
    let pending = opening.get(personId);
    if (!pending) {
      pending = sender.openDm(slackUserId).then(async (opened) => {
        if (opened.kind === 'ok') await repo.cacheDmChannel(personId, opened.value.channelId);
        return opened;
      });
      opening.set(personId, pending);
      // Forget it once settled: the cache on Person answers from now on (or a retry reopens).
      void pending.finally(() => opening.delete(personId)).catch(() => {});
    }
    return pending;
  }

  async function deliver(row: ClaimedDelivery): Promise<RowResult> {
    const sender = await senders.forWorkspace(row.workspaceId);
    if (!sender) {
      // Retrying cannot help until someone reinstalls Liaison there; a reinstall does not resend old news.
      logger.warn(
        { deliveryKey: row.key, workspaceId: row.workspaceId },
        'delivery dropped: Liaison is not installed',
      );
      await repo.markFailed(
        row.id,
        `${NOT_INSTALLED_ERROR}: Liaison is not installed in workspace ${row.workspaceId} (uninstalled or tokens revoked)`,
      );
      return 'failed';
    }
    const channel = await channelFor(row, sender);
    if (channel.kind !== 'ok') return settle(row, channel);
    const { channelId } = channel.value;
    if (row.outcomeUnknown && row.previousAttemptAt) {
      const earlier = await sender.findPosted({
        channelId,
        deliveryKey: row.key,
        since: row.previousAttemptAt,
      });
      if (typeof earlier === 'object') {
        await repo.markSent(row.id, { slackChannelId: channelId, ts: earlier.ts, at: clock.now() });
        return 'sent';
      }
    }
    const posted = await sender.post({ channelId, message: row.message, deliveryKey: row.key });
    if (posted.kind !== 'ok') return settle(row, posted);
    await repo.markSent(row.id, {
      slackChannelId: posted.value.channelId,
      ts: posted.value.ts,
      at: clock.now(),
    });
    return 'sent';
  }

  async function deliverSafely(row: ClaimedDelivery): Promise<RowResult> {
    try {
      return await deliver(row);
    } catch (error) {
      // A database hiccup after the claim: the lease runs out and the row is retried,
      // looking for an earlier post first (it counts as outcome-unknown then).
      logger.error({ err: error, deliveryKey: row.key }, 'delivery attempt failed unexpectedly');
      return 'retried';
    }
  }

  return {
    async drain() {
      const report: DrainReport = { sent: 0, retried: 0, failed: 0, released: 0 };
      await repo.recoverExpiredLeases(clock.now());
      if (deps.releaseHeld) report.released = await deps.releaseHeld(clock.now());
      const inFlight = new Set<Promise<void>>();
      let exhausted = false;
      // A pipeline rather than batches: claim more as sends finish, so each row's lease
      // only has to cover a few sends' worth of pacing, not a whole batch's.
      while (!exhausted || inFlight.size > 0) {
        if (!exhausted && inFlight.size <= options.concurrency / 2) {
          const rows = await repo.claimDue({
            now: clock.now(),
            leaseMs: options.leaseMs,
            limit: options.concurrency - inFlight.size,
          });
          if (rows.length === 0) exhausted = true;
          for (const row of rows) {
            const task = deliverSafely(row).then((result) => {
              report[result] += 1;
              inFlight.delete(task);
            });
            inFlight.add(task);
          }
        }
        if (inFlight.size > 0 && (exhausted || inFlight.size > options.concurrency / 2)) {
          await Promise.race(inFlight);
        }
      }
      return report;
    },
    nextDueAt: () => repo.nextDueAt(),
  };
}
