import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { consoleForThisFile } from '../harness/console-terminal.js';

/**
 * The console shows what Slack would: DMs to whoever you act as, a channel's latest
 * messages, people and channel pickers, unticking, multi-line messages and shared files.
 */
const local = consoleForThisFile();
const { terminal } = local;

/** The number the console gave the control labelled so (the last one shown). */
function field(shown: string, label: string): number {
  const numbers = [...shown.matchAll(/\[(\d+)\] (.+)/g)].filter((m) => m[2]?.startsWith(label));
  const number = Number(numbers.at(-1)?.[1]);
  if (!number) throw new Error(`no control "${label}" in:\n${shown}`);
  return number;
}

describe('the local console as a Slack client', () => {
  it('turns `\\n` typed in `say` into a new line of the message', async () => {
    const said = await terminal.type('say Stock list:\\n- SKU 1\\n- SKU 2');
    expect(said).toContain('Stock list:\n- SKU 1\n- SKU 2');
    expect(local.running.standIn.messages('C0GENERAL').at(-1)?.text).toBe('Stock list:\n- SKU 1\n- SKU 2');
  });

  it('lists the channels and shows one’s latest messages again', async () => {
    expect(await terminal.type('channel')).toContain('#general, #live-ops, #hosts');
    const general = await terminal.type('channel #general');
    expect(general).toContain('#general: the latest 1 of 1 messages');
    expect(general).toContain('- SKU 2');
    expect(await terminal.type('channel #tech')).toContain('No messages in #tech yet.');
    expect(await terminal.type('channel #nowhere')).toContain('There is no channel "nowhere"');
  });

  it('chooses a channel and people in a form’s pickers, and unticks a checkbox, in Chinese for Lin', async () => {
    await terminal.type('as lin');
    const form = await terminal.type('/liaison departments manage tech');
    // The console's own words follow Lin's language, as Slack's client does.
    expect(form).toContain('（选填）');
    expect(form).toContain('（空）');
    expect(form).not.toContain('(optional)');
    expect(form).toMatch(/\( \) \d+\. data/);
    await terminal.type(`choose ${field(form, 'Slack 频道')} #data`);
    await terminal.type(`choose ${field(form, '负责人')} Alex Morgan,张敏 Zhang Min`);
    const archive = field(form, '归档');
    expect(await terminal.type(`choose ${archive} 1`)).toMatch(/\[x\] 1\. 已归档/);
    const unticked = await terminal.type(`untick ${archive} 1`);
    expect(unticked).toMatch(/\[ \] 1\. 已归档/);
    expect(unticked).toMatch(/\(•\) \d+\. data/);
    await terminal.type('submit');

    const tech = await local.db.prisma.department.findFirstOrThrow({
      where: { key: 'tech' },
      include: { memberships: { include: { person: true } } },
    });
    expect(tech.slackChannelId).toBe('C0DATA');
    expect(tech.archivedAt).toBeNull();
    expect(
      tech.memberships
        .filter((m) => m.role === 'LEAD')
        .map((m) => m.person.slackUserId)
        .sort(),
    ).toEqual(['U0DEMOALEX', 'U0DEMOZHANG']);
  });

  it('shows a DM only to its recipient, in their inbox, and opens the file it carries', async () => {
    await terminal.type('as alex');
    const from = terminal.screen.length;
    await terminal.type('/liaison export me csv');
    const shown = await terminal.waitFor('person.csv', from);
    const name = /liaison-me-\d{4}-\d\d-\d\d-person\.csv/.exec(shown)?.[0] ?? '';
    expect(shown).toContain(`— \`open ${name}\``);

    // Lin sees neither Alex's DM nor its files.
    await terminal.type('as lin');
    expect(await terminal.type('inbox')).not.toContain(name);
    expect(await terminal.type(`open ${name}`)).toContain('你还没有文件');

    const back = await terminal.type('as alex');
    expect(back).toMatch(/Direct messages from Liaison to you: \d+\. Type `inbox` to read them\./);
    const inbox = await terminal.type('inbox');
    expect(inbox).toMatch(/Your direct messages from Liaison: the latest \d+ of \d+/);
    expect(inbox).toContain('Direct message from Liaison');
    expect(inbox).toContain(name);

    expect(await terminal.type('open')).toContain(`Your files: `);
    const opened = await terminal.type(`open ${name}`);
    expect(opened).toMatch(new RegExp(`File ${name.replace(/\./g, '\\.')} \\(\\d+ B\\)`));
    expect(opened).toContain('U0DEMOALEX');
    const path = /Saved to (.+)/.exec(opened)?.[1] ?? '';
    expect(readFileSync(path, 'utf8')).toContain('U0DEMOALEX');
    expect(await terminal.type('open nothing.csv')).toContain('You have no file called "nothing.csv"');
  });
});
