import { describe, expect, it } from 'vitest';
import { consoleForThisFile } from '../harness/console-terminal.js';

/**
 * Raising an escalation at the local console, through the same listeners as Slack: `say`
 * posts a message in the console channel, `escalate-this` sends Slack's message_action for it.
 */
const local = consoleForThisFile();
const { terminal } = local;

/** The number the console gave the modal field labelled so (the last one shown). */
function field(shown: string, label: string): number {
  const numbers = [...shown.matchAll(/\[(\d+)\] (.+)/g)].filter((m) => m[2]?.startsWith(label));
  const number = Number(numbers.at(-1)?.[1]);
  if (!number) throw new Error(`no field "${label}" in:\n${shown}`);
  return number;
}

async function screenShows(text: string, from: number): Promise<string> {
  const deadline = Date.now() + 8_000;
  while (!terminal.screen.slice(from).includes(text) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  return terminal.screen.slice(from);
}

describe('escalating at the local console', () => {
  it('says what to do when there is no message to escalate yet', async () => {
    expect(await terminal.type('escalate-this')).toContain('No message to escalate yet');
  });

  it('escalates a message posted with `say`, quoting it, and tells the raiser the number', async () => {
    const said = await terminal.type('say The Friday stock list & the <!channel> host script are late');
    expect(said).toContain('The Friday stock list & the <!channel> host script are late');

    const modal = await terminal.type('escalate-this');
    expect(modal).toContain('Raise an escalation');
    expect(modal).toContain('From the message by @Alex Morgan:');
    expect(modal).toContain('> The Friday stock list & the <!channel> host script are late');
    expect(modal).toContain('(•) 1. Tech');
    expect(modal).toContain('Normal — a decision within 2 working days');

    await terminal.type(`set ${field(modal, 'Title')} Friday stock list`);
    await terminal.type(`choose ${field(modal, 'Other department')} Supply Chain`);
    await terminal.type(`set ${field(modal, 'Impact')} The Friday show cannot be planned`);
    await terminal.type(`set ${field(modal, 'Decision needed')} Which SKUs go live?`);
    await terminal.type(`set ${field(modal, 'Options')} Only SKUs in stock\\n* Pre-sale`);
    await terminal.type(`choose ${field(modal, 'Severity')} High`);
    const from = terminal.screen.length;
    await terminal.type('submit');
    const after = await screenShows('raised', from);
    expect(after).toContain('(modal closed)');
    expect(after).toContain('Only visible to you');
    expect(after).toMatch(
      /ESC-1 raised: Friday stock list\s+Level 1 is Alex Morgan and 张敏 Zhang Min, the leads of Tech and Supply Chain/,
    );

    const row = await local.db.prisma.escalation.findFirstOrThrow({ where: { number: 1 } });
    expect(row).toMatchObject({
      severity: 'HIGH',
      sourceChannelId: 'C0GENERAL',
      sourceQuote: 'The Friday stock list & the <!channel> host script are late',
      options: [
        { label: 'Only SKUs in stock', recommended: false },
        { label: 'Pre-sale', recommended: true },
      ],
    });
    expect(row.sourcePermalink).toMatch(/^https:\/\/.+\.slack\.com\/archives\/C0GENERAL\/p\d+$/);
  });

  it('opens the modal for /escalate in Chinese and shows a field error under the field', async () => {
    await terminal.type('as lin');
    const modal = await terminal.type('/escalate');
    expect(modal).toContain('发起升级');
    expect(modal).toContain('(•) 1. 直播运营');
    await terminal.type(`set ${field(modal, '标题')} 周五库存`);
    await terminal.type(`set ${field(modal, '卡在哪里')} 主播脚本`);
    await terminal.type(`choose ${field(modal, '涉及的其他部门')} 供应链`);
    await terminal.type(`set ${field(modal, '影响')} 周五直播`);
    await terminal.type(`set ${field(modal, '需要做出的决定')} 哪些 SKU 上架？`);
    await terminal.type(`set ${field(modal, '期望完成日期')} 2020-01-06`);
    const refused = await terminal.type('submit');
    expect(refused).toContain('该日期已经过去（今天是 ');
    expect(await local.db.prisma.escalation.count()).toBe(1);
  });

  it('lists the console commands for escalating in both languages', async () => {
    const zh = await terminal.type('help');
    expect(zh).toContain('say <text>');
    expect(zh).toContain('对上方最后一条消息使用消息快捷方式“升级此消息”');
  });
});
