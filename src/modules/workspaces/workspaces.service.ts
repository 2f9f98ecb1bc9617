import type { SupportedLocale } from '../../i18n/locales.js';
import type { WorkspaceDto } from './workspace.types.js';
import type { WorkspacesRepository } from './workspaces.repository.js';

export interface WorkspacesService {
  /**
   * The workspace a request came from, created on first contact with the configured defaults.
   * A team of an Enterprise org with an org-wide install belongs to the org's workspace.
   */
  forTeam(team: { teamId: string; enterpriseId?: string; name?: string }): Promise<WorkspaceDto>;
  /** The same workspace when it is already in memory (no query, no creation); else undefined. */
  remembered(team: { teamId: string; enterpriseId?: string }): WorkspaceDto | undefined;
}

/** The service, and what the wiring calls when a workspace row may have changed. */
export interface CachedWorkspacesService extends WorkspacesService {
  /** Forget every workspace read so far: the next request reads its own again. */
  forgetAll(): void;
}

/** Most teams remembered at once; the oldest goes first beyond it. */
export const WORKSPACE_CACHE_MAX = 10_000;

export function createWorkspacesService(deps: {
  repo: WorkspacesRepository;
  defaults: { locale: SupportedLocale; timeZone: string };
  /** The workspace of an org-wide install of this Enterprise org, if any (answers from memory). */
  orgWorkspaceFor?: (enterpriseId: string) => WorkspaceDto | undefined;
}): CachedWorkspacesService {
  // Workspaces change rarely and every request needs one: keep them in memory after the
  // first read so the request path costs no query (forgotten on every write to them).
  const cache = new Map<string, WorkspaceDto>();
  let generation = 0;
  const remembered = ({ teamId, enterpriseId }: { teamId: string; enterpriseId?: string }) =>
    (enterpriseId ? deps.orgWorkspaceFor?.(enterpriseId) : undefined) ?? cache.get(teamId);
  return {
    remembered,
    forgetAll() {
      generation += 1;
      cache.clear();
    },
    async forTeam({ teamId, enterpriseId, name }) {
      const known = remembered({ teamId, ...(enterpriseId ? { enterpriseId } : {}) });
      if (known) return known;
      const startedIn = generation;
      const workspace = await deps.repo.ensure({
        slackTeamId: teamId,
        enterpriseId,
        name: name ?? teamId,
        defaultLocale: deps.defaults.locale,
        defaultTimeZone: deps.defaults.timeZone,
      });
      // A write while this read ran may have made it stale: use it, do not keep it.
      if (startedIn !== generation) return workspace;
      if (cache.size >= WORKSPACE_CACHE_MAX) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      cache.set(teamId, workspace);
      return workspace;
    },
  };
}
