import { describe, expect, it } from 'vitest';
import { BLOCKS, COMMANDS } from '../../src/slack/ids.js';
import { ADMINS_BLOCKS } from '../../src/slack/views/admins.view.js';
import { AUDIT_BLOCKS } from '../../src/slack/views/audit.view.js';
import { blockById, textOf, textOfAll } from '../harness/blocks.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';

const file = liaisonForThisFile({ seedDemo: true });
const db = () => file.db.prisma;
const slack = () => file.liaison.slack;

async function replyTo(userId: string, text: string) {
  slack().reset();
  await file.liaison.driver.slashCommand({ command: COMMANDS.liaison, text, userId, channelId: 'C0GENERAL' });
  await slack().waitForCall('response_url');
  const reply = slack().ephemerals(userId, 'C0GENERAL').at(-1);
  if (!reply) throw new Error(`no reply to /liaison ${text}`);
  return reply;
}

const errorText = async (userId: string, text: string) =>
  textOf(blockById((await replyTo(userId, text)).blocks, BLOCKS.error.message));
const resultText = async (userId: string, text: string) =>
  textOf(blockById((await replyTo(userId, text)).blocks, ADMINS_BLOCKS.result));

const person = (slackUserId: string) =>
  db().person.findFirstOrThrow({
    where: { slackUserId },
    select: { id: true, isLiaisonAdmin: true, isWorkspaceAdmin: true },
  });

/** The entries of an audit reply, newest first, as text. */
function entries(blocks: unknown[] | undefined): string[] {
  return (blocks ?? [])
    .filter((b) => String((b as { block_id?: string }).block_id).startsWith('audit.entry.'))
    .map((b) => textOf(b as Record<string, unknown>));
}

describe('/liaison admins', () => {
  it('tells anyone who the admins are, and why', async () => {
    const reply = await replyTo('U0DEMOSAM', 'admins');
    expect(textOf(blockById(reply.blocks, ADMINS_BLOCKS.list))).toBe(
      '• <@U0DEMOLIN> — Slack workspace admin',
    );
  });

  it('refuses a grant from a non-admin before looking anyone up: nothing stored, the attempt audited', async () => {
    slack().addUser({ id: 'U0STRANGER', name: 'stranger' });
    expect(await errorText('U0DEMOSAM', 'admins add <@U0STRANGER|stranger>')).toContain(
      'Only Liaison admins',
    );
    expect(await db().person.count({ where: { slackUserId: 'U0STRANGER' } })).toBe(0);
    expect((await person('U0DEMOSAM')).isLiaisonAdmin).toBe(false);
    const refusal = await db().auditEvent.findFirstOrThrow({
      where: { action: 'authorization.refused', actorSlackId: 'U0DEMOSAM' },
    });
    expect(refusal.after).toEqual({ attempted: 'admins.manage' });
  });

  it('lets an admin grant admin rights by mention, audited; granting twice changes nothing', async () => {
    const helpFor = async (userId: string) =>
      textOfAll((await replyTo(userId, 'help')).blocks, BLOCKS.help.commands);
    expect(await helpFor('U0DEMOALEX')).not.toContain('/liaison audit');
    expect(await resultText('U0DEMOLIN', 'admins add <@U0DEMOALEX|alex>')).toBe(
      '<@U0DEMOALEX> 现在是 Liaison 管理员。',
    );
    const alex = await person('U0DEMOALEX');
    expect(alex.isLiaisonAdmin).toBe(true);
    const granted = await db().auditEvent.findFirstOrThrow({
      where: { action: 'person.admin_granted', objectId: alex.id },
    });
    expect(granted).toMatchObject({
      actorSlackId: 'U0DEMOLIN',
      objectType: 'person',
      before: { isLiaisonAdmin: false },
      after: { isLiaisonAdmin: true },
    });
    expect(await resultText('U0DEMOLIN', 'admins add <@U0DEMOALEX>')).toBe(
      '<@U0DEMOALEX> 已经是管理员，没有任何更改。',
    );
    expect(
      await db().auditEvent.count({ where: { action: 'person.admin_granted', objectId: alex.id } }),
    ).toBe(1);

    // At once, not after Liaison's minute of remembering who Alex is.
    expect(await helpFor('U0DEMOALEX')).toContain('/liaison audit');

    const list = await replyTo('U0DEMOSAM', 'admins');
    expect(textOf(blockById(list.blocks, ADMINS_BLOCKS.list))).toContain(
      '• <@U0DEMOALEX> — granted in Liaison',
    );
  });

  it('meets someone new through Slack to grant them, and takes rights back by @handle', async () => {
    slack().addUser({ id: 'U0NEWADMIN', name: 'newadmin', displayName: 'newadmin', locale: 'en-US' });
    expect(await resultText('U0DEMOALEX', 'admins add <@U0NEWADMIN|newadmin>')).toBe(
      '<@U0NEWADMIN> is now a Liaison admin.',
    );
    expect((await person('U0NEWADMIN')).isLiaisonAdmin).toBe(true);
    expect(await resultText('U0DEMOALEX', 'admins remove @newadmin')).toBe(
      '<@U0NEWADMIN> is no longer a Liaison admin.',
    );
    expect((await person('U0NEWADMIN')).isLiaisonAdmin).toBe(false);
    expect(await errorText('U0DEMOALEX', 'admins add everyone')).toContain('Usage: `/liaison admins`');
  });
});

describe('/liaison audit', () => {
  it('shows an admin the latest entries about a department, in their zone and language, changes escaped', async () => {
    await replyTo('U0DEMOLIN', 'departments rename finance en Finance & Tax');
    const reply = await replyTo('U0DEMOLIN', 'audit finance');
    expect(textOf(blockById(reply.blocks, AUDIT_BLOCKS.header))).toBe('审计日志 —— finance');
    expect(textOf(blockById(reply.blocks, AUDIT_BLOCKS.intro))).toContain('时间为 Asia/Shanghai 时间');
    const [latest, ...older] = entries(reply.blocks);
    expect(older).toEqual([]);
    expect(latest).toMatch(
      /^`\d{4}年\d{1,2}月\d{1,2}日（周.）\d{2}:\d{2}` <@U0DEMOLIN> · \*重命名了部门\* · `finance`/,
    );
    expect(latest).toContain('nameEn: Finance→Finance &amp; Tax');
  });

  it('filters by person (what they did and what was done to them) and by type:id, newest first', async () => {
    const alex = await person('U0DEMOALEX');
    const reply = await replyTo('U0DEMOALEX', 'audit <@U0DEMOALEX|alex>');
    const shown = entries(reply.blocks);
    expect(textOf(blockById(reply.blocks, AUDIT_BLOCKS.intro))).toContain('times in America/New_York');
    expect(shown[0]).toMatch(
      /^`[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}` <@U0DEMOALEX> · \*took back admin rights\* · <@U0NEWADMIN>/,
    );
    expect(shown[0]).toContain('isLiaisonAdmin: true→false');
    expect(shown.some((line) => line.includes('<@U0DEMOLIN> · *granted admin rights* · <@U0DEMOALEX>'))).toBe(
      true,
    );
    expect(shown.some((line) => line.includes('finance'))).toBe(false);

    const byId = entries((await replyTo('U0DEMOALEX', `audit person:${alex.id}`)).blocks);
    expect(byId.length).toBeGreaterThan(0);
    expect(byId.every((line) => line.includes('· <@U0DEMOALEX>'))).toBe(true);

    expect(await errorText('U0DEMOALEX', 'audit nowhere')).toContain('I cannot find “nowhere”');
  });

  it('is refused to a member, and the refusal is itself audited', async () => {
    const before = await db().auditEvent.count({
      where: { action: 'authorization.refused', actorSlackId: 'U0DEMOSAM' },
    });
    expect(await errorText('U0DEMOSAM', 'audit')).toContain('Only Liaison admins');
    expect(await errorText('U0DEMOSAM', 'audit finance')).toContain('Only Liaison admins');
    const refusals = await db().auditEvent.findMany({
      where: { action: 'authorization.refused', actorSlackId: 'U0DEMOSAM' },
      select: { after: true },
    });
    expect(refusals).toHaveLength(before + 2);
    expect(refusals.at(-1)?.after).toEqual({ attempted: 'audit.read' });
  });
});

describe('taking admin rights back', () => {
  it('takes back a granted admin’s rights; they can no longer read the audit log', async () => {
    expect(await resultText('U0DEMOLIN', 'admins remove @alex')).toBe(
      '<@U0DEMOALEX> 不再是 Liaison 管理员。',
    );
    expect(await errorText('U0DEMOALEX', 'audit')).toContain('Only Liaison admins');
    expect(await resultText('U0DEMOLIN', 'admins remove <@U0DEMOALEX>')).toBe(
      '<@U0DEMOALEX> 不是被授予的 Liaison 管理员，没有任何更改。',
    );
  });

  it('cannot take away what Slack grants, nor leave Liaison without an admin', async () => {
    expect(await errorText('U0DEMOLIN', 'admins remove <@U0DEMOLIN>')).toContain('Slack 工作区管理员');
    expect((await person('U0DEMOLIN')).isWorkspaceAdmin).toBe(true);

    // Lin stops being a Slack admin but keeps a granted right: the only admin left.
    await db().person.updateMany({
      where: { slackUserId: 'U0DEMOLIN' },
      data: { isWorkspaceAdmin: false, isLiaisonAdmin: true },
    });
    expect(await errorText('U0DEMOLIN', 'admins remove <@U0DEMOLIN>')).toContain('Liaison 就没有管理员了');
    expect((await person('U0DEMOLIN')).isLiaisonAdmin).toBe(true);
  });
});
