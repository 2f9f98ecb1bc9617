export interface AdminDto {
  personId: string;
  slackUserId: string;
  displayName: string;
  realName: string | null;
  /** A Slack workspace admin or owner: a Liaison admin by default, as long as Slack says so. */
  isWorkspaceAdmin: boolean;
  /** Granted by another Liaison admin. */
  isLiaisonAdmin: boolean;
  active: boolean;
  isBot: boolean;
}

export interface AdminsRepository {
  /** Active people who are admins, Slack's or granted, by name. */
  listAdmins(workspaceId: string): Promise<AdminDto[]>;
  findPerson(workspaceId: string, slackUserId: string): Promise<AdminDto | null>;
  /** People whose Slack handle (display name) is this, compared case-insensitively. */
  findByHandle(workspaceId: string, handle: string): Promise<AdminDto[]>;
  /**
   * Sets or clears the granted flag in one transaction, audited ('person.admin_granted' /
   * 'person.admin_revoked'). A revocation that would leave no active admin is not applied.
   */
  setLiaisonAdmin(input: {
    workspaceId: string;
    actorSlackId: string;
    personId: string;
    value: boolean;
  }): Promise<'changed' | 'unchanged' | 'last_admin'>;
}
