/** One audit row as people read it, with what its object is called now. */
export interface AuditEntryDto {
  id: string;
  at: Date;
  /** Null for Liaison itself (sync, jobs). */
  actorSlackId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  before: unknown;
  after: unknown;
  /** The department's key or the person's Slack id today; null when the object is gone or of another type. */
  objectLabel: { kind: 'department'; key: string } | { kind: 'person'; slackUserId: string } | null;
}

/** Which entries, resolved to stored ids. */
export type AuditFilter =
  | { kind: 'all' }
  | { kind: 'object'; objectType: string; objectId: string }
  /** Entries by the person, about them (their person row), or naming them (memberships). */
  | { kind: 'person'; slackUserId: string; personId: string | null };

export interface AuditLogRepository {
  /** Newest first. */
  recent(workspaceId: string, filter: AuditFilter, limit: number): Promise<AuditEntryDto[]>;
  departmentIdByKey(workspaceId: string, key: string): Promise<string | null>;
  personIdBySlackId(workspaceId: string, slackUserId: string): Promise<string | null>;
  /** Slack user ids of people with this handle (display name), compared case-insensitively. */
  slackIdsByHandle(workspaceId: string, handle: string): Promise<string[]>;
}
