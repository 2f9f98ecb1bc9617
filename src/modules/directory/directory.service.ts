import type { DeliveryService } from '../delivery/delivery.service.js';
import type { Notify } from '../notifications/notify.service.js';
import type { SlackProfile } from '../people/person.types.js';
import type { Clock } from '../shared/clock.types.js';
import type { DirectoryRepository } from './directory.repository.js';
import {
  flagRecipients,
  isDirectoryPerson,
  type ProfileChangeKind,
  RESUMABLE_FOR_MS,
} from './directory.rules.js';
import {
  type BeginOutcome,
  DirectoryCursorInvalidError,
  type DirectoryMessages,
  type DirectoryPager,
  DirectorySyncLeaseLostError,
  type SyncOutcome,
  type SyncRunDto,
} from './directory.types.js';
import type { OpenItemsRegistry } from './open-items.service.js';

/** The notification kind of "someone in your department was deactivated" (mutable like any kind). */
export const DEACTIVATION_FLAG_KIND = 'directory.deactivated';
/** The summary DM to the admin who started a sync: an answer to their own request. */
export const SYNC_SUMMARY_KIND = 'directory.sync';

/**
 * How long a sync is ours without writing a page. Pages come every 3 s at Tier 2; a
 * Retry-After or a slow answer fits many times over. A process that died blocks a new
 * sync for at most this long, then its run is taken over.
 */
export const DEFAULT_SYNC_LEASE_MS = 2 * 60_000;
const ERROR_TEXT_MAX = 500;

export interface DirectoryService {
  /** Claims the workspace's sync (only one at a time): a new pass, a resumed one, or busy. */
  begin(workspaceId: string, startedBySlackId?: string): Promise<BeginOutcome>;
  /**
   * Reads the rest of the pass page by page from the run's saved cursor. Each page is
   * committed with the cursor, so a crash loses at most the page in flight. At the end:
   * the run is finished, the people it deactivated are flagged to their leads, and whoever
   * started it gets a summary DM. Never throws for a Slack error: the run is FAILED, its
   * cursor kept for a resume.
   */
  run(run: SyncRunDto, pager: DirectoryPager, options?: { signal?: AbortSignal }): Promise<SyncOutcome>;
  lastRun(workspaceId: string): Promise<SyncRunDto | null>;
  /**
   * A profile Slack pushed (user_change, team_join): stored and audited; a deactivation
   * cancels the person's pending messages and flags their open items at once. Bots are skipped.
   */
  applyProfile(workspaceId: string, profile: SlackProfile): Promise<ProfileChangeKind | 'skipped'>;
  /** DMs the person's leads (or the admins) their open items; idempotent. Returns how many were told. */
  flagDeactivation(personId: string): Promise<number>;
}

export function createDirectoryService(deps: {
  repo: DirectoryRepository;
  clock: Clock;
  notify: Notify;
  enqueue: DeliveryService['enqueue'];
  messages: DirectoryMessages;
  openItems: OpenItemsRegistry;
  leaseMs?: number;
  onError?: (error: unknown, context: Record<string, unknown>) => void;
}): DirectoryService {
  const { repo, clock } = deps;
  const leaseMs = deps.leaseMs ?? DEFAULT_SYNC_LEASE_MS;
  const leaseFrom = (now: Date) => new Date(now.getTime() + leaseMs);

  async function flagDeactivation(personId: string): Promise<number> {
    const person = await repo.personToFlag(personId);
    if (!person || person.active || !person.deactivatedAt) return 0;
    const items = await deps.openItems.listOpenFor({ personId, workspaceId: person.workspaceId });
    const recipientIds = flagRecipients({
      departments: person.memberships,
      admins: person.admins,
      openItems: items.length,
    });
    const recipients = await repo.recipients(recipientIds);
    const flag = {
      person: { personId, slackUserId: person.slackUserId, name: person.name },
      memberships: person.memberships.map(({ leaders: _leaders, ...membership }) => membership),
      items,
    };
    for (const recipient of recipients) {
      await deps.notify({
        workspaceId: person.workspaceId,
        personId: recipient.personId,
        kind: DEACTIVATION_FLAG_KIND,
        // One DM per deactivation and reader, however often the sync or Slack repeats itself.
        key: `${DEACTIVATION_FLAG_KIND}:${personId}:${person.deactivatedAt.getTime()}:${recipient.personId}`,
        message: deps.messages.deactivationFlag(recipient.locale, flag),
      });
    }
    return recipients.length;
  }

  async function flagQuietly(personIds: string[], runId: string): Promise<number> {
    let flagged = 0;
    for (const personId of personIds) {
      try {
        flagged += await flagDeactivation(personId);
      } catch (error) {
        deps.onError?.(error, { personId, runId, step: 'flag deactivation' });
      }
    }
    return flagged;
  }

  async function sendSummary(run: SyncRunDto, notListed: number): Promise<void> {
    if (!run.startedBySlackId || !run.finishedAt) return;
    try {
      const admin = await repo.findPerson(run.workspaceId, run.startedBySlackId);
      if (!admin) return;
      await deps.enqueue({
        workspaceId: run.workspaceId,
        recipientPersonId: admin.personId,
        key: `${SYNC_SUMMARY_KIND}:${run.id}:${run.finishedAt.getTime()}`,
        kind: SYNC_SUMMARY_KIND,
        message: deps.messages.syncSummary(admin.locale, { run, notListed }),
      });
    } catch (error) {
      deps.onError?.(error, { runId: run.id, step: 'summary DM' });
    }
  }

  return {
    async begin(workspaceId, startedBySlackId) {
      const now = clock.now();
      return repo.begin({
        workspaceId,
        startedBySlackId: startedBySlackId ?? null,
        now,
        leaseUntil: leaseFrom(now),
        resumableSince: new Date(now.getTime() - RESUMABLE_FOR_MS),
      });
    },

    async run(claimed, pager, options = {}) {
      const { signal } = options;
      let current = claimed;
      let heldUntil = claimed.leaseUntil;
      if (!heldUntil || claimed.status !== 'RUNNING')
        throw new Error(`directory sync run ${claimed.id} is not claimed (status ${claimed.status})`);
      // A run that committed its last page but crashed before finishing has nothing left to read.
      const complete = current.pages > 0 && current.cursor === null;
      const fetch = (cursor: string | null) => {
        const fetching = pager.page(cursor, signal);
        // Awaited later; until then a failure must not count as unhandled.
        fetching.catch(() => undefined);
        return { cursor, fetching };
      };
      // One page is read ahead while the previous one is written: the wait for the next
      // token (and Slack's answer) overlaps the database work. At most two pages in memory.
      let next = complete ? null : fetch(current.cursor);
      let startedOver = false;
      try {
        while (next) {
          let page: Awaited<ReturnType<DirectoryPager['page']>>;
          try {
            page = await next.fetching;
          } catch (error) {
            // Slack forgot the saved cursor (a long pause): read the pass again, once.
            if (error instanceof DirectoryCursorInvalidError && next.cursor !== null && !startedOver) {
              startedOver = true;
              next = fetch(null);
              continue;
            }
            throw error;
          }
          next = page.nextCursor === null ? null : fetch(page.nextCursor);
          const now = clock.now();
          const leaseUntil = leaseFrom(now);
          current = await repo.applyPage(
            { id: current.id, workspaceId: current.workspaceId, heldUntil },
            {
              profiles: page.profiles.filter(isDirectoryPerson),
              nextCursor: page.nextCursor,
              now,
              leaseUntil,
            },
          );
          heldUntil = leaseUntil;
          // Asked to stop (shutdown, lost job lease): the page read is committed, the rest waits.
          if (signal?.aborted && next) return { kind: 'interrupted', run: current };
        }
      } catch (error) {
        if (error instanceof DirectorySyncLeaseLostError || signal?.aborted)
          return { kind: 'interrupted', run: current };
        const text = error instanceof Error ? error.message : String(error);
        try {
          const failed = await repo.finish(
            { id: current.id, heldUntil },
            { status: 'FAILED', error: text.slice(0, ERROR_TEXT_MAX), finishedAt: clock.now() },
          );
          deps.onError?.(error, { runId: current.id, pages: failed.pages, step: 'sync page' });
          await sendSummary(failed, 0);
          return { kind: 'failed', run: failed };
        } catch (finishError) {
          if (finishError instanceof DirectorySyncLeaseLostError)
            return { kind: 'interrupted', run: current };
          throw finishError;
        }
      }
      let finished: SyncRunDto;
      try {
        finished = await repo.finish(
          { id: current.id, heldUntil },
          { status: 'SUCCEEDED', finishedAt: clock.now() },
        );
      } catch (error) {
        if (error instanceof DirectorySyncLeaseLostError) return { kind: 'interrupted', run: current };
        throw error;
      }
      const flagged = await flagQuietly(
        await repo.deactivatedInRun(finished.workspaceId, finished.id),
        finished.id,
      );
      const notListed = await repo.countNotListedSince(finished.workspaceId, finished.startedAt);
      await sendSummary(finished, notListed);
      return { kind: 'finished', run: finished, notListed, flagged };
    },

    lastRun: (workspaceId) => repo.lastRun(workspaceId),

    async applyProfile(workspaceId, profile) {
      if (!isDirectoryPerson(profile)) return 'skipped';
      const applied = await repo.applyProfiles(workspaceId, [profile], clock.now());
      await flagQuietly(applied.deactivatedIds, 'event');
      return applied.changes.get(profile.slackUserId) ?? 'unchanged';
    },

    flagDeactivation,
  };
}
