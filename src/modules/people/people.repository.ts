import type { MembershipDto, PersonDto, SlackProfile } from './person.types.js';

export type ProfileChange = 'created' | 'updated' | 'unchanged';

export interface PeopleRepository {
  findBySlackUserId(workspaceId: string, slackUserId: string): Promise<PersonDto | null>;
  /** The person's departments (archived ones left out), ordered by department key. */
  membershipsOf(personId: string): Promise<MembershipDto[]>;
  /**
   * Creates or updates a person from their Slack profile in one transaction, with an audit
   * row when anything changed. `syncedAt` records when Slack was last asked.
   */
  upsertProfile(
    workspaceId: string,
    profile: SlackProfile,
    syncedAt: Date | null,
    actorSlackId?: string,
  ): Promise<{ person: PersonDto; change: ProfileChange }>;
}
