import type { WorkspaceRole } from '../access/access.types.js';
import type { MembershipDto } from '../people/person.types.js';

/** What the Home tab shows about its owner. */
export interface HomePerson {
  id: string;
  workspaceId: string;
  slackUserId: string;
  displayName: string;
  realName: string | null;
  /** Slack's locale and zone for the person; null falls back to the workspace's. */
  locale: string | null;
  timeZone: string | null;
  isAdmin: boolean;
  memberships: MembershipDto[];
  workspace: { defaultLocale: string; defaultTimeZone: string };
}

/** The short admin block: how big the workspace is and when the directory was last read. */
export interface AdminSummary {
  departments: number;
  activePeople: number;
  lastDirectorySync: { status: string; startedAt: Date; finishedAt: Date | null } | null;
}

export interface HomeDashboard {
  person: HomePerson;
  /** Most powerful first, from the access rules (admin, executive, lead, member). */
  roles: WorkspaceRole[];
  /** Only for admins. */
  admin: AdminSummary | null;
}
