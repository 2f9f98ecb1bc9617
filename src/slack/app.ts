import { App, type AppOptions, ignoreSelf, LogLevel, type Receiver, type ReceiverEvent } from '@slack/bolt';
import { registerFeatureListeners } from '../features/listener-routes.js';
import type { Logger } from '../logger.js';
import type { BotIdentity } from './bot-identity.js';
import type { SlackDeps } from './deps.js';
import { createErrorHandler } from './error-handler.js';
import { storedInstallations, tokenInstallation } from './installed-teams.js';
import { composeMiddleware } from './middleware/compose-middleware.js';
import { deduplicateEvents } from './middleware/deduplicate-events.middleware.js';
import { modalFieldErrors } from './middleware/modal-field-errors.middleware.js';
import { requestActor } from './middleware/request-actor.middleware.js';
import {
  createRequestAdmission,
  REQUEST_ADMISSION_DEFAULTS,
  type RequestAdmission,
  type RequestAdmissionOptions,
} from './request-admission.js';
import { createRequestGate, type RequestGate } from './request-gate.js';
import {
  type BoltAuthorize,
  useYoungMiddlewareArguments,
  withEveryContextKey,
} from './young-request-objects.js';

export interface SlackAppOptions {
  receiver: Receiver;
  /**
   * Single-workspace mode: the bot token from the environment. Absent in OAuth mode, where
   * the receiver carries Bolt's installer and every request is authorized from the
   * workspace's installation (cached; see src/slack/oauth).
   */
  botToken?: string;
  /** Base URL of the Web API: Slack's, or the local stand-in's. */
  apiUrl: string;
  /**
   * With `botToken`: who the token is (auth.test at start, or the stand-in's bot). Its team
   * and org are the only ones served; requests for any other workspace are refused.
   */
  bot?: BotIdentity;
  /** Extra listeners, registered after ours (tests use it to exercise the middleware). */
  extend?: (app: App) => void;
  /** How many requests are processed at once, and how long the rest may wait (defaults: REQUEST_ADMISSION_DEFAULTS). */
  admission?: Pick<RequestAdmissionOptions, 'limit' | 'maxWaitMs'>;
}

/**
 * @slack/web-api's debug lines print request bodies with token fields redacted, but not
 * oauth.v2.access's client_secret (the OAuth installer's calls): blank it in the text.
 */
function scrubbed(msg: unknown[]): string {
  return msg
    .map(String)
    .join(' ')
    .replace(/("client_secret"\s*:\s*")[^"]*"/g, '$1[redacted]"');
}

/** Bolt's logger interface over our pino logger, so Bolt's own lines are JSON too. */
export function boltLogger(logger: Logger) {
  const child = logger.child({ component: 'bolt' });
  return {
    debug: (...msg: unknown[]) => child.debug(scrubbed(msg)),
    info: (...msg: unknown[]) => child.info(scrubbed(msg)),
    warn: (...msg: unknown[]) => child.warn(scrubbed(msg)),
    error: (...msg: unknown[]) => child.error(scrubbed(msg)),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}

/**
 * Bolt's App with the request gate in front of its own processing (authorize, middleware,
 * listeners), and a bound on how many requests are processed at once (request-admission.ts).
 */
class GatedApp extends App {
  constructor(
    options: AppOptions,
    private readonly gate: RequestGate,
    private readonly admission: RequestAdmission,
  ) {
    super(options);
    // Bolt's own authorize (the token's, or the OAuth installer's), its results shaped so that
    // the context Bolt copies from them stays in the young generation (young-request-objects.ts).
    const bolt = this as unknown as { authorize?: BoltAuthorize };
    if (bolt.authorize) bolt.authorize = withEveryContextKey(bolt.authorize);
  }

  override async processEvent(event: ReceiverEvent): Promise<void> {
    if ((await this.gate(event)) === 'stop') return;
    const done = await this.admission.enter();
    try {
      await super.processEvent(event);
    } finally {
      done();
    }
  }
}

/** Requests over the bound wait their turn; said in the log at most once a minute. */
function requestAdmission(
  logger: Logger,
  bounds: Pick<RequestAdmissionOptions, 'limit' | 'maxWaitMs'> = REQUEST_ADMISSION_DEFAULTS,
): RequestAdmission {
  let lastSaid = 0;
  return createRequestAdmission({
    ...bounds,
    onQueued: (waiting) => {
      if (Date.now() - lastSaid < 60_000) return;
      lastSaid = Date.now();
      logger.warn(
        { waiting, limit: bounds.limit, maxWaitMs: bounds.maxWaitMs },
        'more requests than Liaison works on at once: the rest wait their turn',
      );
    },
  });
}

/** One Bolt app, the same listeners in every mode (HTTP, Socket Mode, local console). */
export function createSlackApp(deps: SlackDeps, options: SlackAppOptions): App {
  const bot = options.botToken ? options.bot : undefined;
  if (options.botToken && !bot)
    throw new Error('single-workspace mode needs the bot identity (auth.test) to know which team it serves');
  const gate = createRequestGate({
    // One rule in both modes: the token's installation, or the stored ones (OAuth).
    installed: bot ? tokenInstallation(bot) : storedInstallations(deps.installations),
    logger: deps.logger,
    defaults: deps.defaults,
  });
  const appOptions: AppOptions = {
    receiver: options.receiver,
    ...(options.botToken && bot
      ? {
          token: options.botToken,
          botUserId: bot.botUserId,
          botId: bot.botId,
          // Asked once at start (src/slack/bot-identity.ts), never on the acknowledgement path.
          tokenVerificationEnabled: false,
        }
      : {}),
    logger: boltLogger(deps.logger),
    // Bolt's conversation store (context.conversation) is a middleware on every request;
    // nothing in Liaison reads it.
    convoStore: false,
    // Bolt's own filter of the app's own events runs first in the composed middleware below.
    ignoreSelf: false,
    extendedErrorHandler: true,
    clientOptions: {
      // Bolt copies these options for every request and sets teamId on the copy: present
      // here, that is an overwrite, not an addition (young-request-objects.ts says why).
      teamId: undefined,
      slackApiUrl: options.apiUrl,
      // Interactive replies: fail fast rather than queue behind a long retry schedule.
      timeout: 10_000,
      retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 3_000 },
    },
  };
  useYoungMiddlewareArguments(deps.logger);
  const app = new GatedApp(appOptions, gate, requestAdmission(deps.logger, options.admission));
  // One Bolt middleware running ours in order (compose-middleware.ts says why).
  app.use(
    composeMiddleware([
      ignoreSelf,
      modalFieldErrors(deps),
      deduplicateEvents(deps),
      // Every listener finds who acts as `context.actor()`, resolved once, after its ack().
      requestActor(deps),
      // Every listener comes from a feature's declaration (src/features/features.ts): events
      // as Bolt listeners, everything else routed by id here (src/features/listener-routes.ts).
      registerFeatureListeners(app, deps, deps.features.listeners),
    ]),
  );
  options.extend?.(app);
  app.error(createErrorHandler(app, deps));
  return app;
}
