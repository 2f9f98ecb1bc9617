import { describe, expect, it } from 'vitest';
import { NOTICE_2027_INVENTED } from '../fixtures/holiday-notices.js';
import { consoleForThisFile } from '../harness/console-terminal.js';

/** Adding a year of China's holidays at the local console: the same form, preview and confirm as in Slack. */
const local = consoleForThisFile();
const { terminal } = local;

async function screenShows(text: string, from: number): Promise<string> {
  const deadline = Date.now() + 8_000;
  while (!terminal.screen.slice(from).includes(text) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  return terminal.screen.slice(from);
}

describe('pasting the State Council’s notice at the local console', () => {
  it('opens the form, previews what it read, and stores it on confirm', async () => {
    await terminal.type('as lin');
    const form = await terminal.type('/liaison calendar notice');
    expect(form).toContain('添加一年的节假日');
    const box = /\[(\d+)\] 通知全文/.exec(form)?.[1];
    expect(box).toBeDefined();
    await terminal.type(`set ${box} ${NOTICE_2027_INVENTED.trim().replace(/\n/g, '\\n')}`);

    let from = terminal.screen.length;
    await terminal.type('submit');
    const preview = await screenShows('核对节假日', from);
    expect(preview).toContain('• 春节 — 放假（9 天）：2027年2月5日（周五）至2027年2月13日（周六）');
    expect(preview).toContain('通知中的每一条节假日安排都已读懂');
    expect(await local.db.prisma.calendarDate.count({ where: { calendar: { key: 'cn' } } })).toBe(0);

    from = terminal.screen.length;
    await terminal.type('submit');
    const done = await screenShows('节假日已添加', from);
    expect(done).toContain('已将 2027 年添加到 中国法定节假日（含调休） (cn)');
    expect(await local.db.prisma.calendarDate.count({ where: { calendar: { key: 'cn' } } })).toBe(35);
  });
});
