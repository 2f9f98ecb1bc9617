import { rolesOf } from '../access/access.rules.js';
import type { HomeRepository } from './home.repository.js';
import type { HomeDashboard } from './home.types.js';

export interface HomeService {
  /** What the person's Home tab shows; null when there is nobody to show it to. */
  dashboardOf(personId: string): Promise<HomeDashboard | null>;
}

export function createHomeService(deps: { repo: HomeRepository }): HomeService {
  return {
    async dashboardOf(personId) {
      const person = await deps.repo.personForHome(personId);
      if (!person) return null;
      const roles = rolesOf({
        workspaceId: person.workspaceId,
        personId: person.id,
        slackUserId: person.slackUserId,
        isAdmin: person.isAdmin,
        memberships: person.memberships,
      });
      const admin = person.isAdmin ? await deps.repo.adminSummary(person.workspaceId) : null;
      return { person, roles, admin };
    },
  };
}
