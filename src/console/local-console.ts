import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Config } from '../config/env.js';
import type { Database } from '../db/database.js';
import { resolveLocale, translator } from '../i18n/catalog.js';
import type { Logger } from '../logger.js';
import { DEMO_PEOPLE, DEMO_TEAM } from '../modules/demo/demo.data.js';
import { createDemoPrismaRepository } from '../modules/demo/demo.prisma-repository.js';
import { ensureDemoChannels, ensureDemoOkrs, ensureDemoWorkspace } from '../modules/demo/demo.service.js';
import { createSlackApp } from '../slack/app.js';
import type { SlackDeps } from '../slack/deps.js';
import { ConsoleReceiver } from './console-receiver.js';
import { type ConsolePerson, ConsoleSession } from './console-session.js';
import { keepSlackStateSaved, type LoadedSlackState, loadSlackState } from './console-slack-state.js';
import { demoSlackUsers } from './demo-slack-users.js';
import { type SlackStandIn, startSlackStandIn } from './slack-stand-in/index.js';

const GENERAL = { id: 'C0GENERAL', name: 'general' };
/** How long a typed line may wait for the background work it started (cards, Home) to show. */
const BACKGROUND_WAIT_MS = 3_000;

function consolePeople(config: Config): ConsolePerson[] {
  return DEMO_PEOPLE.map((p) => ({
    userId: p.slackUserId,
    userName: p.displayName,
    realName: p.realName ?? p.displayName,
    locale: resolveLocale(p.locale, config.defaults.locale),
    timeZone: p.timeZone,
  }));
}

function pickStartPerson(people: ConsolePerson[], config: Config): ConsolePerson {
  const wanted = config.console.actAs?.toLowerCase();
  const byChoice = wanted
    ? people.find((p) => p.userId.toLowerCase() === wanted || p.userName.toLowerCase() === wanted)
    : undefined;
  const byLanguage = people.find((p) => p.locale === config.defaults.locale);
  const first = people[0];
  if (!first) throw new Error('the demo workspace has no people');
  return byChoice ?? byLanguage ?? first;
}

export interface RunningConsole {
  standIn: SlackStandIn;
  session: ConsoleSession;
  /** Resolves when the person quits (Ctrl-D or `quit`). */
  closed: Promise<void>;
  /** How many typed lines have been handled so far, what they started in the background included. */
  linesHandled(): number;
  stop(): Promise<void>;
}

/**
 * Liaison with no Slack at all: the real Bolt app and listeners, a Slack stand-in in the
 * process for the Web API, and the terminal as the Slack client.
 */
export async function startLocalConsole(input: {
  deps: SlackDeps;
  db: Database;
  config: Config;
  logger: Logger;
  logPath?: string;
  /**
   * Where the console keeps its Slack between runs (`console-slack.json`: channels, DMs,
   * files) and the files `open` saves (`files/`). Unset (tests): nothing is kept.
   */
  dataDir?: string;
  stdin?: NodeJS.ReadableStream;
  stdout?: NodeJS.WritableStream;
}): Promise<RunningConsole> {
  const { deps, config } = input;
  const stdout = input.stdout ?? process.stdout;
  const print = (text: string) => stdout.write(`${text}\n\n`);

  const demoRepo = createDemoPrismaRepository(input.db.prisma);
  const seeded = await ensureDemoWorkspace({ repo: demoRepo, defaults: config.defaults });
  // The demo's quarter of OKRs (needs its people and KPIs), once per quarter.
  await ensureDemoOkrs({ repo: demoRepo });
  const statePath = input.dataDir ? join(input.dataDir, 'console-slack.json') : undefined;
  const loaded: LoadedSlackState = statePath ? loadSlackState(statePath) : { kind: 'none' };
  const standIn = await startSlackStandIn({
    ...(loaded.kind === 'loaded' ? { state: loaded.state } : {}),
    teamId: DEMO_TEAM.teamId,
    teamName: DEMO_TEAM.name,
    users: demoSlackUsers(),
    // Department channels, where escalation cards are posted.
    channels: await ensureDemoChannels({ repo: demoRepo }),
    logger: input.logger.child({ component: 'slack-stand-in' }),
  });
  const receiver = new ConsoleReceiver();
  createSlackApp(deps, {
    receiver,
    botToken: standIn.botToken,
    apiUrl: standIn.url,
    bot: {
      botUserId: standIn.botUserId,
      botId: standIn.botId,
      teamId: standIn.teamId,
      isEnterpriseInstall: false,
    },
  });

  const people = consolePeople(config);
  const startAs = pickStartPerson(people, config);
  const saving = statePath
    ? keepSlackStateSaved(standIn, statePath, (error) =>
        input.logger.error({ err: error, path: statePath }, 'could not save the console state'),
      )
    : undefined;
  const downloadsDir = input.dataDir ? join(input.dataDir, 'files') : join(tmpdir(), 'liaison-console-files');
  const session = new ConsoleSession({
    standIn,
    receiver,
    people,
    startAs,
    channel: GENERAL,
    print,
    downloadsDir,
  });
  const detach = session.attach();

  const t = translator(startAs.locale);
  const others = people
    .filter((p) => p !== startAs)
    .map((p) => p.userName)
    .join(', ');
  print(
    [
      t('console.welcome', { workspace: DEMO_TEAM.name }),
      ...(seeded.created ? [t('console.demoCreated', { people: DEMO_PEOPLE.length })] : []),
      ...(loaded.kind === 'loaded'
        ? [
            t('console.restored', {
              path: statePath ?? '',
              messages: loaded.state.messages.length,
              files: loaded.state.files.length,
            }),
          ]
        : []),
      ...(loaded.kind === 'unreadable'
        ? [
            t('console.stateUnreadable', {
              path: statePath ?? '',
              reason: loaded.reason,
              movedTo: loaded.movedTo,
            }),
          ]
        : []),
      t('console.actingAs', {
        name: startAs.realName,
        userId: startAs.userId,
        channel: GENERAL.name,
        others,
      }),
      t('console.start'),
      ...(input.logPath ? [t('console.logFile', { path: input.logPath })] : []),
    ].join('\n'),
  );

  const rl = createInterface({ input: input.stdin ?? process.stdin, output: stdout, terminal: false });
  const closed = new Promise<void>((resolve) => {
    rl.on('close', () => resolve());
  });
  // What a line started in the background (a card posted in a channel, a Home refresh) is
  // shown before the next line is read, as it would appear in Slack a moment later; bounded,
  // so a slow refresh never holds the console.
  const settleBackgroundWork = () =>
    Promise.race([
      Promise.all([deps.escalationCards.refresher.settled(), deps.home.settled()]),
      new Promise((resolve) => setTimeout(resolve, BACKGROUND_WAIT_MS).unref()),
    ]);
  // Lines are handled one at a time, in order, as a person typing would expect.
  let queue = Promise.resolve();
  let handled = 0;
  rl.on('line', (line) => {
    queue = queue.then(async () => {
      try {
        const goOn = await session.handle(line);
        await settleBackgroundWork();
        if (!goOn) rl.close();
      } catch (error) {
        input.logger.error({ err: error }, 'console input failed');
        print(String(error instanceof Error ? error.message : error));
      } finally {
        handled += 1;
      }
    });
  });

  const finished = closed.then(() => queue);
  return {
    standIn,
    session,
    linesHandled: () => handled,
    closed: finished.then(() => {
      print(translator(session.locale)('console.goodbye'));
    }),
    async stop() {
      rl.close();
      await finished;
      detach();
      saving?.flush();
      saving?.stop();
      await standIn.close();
    },
  };
}
