import type { PeopleDirectory, Role, SlackProfile } from '../people/person.types.js';

export interface DepartmentDto {
  id: string;
  workspaceId: string;
  key: string;
  nameEn: string;
  nameZh: string;
  description: string | null;
  slackChannelId: string | null;
  /** The language of what Liaison posts in its channel (`en`, `zh-CN`); null: the workspace's. */
  locale: string | null;
  archivedAt: Date | null;
}

export interface DepartmentMemberDto {
  personId: string;
  slackUserId: string;
  displayName: string;
  realName: string | null;
  email: string | null;
  role: Role;
}

/** A department with everyone in it (active people and deactivated ones alike), leads first. */
export interface DepartmentWithMembers extends DepartmentDto {
  members: DepartmentMemberDto[];
}

/** The department's own fields an edit may set; anything left undefined stays as it is. */
export interface DepartmentFields {
  key: string;
  nameEn: string;
  nameZh: string;
  description: string | null;
  slackChannelId: string | null;
  /** `en` or `zh-CN` (checked by fieldProblems); null: the workspace's default language. */
  locale: string | null;
}

/**
 * Who should hold each role, by Slack user id. A role left out is not touched; a role given
 * is exactly the people listed (others in that role are removed from the department).
 */
export type Roster = Partial<Record<Role, readonly string[]>>;

export interface DepartmentEdit {
  fields?: Partial<DepartmentFields>;
  archived?: boolean;
  roster?: Roster;
}

/** One membership change, planned against what is stored. */
export type MembershipOp =
  | { op: 'add'; slackUserId: string; role: Role }
  | { op: 'role'; personId: string; slackUserId: string; from: Role; to: Role }
  | { op: 'remove'; personId: string; slackUserId: string; role: Role };

/** What a repository applies for one department inside the caller's transaction. */
export interface DepartmentPlan {
  target:
    | { kind: 'create'; fields: DepartmentFields }
    | {
        kind: 'update';
        department: DepartmentDto;
        set: Partial<DepartmentFields> & { archivedAt?: Date | null };
      };
  memberships: MembershipOp[];
}

/** Each change as people read it afterwards (and as the audit log records it). */
export type DepartmentChange =
  | { kind: 'created' }
  | { kind: 'renamed'; before: Partial<DepartmentFields>; after: Partial<DepartmentFields> }
  | { kind: 'description_changed' }
  | { kind: 'channel_changed'; before: string | null; after: string | null }
  | { kind: 'language_changed'; before: string | null; after: string | null }
  | { kind: 'archived' }
  | { kind: 'unarchived' }
  | { kind: 'member_added'; slackUserId: string; role: Role }
  | { kind: 'role_changed'; slackUserId: string; from: Role; to: Role }
  | { kind: 'member_removed'; slackUserId: string; role: Role };

export interface DepartmentEditResult {
  department: DepartmentWithMembers;
  changes: DepartmentChange[];
}

/** Slack's directory as the department features need it: profiles by id, and by email. */
export interface DepartmentDirectory extends PeopleDirectory {
  /** users.lookupByEmail; null when nobody in the workspace has that address. */
  lookupByEmail(email: string): Promise<SlackProfile | null>;
}

/**
 * Told which departments' channel language changed (department form, CSV import), after the
 * change is stored, so their open escalation cards are shown again in the new language.
 */
export type DepartmentLanguageListener = (workspaceId: string, departmentIds: readonly string[]) => void;

/** Told whose memberships changed, so their Home tabs can be refreshed (the Home refresher). */
export interface MembershipChangeListener {
  requestRefresh(workspaceId: string, personIds: readonly string[]): void;
}
