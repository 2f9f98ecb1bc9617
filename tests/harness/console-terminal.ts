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

/**
 * How long a typed line (and what it set off: a card posted, a file uploaded) may take to
 * show. Waits end as soon as the console is done, so this only matters on a loaded machine,
 * where a line that takes 0.2 s idle can take ten times that.
 */
const LINE_WAIT_MS = 30_000;

/** Types lines into the local console as a person would and reads the terminal. */
export class ConsoleTerminal {
  readonly stdin = new PassThrough();
  readonly stdout = new PassThrough();
  private output = '';
  private typed = 0;
  private running: RunningConsole | undefined;

  constructor() {
    this.stdout.on('data', (chunk) => {
      this.output += String(chunk);
    });
  }

  /** The console reading this terminal: `type` waits until it has handled each line. */
  attach(running: RunningConsole): void {
    this.running = running;
    this.typed = running.linesHandled();
  }

  get screen(): string {
    return this.output;
  }

  /** Types a line and waits until the console has handled it (and shown what it started). */
  async type(line: string): Promise<string> {
    const before = this.output.length;
    this.typed += 1;
    const wanted = this.typed;
    this.stdin.write(`${line}\n`);
    const running = this.running;
    if (!running) throw new Error('ConsoleTerminal.type before attach(running)');
    const deadline = Date.now() + LINE_WAIT_MS;
    while (running.linesHandled() < wanted) {
      if (Date.now() > deadline)
        throw new Error(`the console did not finish "${line}" in ${LINE_WAIT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.output.slice(before);
  }

  /** Waits until the screen, from `from` on, shows `text` (background work: uploads, cards). */
  async waitFor(text: string, from = 0): Promise<string> {
    const deadline = Date.now() + LINE_WAIT_MS;
    while (!this.output.slice(from).includes(text)) {
      if (Date.now() > deadline)
        throw new Error(`the console never showed "${text}":\n${this.output.slice(from)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.output.slice(from);
  }
}

/** Starts the local console on `db`, as main.ts does, typed into through `terminal`. */
export async function startConsoleOn(
  db: TestDatabase,
  terminal: ConsoleTerminal,
  options: { connectSlackClients?: boolean; dataDir?: string } = {},
): Promise<{ deps: SlackDeps; running: RunningConsole }> {
  const config = loadConfig({});
  const { logger } = memoryLogger();
  const deps = buildSlackDeps({
    db,
    clock: systemClock,
    logger,
    llm: { mode: 'fallback' },
    defaults: config.defaults,
  });
  const running = await startLocalConsole({
    deps,
    db,
    config,
    logger,
    stdin: terminal.stdin,
    stdout: terminal.stdout,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  });
  terminal.attach(running);
  // As main.ts does: background work (escalation cards, Home refreshes) reaches the same stand-in.
  if (options.connectSlackClients)
    deps.slackClients.connect(
      singleTokenSource({ token: running.standIn.botToken, apiUrl: running.standIn.url }),
    );
  return { deps, running };
}

/**
 * One database and one local console for a whole test file, typed into through `.terminal`:
 * started before the first test, stopped and dropped after the last. Read `.db` and
 * `.running` inside tests.
 */
export function consoleForThisFile(options: { connectSlackClients?: boolean; dataDir?: string } = {}) {
  const state = { terminal: new ConsoleTerminal() } as {
    terminal: ConsoleTerminal;
    db: TestDatabase;
    deps: SlackDeps;
    running: RunningConsole;
  };
  beforeAll(async () => {
    state.db = await openTestDatabase();
    const started = await startConsoleOn(state.db, state.terminal, options);
    state.deps = started.deps;
    state.running = started.running;
  });
  afterAll(async () => {
    await state.running?.stop();
    await state.db?.close();
  });
  return state;
}
