import type { HTTPReceiver, InstallationQuery } from '@slack/bolt';
import { queryOfInstallation } from '../../modules/installations/installation.rules.js';
import type { InstallationsService } from '../../modules/installations/installations.service.js';
import type { WorkspaceTokenSource } from '../workspace-clients.js';

type InstallProvider = NonNullable<HTTPReceiver['installer']>;
type AuthorizeResult = Awaited<ReturnType<InstallProvider['authorize']>>;
export type InstallationAuthorize = (source: InstallationQuery<boolean>) => Promise<AuthorizeResult>;

/**
 * Bolt's InstallProvider.authorize, with concurrent calls for the same installation sharing
 * one run. When a rotating token nears expiry, authorize() spends the refresh token; two
 * requests doing that at once would spend it twice and the second would fail. Each caller
 * gets its own copy of the result (Bolt writes the request's user id into it).
 */
export function sharedAuthorize(installer: Pick<InstallProvider, 'authorize'>): InstallationAuthorize {
  const running = new Map<string, Promise<AuthorizeResult>>();
  return (source) => {
    const key = source.isEnterpriseInstall ? `org:${source.enterpriseId}` : `team:${source.teamId}`;
    let pending = running.get(key);
    if (!pending) {
      pending = installer.authorize(source).finally(() => running.delete(key));
      running.set(key, pending);
    }
    return pending.then((result) => ({ ...result }));
  };
}

/**
 * Tokens for background work in OAuth mode: the workspace's installation, through the same
 * authorize() requests use, so an expiring rotating token is refreshed (and stored, encrypted)
 * before a job uses it. Null once Liaison is uninstalled there.
 */
export function installationTokenSource(input: {
  installations: InstallationsService;
  authorize: InstallationAuthorize;
  apiUrl: string;
}): WorkspaceTokenSource {
  return {
    apiUrl: input.apiUrl,
    async tokenFor(workspaceId) {
      const active = await input.installations.findForWorkspace(workspaceId);
      if (!active?.record.bot) return null;
      if (!active.record.bot.refreshToken) return active.record.bot.token;
      const authorized = await input.authorize(
        queryOfInstallation(active.installation) as InstallationQuery<boolean>,
      );
      return authorized.botToken ?? null;
    },
  };
}
