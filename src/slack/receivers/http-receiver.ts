import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type App,
  type Logger as BoltLogger,
  HTTPReceiver,
  type InstallationStore,
  type Receiver,
} from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { Clock } from '../../modules/shared/clock.js';
import { type InstallationAuthorize, sharedAuthorize } from '../oauth/installation-authorize.js';

/** Slack's replay window; Bolt enforces it only for the past, we enforce it both ways. */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;
export const SLACK_EVENTS_PATH = '/slack/events';
export const SLACK_INSTALL_PATH = '/slack/install';
export const SLACK_OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

export interface HttpRoute {
  path: string;
  method: 'GET' | 'POST';
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
}

/** OAuth distribution: Bolt's own install flow (/slack/install, /slack/oauth_redirect). */
export interface ReceiverOAuthOptions {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** Bot scopes the install URL asks for (the manifest's). */
  scopes: string[];
  installationStore: InstallationStore;
  /** Web API base for oauth.v2.access and auth.test (Slack's, or the stand-in's). */
  apiUrl: string;
  /** Public URL of /slack/oauth_redirect; needed when the app lists several redirect URLs. */
  redirectUri?: string;
  /** Send the browser straight to Slack (default) instead of Bolt's "Add to Slack" page. */
  directInstall?: boolean;
  boltLogger: BoltLogger;
}

/**
 * Bolt's HTTPReceiver (signature check, ack timing, custom routes, OAuth install flow)
 * behind one extra gate: a request dated more than five minutes in the future is refused
 * with 401 before any listener runs. Bolt accepts those, which would let a captured request
 * be replayed later.
 */
export class LiaisonHttpReceiver implements Receiver {
  private readonly inner: HTTPReceiver;
  private server: Server | undefined;
  /**
   * Present in OAuth mode. Bolt's App looks for `receiver.installer.authorize` when it has no
   * token and authorizes every request through it (installation lookup, token refresh).
   */
  readonly installer: { authorize: InstallationAuthorize } | undefined;

  constructor(
    private readonly options: {
      signingSecret: string;
      logger: Logger;
      clock: Clock;
      routes: HttpRoute[];
      oauth?: ReceiverOAuthOptions;
    },
  ) {
    const oauth = options.oauth;
    this.inner = new HTTPReceiver({
      signingSecret: options.signingSecret,
      endpoints: [SLACK_EVENTS_PATH],
      customRoutes: options.routes,
      ...(oauth
        ? {
            clientId: oauth.clientId,
            clientSecret: oauth.clientSecret,
            stateSecret: oauth.stateSecret,
            scopes: oauth.scopes,
            installationStore: oauth.installationStore,
            logger: oauth.boltLogger,
            ...(oauth.redirectUri ? { redirectUri: oauth.redirectUri } : {}),
            installerOptions: {
              // /slack/install goes straight to Slack's consent page; an extra "Add to Slack" page adds nothing.
              directInstall: oauth.directInstall ?? true,
              // The state is signed, short-lived and bound to the browser by a cookie: a redirect
              // that did not start at our /slack/install is refused.
              stateVerification: true,
              installPath: SLACK_INSTALL_PATH,
              redirectUriPath: SLACK_OAUTH_REDIRECT_PATH,
              clientOptions: {
                slackApiUrl: oauth.apiUrl,
                timeout: 10_000,
                retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 3_000 },
              },
            },
          }
        : {}),
    });
    const provider = this.inner.installer;
    if (oauth && !provider)
      throw new Error('Bolt did not set up the OAuth installer (check the OAuth settings)');
    this.installer = provider ? { authorize: sharedAuthorize(provider) } : undefined;
  }

  init(app: App): void {
    this.inner.init(app);
  }

  private isFutureDated(req: IncomingMessage): boolean {
    const header = req.headers['x-slack-request-timestamp'];
    const timestamp = Number(Array.isArray(header) ? header[0] : header);
    const nowSeconds = Math.floor(this.options.clock.now().getTime() / 1000);
    return Number.isFinite(timestamp) && timestamp > nowSeconds + MAX_CLOCK_SKEW_SECONDS;
  }

  readonly requestListener = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'POST' && path === SLACK_EVENTS_PATH && this.isFutureDated(req)) {
      this.options.logger.warn({ path }, 'refused a request dated more than 5 minutes in the future');
      req.resume();
      res.writeHead(401).end();
      return;
    }
    try {
      this.inner.requestListener(req, res);
    } catch (error) {
      // Bolt throws for a path it does not serve; answer 404 instead of failing the process.
      this.options.logger.debug({ err: error, path, method: req.method }, 'no route for request');
      req.resume();
      if (!res.headersSent) res.writeHead(404).end();
    }
  };

  /** Listens on `port` (0 picks a free one) and resolves with the bound port. */
  async start(port: number): Promise<number> {
    const server = createServer(this.requestListener);
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, () => resolve());
    });
    return (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
