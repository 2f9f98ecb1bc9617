export const ROLES = ['MEMBER', 'LEAD', 'HEAD', 'EXECUTIVE'] as const;
export type Role = (typeof ROLES)[number];

export interface MembershipDto {
  departmentId: string;
  departmentKey: string;
  nameEn: string;
  nameZh: string;
  role: Role;
}

export interface PersonDto {
  id: string;
  workspaceId: string;
  slackUserId: string;
  displayName: string;
  realName: string | null;
  timeZone: string | null;
  locale: string | null;
  isWorkspaceAdmin: boolean;
  /** A Liaison admin: a Slack workspace admin or owner, or granted by another admin. */
  isAdmin: boolean;
  active: boolean;
  profileSyncedAt: Date | null;
}

/** What Slack tells us about a person (users.info, user_change, users.list). */
export interface SlackProfile {
  slackUserId: string;
  displayName: string;
  realName?: string;
  email?: string;
  timeZone?: string;
  locale?: string;
  isWorkspaceAdmin: boolean;
  isBot: boolean;
  deleted: boolean;
}

/** Looks people up in the Slack workspace a request came from. */
export interface PeopleDirectory {
  fetchProfile(slackUserId: string): Promise<SlackProfile | null>;
}
