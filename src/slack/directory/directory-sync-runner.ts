import type { Logger } from '../../logger.js';
import type { DirectoryService } from '../../modules/directory/directory.service.js';
import type { BeginOutcome, SyncOutcome } from '../../modules/directory/directory.types.js';
import type { WorkspaceSlackClients } from '../workspace-clients.js';
import type { UsersListPagers } from './users-list-pager.js';

export type StartOutcome = BeginOutcome | { kind: 'not_installed' };

export interface DirectorySyncRunner {
  /**
   * Claims the workspace's sync and goes on with it in the background; resolves as soon as
   * it is claimed (an admin's command answers at once). The service DMs the starter at the end.
   */
  start(input: { workspaceId: string; startedBySlackId?: string }): Promise<StartOutcome>;
  /** Resolves when every background sync this process started has ended. */
  idle(): Promise<void>;
  /** Stops background syncs between pages (they stay resumable) and waits for them. */
  stop(): Promise<void>;
}

/** Runs directory syncs over each workspace's bulk bot client, paced per workspace. */
export function createDirectorySyncRunner(deps: {
  service: DirectoryService;
  clients: WorkspaceSlackClients;
  pagers: UsersListPagers;
  logger: Logger;
}): DirectorySyncRunner {
  const logger = deps.logger.child({ component: 'directory-sync' });
  const running = new Set<Promise<void>>();
  const stopping = new AbortController();

  function logOutcome(outcome: SyncOutcome): void {
    const { run } = outcome;
    const fields = {
      runId: run.id,
      workspaceId: run.workspaceId,
      pages: run.pages,
      seen: run.seen,
      created: run.created,
      updated: run.updated,
      deactivated: run.deactivated,
    };
    if (outcome.kind === 'failed') logger.warn({ ...fields, error: run.error }, 'directory sync stopped');
    else if (outcome.kind === 'interrupted')
      logger.info(fields, 'directory sync interrupted; it will resume');
    else logger.info({ ...fields, notListed: outcome.notListed }, 'directory sync finished');
  }

  async function claim(workspaceId: string, startedBySlackId?: string) {
    const client = await deps.clients.bulkFor(workspaceId);
    if (!client) return { kind: 'not_installed' as const };
    const outcome = await deps.service.begin(workspaceId, startedBySlackId);
    return { ...outcome, pager: deps.pagers.pagerFor(workspaceId, client) };
  }

  return {
    async start({ workspaceId, startedBySlackId }) {
      const claimed = await claim(workspaceId, startedBySlackId);
      if (claimed.kind === 'not_installed' || claimed.kind === 'busy') {
        return claimed.kind === 'busy' ? { kind: 'busy', run: claimed.run } : claimed;
      }
      const work = deps.service
        .run(claimed.run, claimed.pager, { signal: stopping.signal })
        .then(logOutcome, (error: unknown) =>
          logger.error({ err: error, runId: claimed.run.id }, 'directory sync crashed'),
        )
        .finally(() => running.delete(work));
      running.add(work);
      return { kind: claimed.kind, run: claimed.run };
    },

    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },

    async stop() {
      stopping.abort(new Error('Liaison is stopping'));
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
