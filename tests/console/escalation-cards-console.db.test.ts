import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { type RunningConsole, startLocalConsole } from '../../src/console/local-console.js';
import { systemClock } from '../../src/modules/shared/clock.js';
import { buildSlackDeps } from '../../src/services.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import { singleTokenSource } from '../../src/slack/workspace-clients.js';
import { memoryLogger } from '../harness/memory-logger.js';
import { openTestDatabase, type TestDatabase } from '../harness/test-database.js';

let db: TestDatabase;
let deps: SlackDeps;
let running: RunningConsole;
const stdin = new PassThrough();
const stdout = new PassThrough();
let screen = '';
stdout.on('data', (chunk) => {
  screen += String(chunk);
});

/** Waits until the screen shows `text` after position `from`. */
async function shown(text: string | RegExp, from: number): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const part = screen.slice(from);
    if (typeof text === 'string' ? part.includes(text) : text.test(part)) return part;
    if (Date.now() > deadline) throw new Error(`the console never showed ${String(text)}:\n${part}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  db = await openTestDatabase();
  const config = loadConfig({});
  const { logger } = memoryLogger();
  deps = buildSlackDeps({
    db,
    clock: systemClock,
    logger,
    llm: { mode: 'fallback' },
    defaults: config.defaults,
  });
  running = await startLocalConsole({ deps, db, config, logger, stdin, stdout });
  // As main.ts does: background work (cards) reaches the same stand-in.
  deps.slackClients.connect(
    singleTokenSource({ token: running.standIn.botToken, apiUrl: running.standIn.url }),
  );
});

afterAll(async () => {
  await running?.stop();
  await db?.close();
});

describe('escalation cards in the local console', () => {
  it('shows the card in the departments’ channels and its buttons work there', async () => {
    const channels = await db.prisma.department.findMany({
      where: { key: { in: ['live-ops', 'tech'] } },
      select: { key: true, slackChannelId: true },
      orderBy: { key: 'asc' },
    });
    expect(channels).toEqual([
      { key: 'live-ops', slackChannelId: 'C0LIVEOPS' },
      { key: 'tech', slackChannelId: 'C0TECH' },
    ]);
    const lin = await db.prisma.person.findFirstOrThrow({ where: { slackUserId: 'U0DEMOLIN' } });
    const dept = async (key: string) => (await db.prisma.department.findFirstOrThrow({ where: { key } })).id;
    const from = screen.length;
    const esc = await deps.escalations.raise(await deps.authorization.subjectOf(lin.id), {
      title: 'Stock for Friday',
      blocked: 'The live stream',
      impact: 'Sales',
      decisionNeeded: 'Which stock',
      options: [],
      severity: 'HIGH',
      raiserDepartmentId: await dept('live-ops'),
      counterpartDepartmentIds: [await dept('tech')],
    });
    await deps.escalationCards.refresher.settled();
    const card = await shown(`── #C0TECH ──`, from);
    expect(card).toContain(`ESC-${esc.number}`);
    expect(screen.slice(from)).toContain('── #C0LIVEOPS ──');
    // The console starts as Alex, Tech's lead: he acknowledges from the card in #tech.
    const techCard = screen.slice(from + screen.slice(from).indexOf('── #C0TECH ──'));
    const button = /\[(\d+)\s*Acknowledge\s*\]/.exec(techCard) ?? /\[(\d+)\][^\n]*Acknowledge/.exec(techCard);
    if (!button) throw new Error(`no Acknowledge button on:\n${techCard}`);
    const before = screen.length;
    stdin.write(`press ${button[1]}\n`);
    await shown(`You acknowledged ESC-${esc.number}.`, before);
    await deps.escalationCards.refresher.settled();
    await shown(/high\s+acknowledged/, before);
    const status = await db.prisma.escalation.findFirstOrThrow({
      where: { id: esc.id },
      select: { status: true },
    });
    expect(status.status).toBe('ACKNOWLEDGED');
  });

  it('resolves from the card through the modal, and the card says so', async () => {
    const last = screen.slice(screen.lastIndexOf('── #C0TECH ──'));
    const resolve = /\[(\d+)\] Resolve…/.exec(last);
    if (!resolve) throw new Error(`no Resolve button on:\n${last}`);
    let before = screen.length;
    stdin.write(`press ${resolve[1]}\n`);
    const modal = await shown('Decision', before);
    const field = /\[(\d+)\][^\n]*Decision/.exec(modal) ?? /Decision[^\n]*\n[^\n]*\[(\d+)\]/.exec(modal);
    if (!field) throw new Error(`no Decision field in:\n${modal}`);
    stdin.write(`set ${field[1]} Feature the old stock\n`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    before = screen.length;
    stdin.write('submit\n');
    await deps.escalationCards.refresher.settled();
    await shown('Reopen…', before);
    const esc = await db.prisma.escalation.findFirstOrThrow({ select: { status: true } });
    expect(esc.status).toBe('RESOLVED');
    expect(screen.slice(before)).toContain('Feature the old stock');
    expect(screen.slice(before)).toMatch(/high\s+resolved/);
  });

  it('shows a card raised from a piped script before the console says goodbye', async () => {
    // A script piped into `npm start` ends stdin right after its last line: what that line
    // started in the background (the cards) is still shown.
    let before = screen.length;
    stdin.write('/escalate\n');
    const modal = await shown('Raise an escalation', before);
    const number = (label: string) => {
      const found = new RegExp(`\\[(\\d+)\\] ${label}`).exec(modal);
      if (!found) throw new Error(`no field ${label} in:\n${modal}`);
      return found[1];
    };
    before = screen.length;
    stdin.write(
      [
        `set ${number('Title')} Piped courier cut-off`,
        `set ${number('What is blocked')} Orders after 15:00`,
        `choose ${number('Other department')} Supply Chain`,
        `set ${number('Impact')} Late deliveries`,
        `set ${number('Decision needed')} Cut-off or later pickup?`,
        'submit',
        '',
      ].join('\n'),
    );
    stdin.end();
    await running.closed;
    const after = screen.slice(before);
    const card = after.indexOf('Piped courier cut-off\nSeverity');
    expect(card).toBeGreaterThan(-1);
    expect(card).toBeLessThan(after.lastIndexOf('Bye.'));
  });
});
