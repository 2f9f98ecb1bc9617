import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import querystring from 'node:querystring';
import {
  type App,
  type Logger as BoltLogger,
  type BufferedIncomingMessage,
  defaultBodyLimit,
  HTTPModuleFunctions,
  HTTPReceiver,
  type InstallationStore,
  isRawBodyError,
  type Receiver,
  type ReceiverProcessEventErrorHandlerArgs,
} from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { Clock } from '../../modules/shared/clock.types.js';
import { newReferenceId } from '../error-handler.js';
import { type InstallationAuthorize, sharedAuthorize } from '../oauth/installation-authorize.js';
import { isMalformedRequest } from '../request-gate.js';
import { listenOn } from './listen.js';
import { HTTP_RESPONSE_PROPERTY } from './serialized-ack.js';
import { hasValidSlackSignature } from './slack-signature.js';

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

const FORM_TYPE = 'application/x-www-form-urlencoded';

/** Whether a form has a field named `name`, its name decoded as `querystring.parse` decodes it. */
export function formHasField(form: string, name: string): boolean {
  let start = 0;
  while (start < form.length) {
    const ampersand = form.indexOf('&', start);
    const end = ampersand === -1 ? form.length : ampersand;
    const equals = form.indexOf('=', start);
    const rawName = form.slice(start, equals === -1 || equals > end ? end : equals);
    const decoded = /[%+]/.test(rawName) ? querystring.unescape(rawName.replaceAll('+', ' ')) : rawName;
    if (decoded === name) return true;
    start = end + 1;
  }
  return false;
}

function firstHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Bolt's HTTPReceiver (ack timing, custom routes, OAuth install flow) behind gates, so that
 * no request can take the process down or go unanswered:
 *  - the signature is checked here, once, in Slack's five-minute window on the app's clock;
 *    anything not signed by Slack is refused with 401;
 *  - a request dated more than five minutes in the future is refused with 401 before any
 *    listener runs (Bolt accepts those, which would let a captured request be replayed later);
 *  - a signed body that is not a JSON object (`payload=null`) is refused with 400 here: Bolt
 *    would throw on it outside any handler, and the process would exit;
 *  - a request that fails before its listeners (a malformed body, see src/slack/request-gate.ts)
 *    is answered with 400, anything unexpected with 500, each logged with a reference.
 */
export class LiaisonHttpReceiver implements Receiver {
  private readonly inner: HTTPReceiver;
  private server: Server | undefined;
  /** Each request's response, for an acknowledgement serialised ahead of time (serialized-ack.ts). */
  private readonly responses = new WeakMap<IncomingMessage, ServerResponse>();
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
      // Checked once, here, against the app's clock (isSignedBySlack): Bolt's own check reads
      // the wall clock, so an app on any other clock (a test's fixed date) would refuse
      // Slack's requests as stale.
      signatureVerification: false,
      endpoints: [SLACK_EVENTS_PATH],
      customRoutes: options.routes,
      processEventErrorHandler: (args) => this.requestFailed(args),
      customPropertiesExtractor: (req) => {
        const response = this.responses.get(req);
        return response ? { [HTTP_RESPONSE_PROPERTY]: response } : {};
      },
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
    const timestamp = Number(firstHeader(req, 'x-slack-request-timestamp'));
    const nowSeconds = Math.floor(this.options.clock.now().getTime() / 1000);
    return Number.isFinite(timestamp) && timestamp > nowSeconds + MAX_CLOCK_SKEW_SECONDS;
  }

  /** Signed with our secret and in the replay window: only then does the body's shape matter. */
  private isSignedBySlack(req: BufferedIncomingMessage): boolean {
    const signature = firstHeader(req, 'x-slack-signature');
    const timestamp = Number(firstHeader(req, 'x-slack-request-timestamp'));
    if (!signature || !Number.isFinite(timestamp)) return false;
    return hasValidSlackSignature({
      signingSecret: this.options.signingSecret,
      rawBody: req.rawBody,
      signature,
      timestampSeconds: timestamp,
      nowMilliseconds: this.options.clock.now().getTime(),
    });
  }

  /** The body as Bolt will parse it is a JSON object; anything else (null, a number, a list) is not Slack's. */
  private static hasObjectBody(req: BufferedIncomingMessage): boolean {
    // A form without a `payload` field (a slash command) parses to an object: Bolt parses it
    // anyway, once is enough.
    if (firstHeader(req, 'content-type') === FORM_TYPE && !formHasField(req.rawBody.toString(), 'payload')) {
      return true;
    }
    try {
      const body: unknown = HTTPModuleFunctions.parseHTTPRequestBody(req);
      return typeof body === 'object' && body !== null && !Array.isArray(body);
    } catch {
      return true; // Not parseable at all: Bolt answers that with 400 itself.
    }
  }

  private refuse(res: ServerResponse, status: number, referenceId?: string): void {
    if (res.headersSent) return;
    if (!referenceId) {
      res.writeHead(status).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: false, reference: referenceId }));
  }

  /** POST /slack/events: read the body once (Bolt reuses it), check it, then hand it to Bolt. */
  private async receiveSlackRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let buffered: BufferedIncomingMessage;
    try {
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, defaultBodyLimit);
    } catch (error) {
      if (!isRawBodyError(error)) throw error;
      this.options.logger.warn({ err: error }, 'could not read a request body');
      this.refuse(res, error.statusCode === 413 ? 413 : 400);
      return;
    }
    if (!this.isSignedBySlack(buffered)) {
      this.options.logger.warn(
        { path: SLACK_EVENTS_PATH },
        'refused a request without a valid Slack signature',
      );
      this.refuse(res, 401);
      return;
    }
    if (!LiaisonHttpReceiver.hasObjectBody(buffered)) {
      const referenceId = newReferenceId();
      this.options.logger.warn({ referenceId }, 'refused a signed request whose body is not a JSON object');
      this.refuse(res, 400, referenceId);
      return;
    }
    this.responses.set(buffered, res);
    this.inner.requestListener(buffered, res);
  }

  /** Bolt's processEventErrorHandler: true when the request was answered here. */
  private async requestFailed(args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
    const { error, response } = args;
    if (isMalformedRequest(error)) {
      // Logged by the gate with its reference and the field at fault.
      this.refuse(response, 400, error.referenceId);
      return true;
    }
    const referenceId = newReferenceId();
    this.options.logger.error({ err: error, referenceId }, 'a Slack request failed before its listeners ran');
    if (response.headersSent) return false;
    this.refuse(response, 500, referenceId);
    return true;
  }

  readonly requestListener = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'POST' && path === SLACK_EVENTS_PATH) {
      if (this.isFutureDated(req)) {
        this.options.logger.warn({ path }, 'refused a request dated more than 5 minutes in the future');
        req.resume();
        res.writeHead(401).end();
        return;
      }
      this.receiveSlackRequest(req, res).catch((error: unknown) => {
        const referenceId = newReferenceId();
        this.options.logger.error({ err: error, referenceId, path }, 'a Slack request failed');
        this.refuse(res, 500, referenceId);
      });
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
    try {
      return await listenOn(server, port);
    } catch (error) {
      this.server = undefined;
      throw error;
    }
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
