import type { Role } from '../people/person.types.js';

/**
 * Who is acting: the one actor type every service accepts. Always built from the signed
 * Slack request (team and user ids) or from Liaison itself, never from text or
 * private_metadata. In Slack listeners it is `(await context.actor()).subject`.
 */
export interface Actor {
  workspaceId: string;
  personId: string;
  slackUserId: string;
}

/** The actor with their roles, as the authorization rules see them (read fresh per request). */
export interface AccessSubject extends Actor {
  /** Slack workspace admin/owner, or granted Liaison admin. */
  isAdmin: boolean;
  memberships: ReadonlyArray<{ departmentId: string; role: Role }>;
}

/** The roles of the issue, derived: admin (workspace), executive, lead (lead or head of a department), member. */
export type WorkspaceRole = 'admin' | 'executive' | 'lead' | 'member';

/** Everything a service may ask permission for. Add a feature's actions here. */
export type Permission =
  | 'departments.manage'
  | 'departments.import'
  | 'departments.edit'
  | 'setup.demo'
  | 'directory.sync'
  | 'admins.manage'
  | 'audit.read'
  | 'export.workspace'
  | 'report.read'
  /** `/liaison ai`: whether a model is on, token use, the last failures. */
  | 'ai.status'
  /** Close or re-date an action item someone else owns (the owner always may). */
  | 'action_items.manage'
  /** Create and change OKRs: a department's (its leads), the company's (executives); admins all. */
  | 'okrs.edit'
  /** Define or change a KPI and its thresholds: admins and the owner department's leads. */
  | 'kpis.edit'
  /** Record a KPI's values: admins and the owner department's members. */
  | 'kpis.record'
  /** Create and revoke the KPI API's tokens. */
  | 'kpis.tokens'
  /** Workspace-wide OKR settings (the check-ins' confidence scale): admins. */
  | 'okrs.settings';

/** What an action is about, when the answer depends on it (a department for a lead). */
export interface AccessObject {
  departmentId?: string;
}
