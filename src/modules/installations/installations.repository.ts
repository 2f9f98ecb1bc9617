import type {
  InstallationColumns,
  InstallationTarget,
  RevokedReason,
  RevokeReport,
  SchedulePausedByUninstall,
  StoredInstallation,
  StoreOutcome,
} from './installation.types.js';

export interface InstallationsRepository {
  /**
   * In one transaction: the workspace (created with the defaults if new, `uninstalledAt`
   * cleared), its one installation row (inserted or replaced, revocation cleared), the
   * schedules an uninstall paused made active again at the given next slots, and an audit
   * row ('installation.created' or 'installation.updated', tokens never included).
   */
  store(input: {
    target: InstallationTarget;
    columns: InstallationColumns;
    resume: ReadonlyArray<{ scheduleId: string; nextRunAt: Date | null }>;
    actorSlackId: string | undefined;
  }): Promise<{ stored: StoredInstallation; outcome: StoreOutcome; resumedSchedules: number }>;
  /** Schedules of the workspace for this Slack team (or org) that an uninstall paused. */
  schedulesPausedByUninstall(slackTeamId: string): Promise<SchedulePausedByUninstall[]>;
  /** The team's own (not org-wide) installation, revoked or not. */
  findByTeam(teamId: string): Promise<StoredInstallation | null>;
  /** The org-wide installation of an Enterprise org, revoked or not. */
  findOrgInstall(enterpriseId: string): Promise<StoredInstallation | null>;
  findByWorkspace(workspaceId: string): Promise<StoredInstallation | null>;
  /** Every installation that is not revoked (warm-up). */
  listActive(): Promise<StoredInstallation[]>;
  /** Replaces the encrypted object only (re-encryption under a new key); no audit, nothing else changes. */
  replaceEncrypted(installationId: string, installationEncrypted: string): Promise<void>;
  /**
   * In one transaction: the installation marked revoked, the workspace uninstalled, its
   * ACTIVE schedules PAUSED (pausedReason 'uninstalled'), its QUEUED and HELD deliveries
   * CANCELLED, and an 'installation.revoked' audit row. Null when there is no such
   * installation or it is already revoked.
   */
  revoke(input: {
    installationId: string;
    reason: RevokedReason;
    actorSlackId: string | undefined;
    now: Date;
  }): Promise<RevokeReport | null>;
}
