import type { OpenEscalationsRepository } from './assessment.repository.js';
import { escalationsTiedTo, type TiedEscalation } from './open-escalations.rules.js';

export interface OpenEscalationsService {
  /** For the Home tab: what the person raised, was handed or must act on, theirs to act on first. */
  tiedTo(workspaceId: string, personId: string): Promise<TiedEscalation[]>;
  /** For a deactivated person's leads: the same, counting the person at their old rung. */
  leftOpenBy(workspaceId: string, personId: string): Promise<TiedEscalation[]>;
}

export function createOpenEscalationsService(deps: {
  repo: OpenEscalationsRepository;
}): OpenEscalationsService {
  async function load(workspaceId: string, personId: string, includeInactive: boolean) {
    const [candidates, ladder] = await Promise.all([
      deps.repo.openCandidatesFor(workspaceId, personId),
      deps.repo.workspaceLadder(workspaceId, includeInactive ? personId : undefined),
    ]);
    return escalationsTiedTo(personId, candidates, ladder);
  }
  return {
    tiedTo: (workspaceId, personId) => load(workspaceId, personId, false),
    leftOpenBy: (workspaceId, personId) => load(workspaceId, personId, true),
  };
}
