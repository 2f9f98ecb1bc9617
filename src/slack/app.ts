import { App, LogLevel, type Receiver } from '@slack/bolt';
import type { Logger } from '../logger.js';
import type { SlackDeps } from './deps.js';
import { createErrorHandler } from './error-handler.js';
import { registerActions } from './listeners/actions/index.js';
import { registerCommands } from './listeners/commands/index.js';
import { registerEvents } from './listeners/events/index.js';
import { registerShortcuts } from './listeners/shortcuts/index.js';
import { registerViews } from './listeners/views/index.js';
import { deduplicateEvents } from './middleware/deduplicate-events.middleware.js';
import { modalFieldErrors } from './middleware/modal-field-errors.middleware.js';
import { requestActor } from './middleware/request-actor.middleware.js';

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
  /** Bolt's auth.test at start; off in console mode and tests that provide bot ids. */
  botUserId?: string;
  botId?: string;
  /** Extra listeners, registered after ours (tests use it to exercise the middleware). */
  extend?: (app: App) => void;
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

/** One Bolt app, the same listeners in every mode (HTTP, Socket Mode, local console). */
export function createSlackApp(deps: SlackDeps, options: SlackAppOptions): App {
  const knowsBotIdentity = options.botUserId !== undefined && options.botId !== undefined;
  const app = new App({
    receiver: options.receiver,
    ...(options.botToken
      ? {
          token: options.botToken,
          botUserId: options.botUserId,
          botId: options.botId,
          tokenVerificationEnabled: !knowsBotIdentity,
        }
      : {}),
    logger: boltLogger(deps.logger),
    extendedErrorHandler: true,
    clientOptions: {
      slackApiUrl: options.apiUrl,
      // Interactive replies: fail fast rather than queue behind a long retry schedule.
      timeout: 10_000,
      retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 3_000 },
    },
  });
  app.use(modalFieldErrors(deps));
  app.use(deduplicateEvents(deps));
  // Every listener finds who acts as `context.actor()`, resolved once, after its ack().
  app.use(requestActor(deps));
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerShortcuts(app, deps);
  options.extend?.(app);
  app.error(createErrorHandler(app, deps));
  return app;
}
