import { App, LogLevel, type Receiver } from '@slack/bolt';
import type { Logger } from '../logger.js';
import type { SlackDeps } from './deps.js';
import { createErrorHandler } from './error-handler.js';
import { registerActions } from './listeners/actions/index.js';
import { registerCommands } from './listeners/commands/index.js';
import { registerEvents } from './listeners/events/index.js';
import { deduplicateEvents } from './middleware/deduplicate-events.middleware.js';
import { modalFieldErrors } from './middleware/modal-field-errors.middleware.js';

export interface SlackAppOptions {
  receiver: Receiver;
  botToken: string;
  /** Base URL of the Web API: Slack's, or the local stand-in's. */
  apiUrl: string;
  /** Bolt's auth.test at start; off in console mode and tests that provide bot ids. */
  botUserId?: string;
  botId?: string;
  /** Extra listeners, registered after ours (tests use it to exercise the middleware). */
  extend?: (app: App) => void;
}

/** Bolt's logger interface over our pino logger, so Bolt's own lines are JSON too. */
function boltLogger(logger: Logger) {
  const child = logger.child({ component: 'bolt' });
  return {
    debug: (...msg: unknown[]) => child.debug(msg.map(String).join(' ')),
    info: (...msg: unknown[]) => child.info(msg.map(String).join(' ')),
    warn: (...msg: unknown[]) => child.warn(msg.map(String).join(' ')),
    error: (...msg: unknown[]) => child.error(msg.map(String).join(' ')),
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
    token: options.botToken,
    botUserId: options.botUserId,
    botId: options.botId,
    tokenVerificationEnabled: !knowsBotIdentity,
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
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
  options.extend?.(app);
  app.error(createErrorHandler(app, deps));
  return app;
}
