import type { App } from '@slack/bolt';
import type { OAuthSettings } from '../config/env.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../modules/shared/clock.types.js';
import { boltLogger, createSlackApp, type SlackAppOptions } from '../slack/app.js';
import type { SlackDeps } from '../slack/deps.js';
import { healthRoute } from '../slack/health-route.js';
import { manifestBotScopes } from '../slack/oauth/bot-scopes.js';
import { installationTokenSource } from '../slack/oauth/installation-authorize.js';
import { liaisonInstallationStore } from '../slack/oauth/installation-store.js';
import {
  LiaisonHttpReceiver,
  SLACK_INSTALL_PATH,
  SLACK_OAUTH_REDIRECT_PATH,
} from '../slack/receivers/http-receiver.js';
import type { WorkspaceTokenSource } from '../slack/workspace-clients.js';

export interface RunningHttpApp {
  app: App;
  port: number;
  /** OAuth mode: tokens for background work, from each workspace's installation. */
  tokenSource?: WorkspaceTokenSource;
  /** OAuth mode: where an admin starts installing Liaison in a workspace. */
  installUrl?: string;
  stop(): Promise<void>;
}

/** Where people reach /slack/install: the public origin when known, else this machine. */
function installUrlOf(oauth: Pick<OAuthSettings, 'redirectUri'>, port: number): string {
  const origin = oauth.redirectUri ? new URL(oauth.redirectUri).origin : `http://localhost:${port}`;
  return `${origin}${SLACK_INSTALL_PATH}`;
}

/**
 * HTTP mode: POST /slack/events for everything Slack sends, GET /healthz for probes. With
 * `oauth`, also Bolt's install flow on GET /slack/install and /slack/oauth_redirect, and
 * every request is authorized from the installation of the workspace it came from.
 */
export async function startHttpMode(input: {
  deps: SlackDeps;
  signingSecret: string;
  port: number;
  logger: Logger;
  clock: Clock;
  app: Omit<SlackAppOptions, 'receiver'>;
  oauth?: Omit<OAuthSettings, 'signingSecret' | 'encryption'> & {
    /** Bot scopes to ask for; the manifest's by default. */
    scopes?: string[];
    directInstall?: boolean;
  };
}): Promise<RunningHttpApp> {
  const { deps, logger } = input;
  const oauth = input.oauth;
  if (oauth) {
    // Before the first request: after this, authorizing a request never waits on the database.
    const { loaded, reencrypted } = await deps.installations.warmUp();
    logger.info({ installations: loaded, reencrypted }, 'installations loaded');
  }
  const receiver = new LiaisonHttpReceiver({
    signingSecret: input.signingSecret,
    logger,
    clock: input.clock,
    routes: [healthRoute(deps.isDatabaseReachable), ...deps.features.httpRoutes(deps)],
    ...(oauth
      ? {
          oauth: {
            clientId: oauth.clientId,
            clientSecret: oauth.clientSecret,
            stateSecret: oauth.stateSecret,
            scopes: oauth.scopes ?? manifestBotScopes(),
            installationStore: liaisonInstallationStore(deps.installations, logger),
            apiUrl: input.app.apiUrl,
            ...(oauth.redirectUri ? { redirectUri: oauth.redirectUri } : {}),
            ...(oauth.directInstall !== undefined ? { directInstall: oauth.directInstall } : {}),
            boltLogger: boltLogger(logger),
          },
        }
      : {}),
  });
  const appOptions = oauth ? { ...input.app, botToken: undefined } : input.app;
  const app = createSlackApp(deps, { ...appOptions, receiver });
  const port = await receiver.start(input.port);
  logger.info({ port }, 'Liaison is listening for Slack on /slack/events');
  if (!oauth || !receiver.installer) return { app, port, stop: () => receiver.stop() };

  const installUrl = installUrlOf(oauth, port);
  logger.info(
    { installUrl, redirectPath: SLACK_OAUTH_REDIRECT_PATH },
    `Install Liaison in a workspace: open ${installUrl}`,
  );
  return {
    app,
    port,
    installUrl,
    tokenSource: installationTokenSource({
      installations: deps.installations,
      authorize: receiver.installer.authorize,
      apiUrl: input.app.apiUrl,
    }),
    stop: () => receiver.stop(),
  };
}
