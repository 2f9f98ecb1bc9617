import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Config, ConfigError, loadConfig } from './config/env.js';
import type { Database } from './db/database.js';
import { startEmbeddedThreadEarly } from './db/embedded-thread/start-embedded-thread.js';
import { createLogger, fileDestination, type Logger } from './logger.js';
import type { BotIdentity } from './slack/bot-identity.js';
import type { WorkspaceTokenSource } from './slack/workspace-clients.js';

const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../prisma/migrations');

/** Exits with one readable line per configuration problem, never a stack trace or a secret. */
function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Liaison cannot start: the configuration is invalid.\n`);
      for (const problem of error.problems) process.stderr.write(`  - ${problem}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** In the console the terminal belongs to the person; the JSON log goes to a file. */
function consoleLogger(config: Config): { logger: Logger; path: string } {
  const path = resolve(config.database.embeddedDataDir, '..', 'liaison.log');
  return { logger: createLogger({ level: config.logLevel, destination: fileDestination(path) }), path };
}

/** Asked before the database is opened: a refused token stops Liaison at once, with nothing created. */
async function botIdentityOrExit(botToken: string, apiUrl: string): Promise<BotIdentity> {
  const { resolveBotIdentity } = await import('./slack/bot-identity.js');
  try {
    return await resolveBotIdentity(botToken, apiUrl);
  } catch (error) {
    process.stderr.write(`Liaison cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

/** Start-up failures that are the operator's to fix (a wrong key, a taken port): one line, no stack trace. */
async function orExit<T>(db: Database, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await db.close();
    process.stderr.write(`Liaison cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

/** What a started Liaison stops on shutdown: its background work, then its Slack side. */
interface Running {
  background: { stop(): Promise<void> };
  stop(): Promise<void>;
}

async function main(): Promise<void> {
  const config = readConfig();
  // The embedded database opens in its own thread (after initdb in a child process when the
  // directory is new) while this thread loads the app; openDatabase takes it over.
  if (!config.database.url) startEmbeddedThreadEarly(config.database.embeddedDataDir);
  const {
    applyPendingMigrations,
    buildSlackDeps,
    createLlmClient,
    openDatabase,
    singleTokenSource,
    startBackgroundWork,
    startHttpMode,
    startLocalConsole,
    startSocketMode,
    systemClock,
  } = await import('./run/runtime-modules.js');
  const { logger, path: logPath } =
    config.slack.kind === 'console'
      ? consoleLogger(config)
      : { logger: createLogger({ level: config.logLevel }), path: undefined };
  const slack = config.slack;
  const bot =
    slack.kind === 'http' || slack.kind === 'socket'
      ? await botIdentityOrExit(slack.botToken, slack.apiUrl)
      : undefined;

  const db = await openDatabase({ ...config.database, logger });
  // From here a SIGTERM (a deploy, Ctrl-C) waits for the start to finish, then stops what
  // started and closes the database; the default action would end the process mid-write.
  // A second signal ends it at once (the handlers are `once`).
  let started: (running: Running) => void = () => {};
  const running = new Promise<Running>((resolve) => {
    started = resolve;
  });
  let stopping = false;
  async function shutdown(reason: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'Liaison is stopping');
    try {
      const { background, stop } = await running;
      await background.stop();
      await stop();
    } finally {
      await db.close();
      process.exit(0);
    }
  }
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    const { applied } = await applyPendingMigrations(db, { migrationsDir: MIGRATIONS_DIR, logger });
    if (applied.length > 0) logger.info({ applied }, 'database migrations applied');
  } catch (error) {
    await db.close();
    process.stderr.write(`Liaison cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }

  const llm = createLlmClient({ ...config.llm, logger });
  const deps = buildSlackDeps({
    db,
    clock: systemClock,
    logger,
    llm,
    llmDailyTokenBudget: config.llm.dailyTokenBudget,
    defaults: config.defaults,
    ...(slack.kind === 'oauth' ? { encryption: slack.encryption } : {}),
  });
  let stop: () => Promise<void>;
  /** Where background work gets each workspace's token, and (single workspace) the team to set up. */
  let tokenSource: WorkspaceTokenSource;
  let envTeamId: string | undefined;
  let consoleClosed: Promise<void> | undefined;

  if (slack.kind === 'oauth') {
    const running = await orExit(db, () =>
      startHttpMode({
        deps,
        signingSecret: slack.signingSecret,
        port: config.port,
        logger,
        clock: systemClock,
        app: { apiUrl: slack.apiUrl },
        oauth: {
          clientId: slack.clientId,
          clientSecret: slack.clientSecret,
          stateSecret: slack.stateSecret,
          ...(slack.redirectUri ? { redirectUri: slack.redirectUri } : {}),
        },
      }),
    );
    if (!running.tokenSource) throw new Error('OAuth mode started without an installation token source');
    stop = running.stop;
    tokenSource = running.tokenSource;
  } else if (slack.kind === 'http' && bot) {
    const running = await orExit(db, () =>
      startHttpMode({
        deps,
        signingSecret: slack.signingSecret,
        port: config.port,
        logger,
        clock: systemClock,
        app: { botToken: slack.botToken, apiUrl: slack.apiUrl, bot },
      }),
    );
    stop = running.stop;
    tokenSource = singleTokenSource({ token: slack.botToken, apiUrl: slack.apiUrl });
    envTeamId = bot.teamId;
  } else if (slack.kind === 'socket' && bot) {
    const running = await orExit(db, () =>
      startSocketMode({ deps, ...slack, bot, port: config.port, logger }),
    );
    stop = running.stop;
    tokenSource = singleTokenSource({ token: slack.botToken, apiUrl: slack.apiUrl });
    envTeamId = bot.teamId;
  } else {
    const running = await startLocalConsole({
      deps,
      db,
      config,
      logger,
      logPath,
      dataDir: resolve(config.database.embeddedDataDir, '..'),
    });
    stop = running.stop;
    const { standIn } = running;
    tokenSource = singleTokenSource({ token: standIn.botToken, apiUrl: standIn.url });
    envTeamId = standIn.teamId;
    consoleClosed = running.closed;
  }

  deps.slackClients.connect(tokenSource);
  const background = await startBackgroundWork({
    db,
    deps,
    clock: systemClock,
    logger,
    slack: { teamId: envTeamId },
  });
  started({ background, stop });
  consoleClosed?.then(() => shutdown('console closed'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Liaison stopped on an unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
