import { installationServes, queryOfInstallation } from '../modules/installations/installation.rules.js';
import type { InstallationQuery } from '../modules/installations/installation.types.js';
import type { InstallationsService } from '../modules/installations/installations.service.js';
import type { BotIdentity } from './bot-identity.js';

/**
 * The installations Liaison holds, asked before any request is handled: does one of them
 * serve what this request says it is for? Both modes answer with the same rule
 * (installationServes); they differ only in where the installations come from.
 */
export interface InstalledTeams {
  serves(claim: InstallationQuery): Promise<boolean>;
}

/** Single-workspace mode (SLACK_BOT_TOKEN, Socket Mode, the local console): the token's one installation. */
export function tokenInstallation(bot: BotIdentity): InstalledTeams {
  const installed: InstallationQuery = {
    teamId: bot.teamId,
    isEnterpriseInstall: bot.isEnterpriseInstall,
    ...(bot.enterpriseId ? { enterpriseId: bot.enterpriseId } : {}),
  };
  return { serves: async (claim) => installationServes(installed, claim) };
}

/** OAuth mode: the installation stored for the claim's team or org (answered from memory). */
export function storedInstallations(installations: Pick<InstallationsService, 'find'>): InstalledTeams {
  return {
    async serves(claim) {
      const active = await installations.find(claim);
      return active !== null && installationServes(queryOfInstallation(active.installation), claim);
    },
  };
}
