import type { SupportedLocale } from '../../i18n/locales.js';
import type { WorkspaceDto } from '../workspaces/workspace.types.js';

export type RevokedReason = 'app_uninstalled' | 'tokens_revoked';

/**
 * Bolt's Installation object (@slack/oauth), as far as Liaison reads it. The whole object is
 * kept (encrypted) so Bolt gets back exactly what it stored, refresh tokens included; this
 * module only looks at the fields named here and cannot import @slack/*.
 */
export interface SlackInstallationRecord {
  team?: { id: string; name?: string } | null;
  enterprise?: { id: string; name?: string } | null;
  isEnterpriseInstall?: boolean;
  appId?: string;
  tokenType?: string;
  authVersion?: 'v1' | 'v2';
  bot?: {
    token: string;
    refreshToken?: string;
    /** Token rotation: when the bot token expires, in seconds since the epoch (UTC). */
    expiresAt?: number;
    scopes: string[];
    id: string;
    userId: string;
  };
  user: { id: string; token?: string; refreshToken?: string; expiresAt?: number; scopes?: string[] };
  [key: string]: unknown;
}

/** Which installation a request belongs to (Bolt's InstallationQuery, in our words). */
export interface InstallationQuery {
  teamId?: string;
  enterpriseId?: string;
  /** An org-wide install answers for every team of its org. */
  isEnterpriseInstall: boolean;
}

/** An installation as the rest of Liaison sees it: no tokens. */
export interface InstallationDto {
  id: string;
  workspaceId: string;
  /** The installed team; null for an org-wide install. */
  slackTeamId: string | null;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  appId: string | null;
  botUserId: string | null;
  botId: string | null;
  botScopes: string[];
  botTokenExpiresAt: Date | null;
  installedBySlackId: string | null;
  revokedAt: Date | null;
  revokedReason: RevokedReason | null;
}

/** A stored installation: what the row says, and Bolt's object still encrypted. */
export interface StoredInstallation {
  installation: InstallationDto;
  workspace: WorkspaceDto;
  installationEncrypted: string | null;
}

/** A usable installation: decrypted, not revoked. */
export interface ActiveInstallation {
  installation: InstallationDto;
  workspace: WorkspaceDto;
  record: SlackInstallationRecord;
}

/** Where an install lands: one Liaison workspace per team, or per org for an org-wide install. */
export interface InstallationTarget {
  slackTeamId: string;
  enterpriseId: string | null;
  name: string;
  defaultLocale: SupportedLocale;
  defaultTimeZone: string;
}

/** The columns written on every store (everything but ids and revocation). */
export interface InstallationColumns {
  slackTeamId: string | null;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  appId: string | null;
  botUserId: string | null;
  botId: string | null;
  botScopes: string[];
  botTokenExpiresAt: Date | null;
  installedBySlackId: string | null;
  installationEncrypted: string;
}

/** A schedule an uninstall paused, to be resumed from its next slot after a reinstall. */
export interface SchedulePausedByUninstall {
  id: string;
  recurrence: unknown;
  timeOfDay: string;
  timeZone: string;
  calendarId: string | null;
  skipNonWorkingDays: boolean;
}

export type StoreOutcome = 'created' | 'reinstalled' | 'updated';

export interface RevokeReport {
  installation: InstallationDto;
  workspace: WorkspaceDto;
  pausedSchedules: number;
  cancelledDeliveries: number;
}
