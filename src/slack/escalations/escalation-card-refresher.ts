import type { WebClient } from '@slack/web-api';
import { resolveLocale, translator } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type {
  CardRow,
  CardSnapshot,
  EscalationCardsRepository,
} from '../../modules/escalations/escalation-cards.repository.js';
import type { Notify } from '../../modules/notifications/notify.service.js';
import type { Clock } from '../../modules/shared/clock.types.js';
import { createPacedWorkspaceQueue, type PacingOptions } from '../delivery/paced-workspace-queue.js';
import { outcomeOfError } from '../delivery/slack-outcome.js';
import type { BucketRule } from '../delivery/token-bucket.js';
import { escalationCardMessage } from '../views/escalation-card.view.js';

/**
 * chat.update is Tier 3 (50+ per minute per workspace). Cards go at that floor; a burst of 2
 * lets the two cards of one change (raiser's and counterpart's channel) go together.
 */
export const CARD_UPDATE_RATE: BucketRule = { perMinute: 50, burst: 2 };

/**
 * A replica posting a card holds it this long at most: past it, its claim was abandoned (the
 * process died between claiming and storing the ts) and another replica may post the card.
 */
export const CARD_POSTING_CLAIM_MS = 2 * 60_000;

export interface EscalationCardRefresher {
  /** The escalation changed: its cards are re-rendered soon (coalesced, paced). Never throws. */
  requestRefresh(workspaceId: string, escalationId: string): void;
  /**
   * The departments' channel language changed: their cards of open escalations are shown
   * again, in the new language (marked behind first, so a lost refresh is swept later). Never throws.
   */
  refreshDepartments(workspaceId: string, departmentIds: readonly string[]): void;
  /** Queues the workspace's cards that are behind or missing (crash, lost update); at most `limit`. */
  sweepStale(workspaceId: string, limit?: number): Promise<number>;
  /** Resolves once every requested refresh was done or given up (tests, shutdown). */
  settled(): Promise<void>;
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
export function createEscalationCardRefresher(
  deps: PacingOptions & {
    repo: EscalationCardsRepository;
    defaultLocale: SupportedLocale;
    /** Tells the raiser once that a card could not be posted (a DM, idempotent on its key). */
    notify?: Notify;
    /** Dates posting claims (the shared clock); the system clock when absent. */
    clock?: Clock;
  },
): EscalationCardRefresher {
  const now = () => deps.clock?.now() ?? new Date();
  const claimStaleBefore = (at: Date) => new Date(at.getTime() - CARD_POSTING_CLAIM_MS);

  /** One Slack call, once the workspace's bucket lets it go; a permanent error becomes CardFailed. */
  async function call(
    acquire: () => Promise<void>,
    work: () => Promise<string | undefined>,
  ): Promise<string> {
    await acquire();
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
    acquire: () => Promise<void>,
    snapshot: CardSnapshot,
    row: CardRow,
  ): Promise<void> {
    const channel = row.cardTs ? row.cardChannelId : row.departmentChannelId;
    if (!channel) return;
    // The card speaks the department's channel's language, else the workspace's.
    const locale = resolveLocale(row.departmentLocale ?? snapshot.workspaceLocale, deps.defaultLocale);
    const message = escalationCardMessage(snapshot.card, { t: translator(locale), locale });
    try {
      if (row.cardTs) {
        await call(acquire, async () => {
          await client.chat.update({ channel, ts: row.cardTs as string, ...message });
          return undefined;
        });
        await deps.repo.recordUpdated(row.id, snapshot.version);
      } else {
        // Only the replica that claims the card posts it; another (a sweep, a change handled
        // elsewhere) leaves it to the claimant, and the stale sweep brings it up to date after.
        const claimedAt = now();
        if (!(await deps.repo.claimPosting(row.id, claimedAt, claimStaleBefore(claimedAt)))) {
          deps.logger.debug(
            { escalationId: snapshot.escalationId, departmentId: row.departmentId },
            'an escalation card is being posted elsewhere; not posted twice',
          );
          return;
        }
        let ts: string;
        try {
          ts = await call(acquire, async () => {
            const posted = await client.chat.postMessage({
              channel,
              ...message,
              unfurl_links: false,
              unfurl_media: false,
            });
            return posted.ts;
          });
        } catch (error) {
          // Not posted (a permanent error is recorded below, which clears the claim too).
          if (!(error instanceof CardFailed)) await deps.repo.releasePosting(row.id, claimedAt);
          throw error;
        }
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

  // Changes of one escalation within the coalescing window (250 ms by default) become one
  // update of each of its cards.
  const queue = createPacedWorkspaceQueue(deps, {
    defaultRate: CARD_UPDATE_RATE,
    // Changes that arrive while an escalation waits its turn coalesce into its one render;
    // tokens are taken per Slack call (refreshRow), when the call really goes.
    tokenPerKey: false,
    async process(client, escalationId, { acquire }) {
      const snapshot = await deps.repo.load(escalationId);
      if (!snapshot) return;
      for (const row of snapshot.rows) await refreshRow(client, acquire, snapshot, row);
    },
    log: {
      keyField: 'escalationId',
      loopFailed: 'card refresh loop failed',
      noClient: 'no Slack client for the workspace; cards not refreshed',
      retrying: 'escalation card refresh will be retried',
      // Left behind: the stale-card sweep (escalations.sla job) tries again later.
      gaveUp: 'could not refresh an escalation card; the next sweep retries',
    },
  });

  function requestRefresh(workspaceId: string, escalationId: string): void {
    queue.request(workspaceId, [escalationId]);
  }

  /** Lookups started by refreshDepartments and not done yet: settled() waits for them too. */
  const lookups = new Set<Promise<void>>();

  return {
    requestRefresh,

    refreshDepartments(workspaceId, departmentIds) {
      const lookup = deps.repo
        .markDepartmentCardsBehind(workspaceId, departmentIds)
        .then((ids) => {
          for (const id of ids) requestRefresh(workspaceId, id);
        })
        .catch((error: unknown) =>
          deps.logger.warn(
            { err: error, workspaceId, departmentIds },
            'could not queue the cards of departments whose language changed; they keep the old language until their next change',
          ),
        )
        .finally(() => lookups.delete(lookup));
      lookups.add(lookup);
    },

    async sweepStale(workspaceId, limit = 20) {
      const ids = await deps.repo.staleEscalationIds(workspaceId, limit, claimStaleBefore(now()));
      for (const id of ids) requestRefresh(workspaceId, id);
      return ids.length;
    },

    async settled() {
      await Promise.all([...lookups]);
      await queue.settled();
    },
  };
}
