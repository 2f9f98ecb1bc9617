import { describe, expect, it } from 'vitest';
import { consoleForThisFile } from '../harness/console-terminal.js';

const local = consoleForThisFile({ connectSlackClients: true });
const { stdin } = local.terminal;
const type = (line: string) => local.terminal.type(line);
const screenOf = () => local.terminal.screen;

/** Waits until the screen shows `text` after position `from`. */
async function shown(text: string | RegExp, from: number): Promise<string> {
  // Cards are posted in the background: long enough for a loaded machine, over when they show.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const part = screenOf().slice(from);
    if (typeof text === 'string' ? part.includes(text) : text.test(part)) return part;
    if (Date.now() > deadline) throw new Error(`the console never showed ${String(text)}:\n${part}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// The demo's departments speak Chinese: their cards (text and buttons) are in Chinese; what
// a button opens or answers is in the language of whoever pressed it (Alex: English).
describe('escalation cards in the local console', () => {
  it('shows the card in the departments’ channels, in Chinese, and its buttons work there', async () => {
    const channels = await local.db.prisma.department.findMany({
      where: { key: { in: ['live-ops', 'tech'] } },
      select: { key: true, slackChannelId: true },
      orderBy: { key: 'asc' },
    });
    expect(channels).toEqual([
      { key: 'live-ops', slackChannelId: 'C0LIVEOPS' },
      { key: 'tech', slackChannelId: 'C0TECH' },
    ]);
    const lin = await local.db.prisma.person.findFirstOrThrow({ where: { slackUserId: 'U0DEMOLIN' } });
    const dept = async (key: string) =>
      (await local.db.prisma.department.findFirstOrThrow({ where: { key } })).id;
    const from = screenOf().length;
    const esc = await local.deps.escalations.raise(await local.deps.authorization.subjectOf(lin.id), {
      title: 'Stock for Friday',
      blocked: 'The live stream',
      impact: 'Sales',
      decisionNeeded: 'Which stock',
      options: [],
      severity: 'HIGH',
      raiserDepartmentId: await dept('live-ops'),
      counterpartDepartmentIds: [await dept('tech')],
    });
    await local.deps.escalationCards.refresher.settled();
    const card = await shown(`── #tech ──`, from);
    expect(card).toContain(`ESC-${esc.number}`);
    expect(screenOf().slice(from)).toContain('── #live-ops ──');
    // The console starts as Alex, Tech's lead: he acknowledges (确认) from the card in #tech.
    const techCard = screenOf().slice(from + screenOf().slice(from).indexOf('── #tech ──'));
    expect(techCard).toMatch(/严重程度\s+状态/);
    expect(techCard).toMatch(/高\s+待处理/);
    const button = /\[(\d+)\s*确认\s*\]/.exec(techCard) ?? /\[(\d+)\][^\n]*确认/.exec(techCard);
    if (!button) throw new Error(`no 确认 (Acknowledge) button on:\n${techCard}`);
    const before = screenOf().length;
    await type(`press ${button[1]}`);
    await shown(`You acknowledged ESC-${esc.number}.`, before);
    await local.deps.escalationCards.refresher.settled();
    await shown(/高\s+已确认/, before);
    const status = await local.db.prisma.escalation.findFirstOrThrow({
      where: { id: esc.id },
      select: { status: true },
    });
    expect(status.status).toBe('ACKNOWLEDGED');
  });

  it('resolves from the card through the modal, and the card says so', async () => {
    const last = screenOf().slice(screenOf().lastIndexOf('── #tech ──'));
    const resolve = /\[(\d+)\] 解决…/.exec(last);
    if (!resolve) throw new Error(`no 解决… (Resolve…) button on:\n${last}`);
    let before = screenOf().length;
    await type(`press ${resolve[1]}`);
    const modal = await shown('Decision', before);
    const field = /\[(\d+)\][^\n]*Decision/.exec(modal) ?? /Decision[^\n]*\n[^\n]*\[(\d+)\]/.exec(modal);
    if (!field) throw new Error(`no Decision field in:\n${modal}`);
    await type(`set ${field[1]} Feature the old stock`);
    before = screenOf().length;
    await type('submit');
    await local.deps.escalationCards.refresher.settled();
    await shown('重新打开…', before);
    const esc = await local.db.prisma.escalation.findFirstOrThrow({ select: { status: true } });
    expect(esc.status).toBe('RESOLVED');
    expect(screenOf().slice(before)).toContain('Feature the old stock');
    expect(screenOf().slice(before)).toMatch(/高\s+已解决/);
  });

  it('shows a card raised from a piped script before the console says goodbye', async () => {
    // A script piped into `npm start` ends stdin right after its last line: what that line
    // started in the background (the cards) is still shown.
    let before = screenOf().length;
    await type('/escalate');
    const modal = await shown('Raise an escalation', before);
    const number = (label: string) => {
      const found = new RegExp(`\\[(\\d+)\\] ${label}`).exec(modal);
      if (!found) throw new Error(`no field ${label} in:\n${modal}`);
      return found[1];
    };
    before = screenOf().length;
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
    await local.running.closed;
    const after = screenOf().slice(before);
    const card = after.indexOf('Piped courier cut-off\n严重程度');
    expect(card).toBeGreaterThan(-1);
    expect(card).toBeLessThan(after.lastIndexOf('Bye.'));
  });
});
