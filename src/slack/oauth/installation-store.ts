import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { SlackInstallationRecord } from '../../modules/installations/installation.types.js';
import type { InstallationsService } from '../../modules/installations/installations.service.js';

/** No active installation for a request's team or org: it is not answered (see the error handler). */
export class NotInstalledError extends Error {
  override readonly name = 'NotInstalledError';
}

/** True when `error`, or what it wraps (Bolt wraps twice), says Liaison is not installed there. */
export function isNotInstalled(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof NotInstalledError) return true;
    current = (current as { original?: unknown }).original;
  }
  return false;
}

/**
 * Bolt's InstallationStore over the installations service. Bolt calls fetchInstallation
 * inside authorize() for every request, before the acknowledgement: the service answers
 * from memory (preloaded at start, written through on every store and revocation), so
 * the ack never waits on the database. storeInstallation runs after an install, a
 * reinstall, and each token refresh Bolt performs when a rotating token nears expiry.
 */
export function liaisonInstallationStore(
  installations: InstallationsService,
  logger: Logger,
): InstallationStore {
  return {
    async storeInstallation(installation) {
      const {
        installation: stored,
        workspace,
        outcome,
      } = await installations.store(installation as unknown as SlackInstallationRecord);
      logger.info(
        {
          workspaceId: workspace.id,
          slackTeamId: stored.slackTeamId,
          enterpriseId: stored.enterpriseId,
          isEnterpriseInstall: stored.isEnterpriseInstall,
          installedBy: stored.installedBySlackId,
          outcome,
          botTokenExpiresAt: stored.botTokenExpiresAt,
        },
        outcome === 'updated'
          ? 'installation updated (reinstall or token refresh)'
          : `installation ${outcome}`,
      );
    },

    async fetchInstallation(query: InstallationQuery<boolean>) {
      const active = await installations.find({
        teamId: query.teamId,
        enterpriseId: query.enterpriseId,
        isEnterpriseInstall: query.isEnterpriseInstall,
      });
      if (!active) {
        const where = query.isEnterpriseInstall ? `org ${query.enterpriseId}` : `team ${query.teamId}`;
        throw new NotInstalledError(`Liaison is not installed for ${where} (or it was uninstalled)`);
      }
      // A copy: Bolt updates the object it is given when it refreshes a token.
      return structuredClone(active.record) as unknown as Installation;
    },

    async deleteInstallation(query: InstallationQuery<boolean>) {
      await installations.revoke({
        teamId: query.teamId,
        enterpriseId: query.enterpriseId,
        isEnterpriseInstall: query.isEnterpriseInstall,
        reason: 'app_uninstalled',
      });
    },
  };
}
