/** One state change, as the audit log keeps it. */
export interface AuditEntry {
  workspaceId: string;
  /** Slack user id of whoever caused the change; undefined for Liaison itself (sync, jobs). */
  actorSlackId?: string;
  action: string;
  objectType: string;
  objectId: string;
  before?: unknown;
  after?: unknown;
}
