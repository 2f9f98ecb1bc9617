import { PassThrough } from 'node:stream';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { type RunningConsole, startLocalConsole } from '../../src/console/local-console.js';
import { systemClock } from '../../src/modules/shared/clock.types.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import { singleTokenSource } from '../../src/slack/workspace-clients.js';
import { buildSlackDeps } from '../../src/wiring/build-slack-deps.js';
import { memoryLogger } from './memory-logger.js';
import { openTestDatabase, type TestDatabase } from './test-database.js';

/** Types lines into the local console as a person would and reads the terminal. */
export class ConsoleTerminal {
  readonly stdin = new PassThrough();
  readonly stdout = new PassThrough();
  private output = '';

  constructor() {
    this.stdout.on('data', (chunk) => {
      this.output += String(chunk);
    });
  }

  get screen(): string {
    return this.output;
  }

  /** Types a line and waits until the console has printed something new and gone quiet. */
  async type(line: string): Promise<string> {
    const before = this.output.length;
    this.stdin.write(`${line}\n`);
    const deadline = Date.now() + 8_000;
    let lastLength = -1;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 60));
      if (this.output.length > before && this.output.length === lastLength) break;
      lastLength = this.output.length;
    }
    return this.output.slice(before);
  }
}

/**
 * One database and one local console for a whole test file, typed into through `.terminal`:
 * started before the first test, stopped and dropped after the last. Read `.db` and
 * `.running` inside tests.
 */
export function consoleForThisFile(options: { connectSlackClients?: boolean } = {}) {
  const state = { terminal: new ConsoleTerminal() } as {
    terminal: ConsoleTerminal;
    db: TestDatabase;
    deps: SlackDeps;
    running: RunningConsole;
  };
  beforeAll(async () => {
    state.db = await openTestDatabase();
    const config = loadConfig({});
    const { logger } = memoryLogger();
    const deps = buildSlackDeps({
      db: state.db,
      clock: systemClock,
      logger,
      llm: { mode: 'fallback' },
      defaults: config.defaults,
    });
    state.deps = deps;
    state.running = await startLocalConsole({
      deps,
      db: state.db,
      config,
      logger,
      stdin: state.terminal.stdin,
      stdout: state.terminal.stdout,
    });
    // As main.ts does: background work (escalation cards, Home refreshes) reaches the same stand-in.
    if (options.connectSlackClients)
      deps.slackClients.connect(
        singleTokenSource({ token: state.running.standIn.botToken, apiUrl: state.running.standIn.url }),
      );
  });
  afterAll(async () => {
    await state.running?.stop();
    await state.db?.close();
  });
  return state;
}
