import type { AdminSummary, HomePerson } from './home.types.js';

export interface HomeRepository {
  /** The person with their memberships (archived departments left out); null when unknown,
   * deactivated or a bot — nobody to show a Home tab to. */
  personForHome(personId: string): Promise<HomePerson | null>;
  adminSummary(workspaceId: string): Promise<AdminSummary>;
}
