export interface KpiApiTokenDto {
  id: string;
  workspaceId: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface KpiTokensRepository {
  /** Null when the workspace already has a token of that name. Audited in the same transaction. */
  create(input: {
    workspaceId: string;
    name: string;
    tokenHash: string;
    prefix: string;
    createdByPersonId: string;
    actorSlackId: string;
  }): Promise<KpiApiTokenDto | null>;
  list(workspaceId: string): Promise<KpiApiTokenDto[]>;
  /** Null when no active token has that name. Audited in the same transaction. */
  revoke(workspaceId: string, name: string, at: Date, actorSlackId: string): Promise<KpiApiTokenDto | null>;
  /** The active token of that hash, marked used. */
  useActive(tokenHash: string, at: Date): Promise<KpiApiTokenDto | null>;
}
