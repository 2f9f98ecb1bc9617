import { describe, expect, it } from 'vitest';
import { consoleForThisFile } from '../harness/console-terminal.js';

const local = consoleForThisFile();
const { terminal } = local;

describe('local console', () => {
  it('greets a newcomer, having created the demo workspace with the 12 departments', async () => {
    expect(terminal.screen).toContain('Liaison local console');
    expect(terminal.screen).toContain('created the demo workspace with 12 departments');
    expect(await local.db.prisma.department.count()).toBe(12);
    expect(terminal.screen).toContain('You are Alex Morgan');
  });

  it('runs /liaison help through the real app and prints the reply as text', async () => {
    const shown = await terminal.type('/liaison help');
    expect(shown).toContain('Only visible to you');
    expect(shown).toContain('Liaison — cross-department coordination');
    expect(shown).toContain('/liaison whoami — your departments, role, time zone and language');
  });

  it('shows help answered inside the acknowledgement, once Alex is remembered', async () => {
    const standIn = local.running.standIn;
    standIn.clearCalls();
    const shown = await terminal.type('/liaison help'); // the second time: answered from memory
    expect(shown).toContain('Only visible to you');
    expect(shown).toContain('Liaison — cross-department coordination');
    expect(shown).toContain('/liaison whoami — your departments, role, time zone and language');
    const reply = standIn.ephemerals('U0DEMOALEX').at(-1);
    expect(reply?.source).toBe('command_ack');
    expect(standIn.callsTo('response_url')).toEqual([]);
  });

  it('shows the demo company on China’s calendar and its New York lead on the US one', async () => {
    expect(await terminal.type('/liaison calendar')).toContain(
      'You follow United States federal holidays (us) — your own choice.',
    );
  });

  it('switches to another demo person and answers in their language', async () => {
    expect(await terminal.type('as lin')).toContain('你现在是 林伟 Lin Wei');
    const shown = await terminal.type('/liaison whoami');
    expect(shown).toContain('直播运营 — 负责人');
    expect(shown).toContain('Asia/Shanghai');
    expect(await terminal.type('/liaison calendar')).toContain(
      '你遵循 中国法定节假日（含调休） (cn) — 工作区默认日历',
    );
  });

  it('shows the Home tab and explains its own commands', async () => {
    const home = await terminal.type('home');
    expect(home).toContain('欢迎使用 Liaison');
    expect(home).toContain('我的待办事项');
    expect(home).toContain('工作区（管理员）');
    expect(await terminal.type('help')).toMatch(/submit/);
  });

  it('delivers /liaison export me to the DM as files', async () => {
    const before = terminal.screen.length;
    await terminal.type('/liaison export me csv');
    // The files follow the private "preparing" answer once uploaded.
    const deadline = Date.now() + 8_000;
    while (!terminal.screen.slice(before).includes('audit_events.csv') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const shown = terminal.screen.slice(before);
    expect(shown).toContain('正在准备你自己的数据的导出');
    expect(shown).toContain('来自 Liaison 的私信');
    expect(shown).toMatch(/📎 liaison-me-\d{4}-\d\d-\d\d-person\.csv/);
  });

  it('explains a typo instead of failing', async () => {
    expect(await terminal.type('press 99')).toContain('[99]');
    expect(await terminal.type('/liaison wat')).toContain('没有 `/liaison wat`'.replaceAll('`', ''));
  });

  it('closes cleanly on Ctrl-D (end of input)', async () => {
    terminal.stdin.end();
    await local.running.closed;
    expect(terminal.screen).toContain('再见');
  });
});
