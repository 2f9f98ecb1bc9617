import { describe, expect, it } from 'vitest';
import { DEMO_DEPARTMENTS } from '../../src/modules/demo/demo.data.js';
import { BLOCKS, COMMANDS, DEPARTMENT_FIELDS, DEPARTMENT_VIEWS } from '../../src/slack/ids.js';
import { DEPARTMENTS_BLOCKS } from '../../src/slack/views/departments.view.js';
import { blockById, textOf } from '../harness/blocks.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';

// A workspace that has just installed Liaison: nobody and no department stored yet.
const file = liaisonForThisFile();
const db = () => file.db.prisma;
const slack = () => file.liaison.slack;
/** Generous: the machine running the suite may be busy (12 departments in one transaction). */
const WAIT_MS = 15_000;

async function replyTo(userId: string, text: string) {
  slack().reset();
  await file.liaison.driver.slashCommand({ command: COMMANDS.liaison, text, userId, channelId: 'C0GENERAL' });
  await slack().waitForCall('response_url', undefined, WAIT_MS);
  const reply = slack().ephemerals(userId, 'C0GENERAL').at(-1);
  if (!reply) throw new Error(`no reply to /liaison ${text}`);
  return reply;
}

const departments = () =>
  db().department.findMany({ select: { key: true, nameEn: true, nameZh: true }, orderBy: { key: 'asc' } });

const roster = async (key: string) => {
  const rows = await db().membership.findMany({
    where: { department: { key } },
    select: { role: true, person: { select: { slackUserId: true } } },
  });
  return Object.fromEntries(rows.map((m) => [m.person.slackUserId, m.role]));
};

/** Opens the import modal as the user and submits the CSV; the ack's errors, or the DM summary. */
async function importCsv(userId: string, csv: string) {
  slack().reset();
  await file.liaison.driver.slashCommand({
    command: COMMANDS.liaison,
    text: 'departments import',
    userId,
    channelId: 'C0GENERAL',
  });
  await slack().waitForCall('views.open', undefined, WAIT_MS);
  const modal = slack().currentModal(userId);
  if (!modal) throw new Error('the import modal did not open');
  const response = await file.liaison.driver.viewSubmission({
    userId,
    view: modal,
    values: { [DEPARTMENT_FIELDS.csv]: { value: { type: 'plain_text_input', value: csv } } },
  });
  const ack = response.json as { response_action?: string; errors?: Record<string, string> } | undefined;
  if (ack?.response_action === 'errors')
    return { error: ack.errors?.[DEPARTMENT_FIELDS.csv], summary: undefined };
  const dm = await slack().waitForCall('chat.postMessage', (call) => call.args.channel === userId, WAIT_MS);
  return { error: undefined, summary: String(dm.args.text) };
}

describe('/liaison setup demo', () => {
  it('is refused to a non-admin: nothing created, the attempt audited', async () => {
    const reply = await replyTo('U0DEMOSAM', 'setup demo');
    expect(textOf(blockById(reply.blocks, BLOCKS.error.message))).toContain(
      'Only Liaison admins can do that',
    );
    expect(await departments()).toEqual([]);
    const refusal = await db().auditEvent.findFirstOrThrow({
      where: { action: 'authorization.refused', actorSlackId: 'U0DEMOSAM' },
    });
    expect(refusal.after).toEqual({ attempted: 'setup.demo' });
  });

  it('creates the 12 departments of the brief, in both languages, in the workspace it is run in', async () => {
    const reply = await replyTo('U0DEMOLIN', 'setup demo');
    const text = textOf(blockById(reply.blocks, DEPARTMENTS_BLOCKS.result));
    expect(text).toContain('已创建演示部门（12 个）：直播运营 (`live-ops`), 主播 (`hosts`)');
    const stored = await departments();
    expect(stored).toEqual([...DEMO_DEPARTMENTS].sort((a, b) => (a.key < b.key ? -1 : 1)));
    const workspace = await db().workspace.findFirstOrThrow({ where: { slackTeamId: slack().teamId } });
    expect(workspace.isDemo).toBe(false);
    expect(await db().department.count({ where: { workspaceId: workspace.id } })).toBe(12);
    // The demo company's channels speak Chinese, whatever the workspace's language.
    expect(
      await db().department.groupBy({ by: ['locale'], where: { workspaceId: workspace.id }, _count: true }),
    ).toEqual([{ locale: 'zh-CN', _count: 12 }]);
    expect(
      await db().auditEvent.count({ where: { action: 'department.created', actorSlackId: 'U0DEMOLIN' } }),
    ).toBe(12);
  });

  it('changes nothing when run again, and says so; puts back only a missing one', async () => {
    slack().addUser({
      id: 'U0NYADMIN',
      name: 'nyadmin',
      tz: 'America/New_York',
      locale: 'en-US',
      isAdmin: true,
    });
    const audited = await db().auditEvent.count();
    const again = await replyTo('U0NYADMIN', 'setup demo');
    expect(textOf(blockById(again.blocks, DEPARTMENTS_BLOCKS.result))).toBe(
      'All 12 demo departments are already here. Nothing changed.',
    );
    expect((await departments()).length).toBe(12);
    // The only new audit row is NY admin being met for the first time.
    expect(await db().auditEvent.count()).toBe(audited + 1);

    await db().department.deleteMany({ where: { key: 'legal' } });
    const refill = await replyTo('U0NYADMIN', 'setup demo');
    expect(textOf(blockById(refill.blocks, DEPARTMENTS_BLOCKS.result))).toBe(
      'Demo departments created (1): Legal &amp; Compliance (`legal`).\nAlready here, left as they were: 11.',
    );

    const usage = await replyTo('U0NYADMIN', 'setup everything');
    expect(textOf(blockById(usage.blocks, BLOCKS.error.message))).toContain('Usage: `/liaison setup demo`');
  });
});

describe('/liaison departments import', () => {
  it('opens a modal with one multi-line box, for admins only', async () => {
    const refused = await replyTo('U0DEMOSAM', 'departments import');
    expect(textOf(blockById(refused.blocks, BLOCKS.error.message))).toContain('Only Liaison admins');
    expect(slack().callsTo('views.open')).toEqual([]);

    slack().reset();
    await file.liaison.driver.slashCommand({
      command: COMMANDS.liaison,
      text: 'departments import',
      userId: 'U0DEMOLIN',
      channelId: 'C0GENERAL',
    });
    await slack().waitForCall('views.open', undefined, WAIT_MS);
    const modal = slack().currentModal('U0DEMOLIN');
    expect(modal?.callback_id).toBe(DEPARTMENT_VIEWS.import);
    expect(modal?.title).toMatchObject({ text: '导入部门' });
    const box = modal?.blocks.find((b) => (b as { block_id: string }).block_id === DEPARTMENT_FIELDS.csv);
    expect(box).toMatchObject({ element: { type: 'plain_text_input', multiline: true, max_length: 3000 } });
  });

  it('applies every row together: names or keys, quoted fields, people found by stored email or in Slack', async () => {
    slack().addUser({
      id: 'U0ANA',
      name: 'ana',
      realName: 'Ana Ruiz',
      email: 'ana@acme.test',
      tz: 'Europe/Madrid',
    });
    slack().addUser({
      id: 'U0BO',
      name: 'bo',
      realName: 'Bo Li',
      email: 'bo@acme.test',
      tz: 'Asia/Shanghai',
    });
    slack().addUser({
      id: 'U0CY',
      name: 'cy',
      realName: 'Cy Wu',
      email: 'cy@acme.test',
      tz: 'Asia/Shanghai',
    });
    // Priya is known to Liaison by an email Slack does not report: the people table answers.
    await replyTo('U0DEMOPRIYA', 'whoami');
    await db().person.updateMany({
      where: { slackUserId: 'U0DEMOPRIYA' },
      data: { email: 'priya@acme.test' },
    });

    const csv = [
      '\uFEFFdepartment,lead_email,member_email',
      'live-ops,ana@acme.test,',
      '直播运营,,bo@acme.test',
      '"Supply Chain",PRIYA@acme.test,ana@acme.test',
      '"Research, Dev",cy@acme.test,bo@acme.test',
      '',
    ].join('\r\n');
    const since = new Date();
    const { error, summary } = await importCsv('U0NYADMIN', csv);
    expect(error).toBeUndefined();
    expect(summary).toBe(
      [
        'Departments imported. Rows read: 4.',
        '• New departments: Research, Dev (`research-dev`)',
        '• Added: 3 leads, 3 members. Members made leads: 0.',
        '• New to Liaison, found in Slack by email: 3.',
      ].join('\n'),
    );
    expect(await roster('live-ops')).toEqual({ U0ANA: 'LEAD', U0BO: 'MEMBER' });
    expect(await roster('supply-chain')).toEqual({ U0ANA: 'MEMBER', U0DEMOPRIYA: 'LEAD' });
    expect(await roster('research-dev')).toEqual({ U0BO: 'MEMBER', U0CY: 'LEAD' });
    expect(await db().department.findFirst({ where: { key: 'research-dev' } })).toMatchObject({
      nameEn: 'Research, Dev',
      nameZh: 'Research, Dev',
    });
    const lookedUp = slack()
      .callsTo('users.lookupByEmail')
      .map((call) => call.args.email)
      .sort();
    expect(lookedUp).toEqual(['ana@acme.test', 'bo@acme.test', 'cy@acme.test']);
    const audit = await db().auditEvent.groupBy({
      by: ['action'],
      where: {
        actorSlackId: 'U0NYADMIN',
        createdAt: { gte: since },
        action: { in: ['department.created', 'department.member_added', 'person.created'] },
      },
      _count: true,
    });
    expect(Object.fromEntries(audit.map((a) => [a.action, a._count]))).toEqual({
      'department.created': 1,
      'department.member_added': 6,
      'person.created': 3,
    });
  });

  it('writes nothing when any row is wrong, and lists the rows by number in the reader’s language', async () => {
    const before = {
      departments: await db().department.count(),
      memberships: await db().membership.count(),
      audit: await db().auditEvent.count({ where: { action: { not: 'authorization.refused' } } }),
    };
    const csv = [
      'Department,Lead_Email,Member_Email',
      'tech,bo@acme.test,',
      'tech,,nobody@acme.test',
      ',ana@acme.test,',
      'Brand New,not-an-email,',
      'hosts,,',
    ].join('\n');
    const { error, summary } = await importCsv('U0DEMOLIN', csv);
    expect(summary).toBeUndefined();
    expect(error).toBe(
      [
        '未导入任何内容。请修改以下各行后重新提交：',
        '第 3 行：本 Slack 工作区中没有人使用邮箱 nobody@acme.test。',
        '第 4 行：缺少部门。',
        '第 5 行：「not-an-email」不是邮箱地址。',
        '第 6 行：既没有负责人邮箱，也没有成员邮箱。',
      ].join('\n'),
    );
    expect({
      departments: await db().department.count(),
      memberships: await db().membership.count(),
      audit: await db().auditEvent.count({ where: { action: { not: 'authorization.refused' } } }),
    }).toEqual(before);
    expect(await roster('tech')).toEqual({});
  });

  it('explains a file it cannot read: a missing header, an unclosed quote', async () => {
    const header = await importCsv('U0NYADMIN', 'tech,ana@acme.test,');
    expect(header.error).toContain(
      'Row 1: the first row must name the columns department,lead_email,member_email.',
    );
    const quote = await importCsv('U0NYADMIN', 'department,lead_email,member_email\n"tech,ana@acme.test,');
    expect(quote.error).toContain('Row 2: a quote (") opens here and is never closed.');
  });

  it('makes a listed member a lead, leaves everyone else as they were', async () => {
    const { summary } = await importCsv(
      'U0NYADMIN',
      'department,lead_email,member_email\nlive-ops,bo@acme.test,ana@acme.test\n',
    );
    expect(summary).toBe(
      [
        'Departments imported. Rows read: 1.',
        '• Added: 0 leads, 0 members. Members made leads: 1.',
        '• Already there, left as they were: 1.',
      ].join('\n'),
    );
    expect(await roster('live-ops')).toEqual({ U0ANA: 'LEAD', U0BO: 'LEAD' });
  });

  it('sets the channel language from an optional language column, checked row by row', async () => {
    // These departments follow the workspace's language, as departments made by hand do (the
    // demo's come in Chinese): the column sets a language where there was none.
    await db().department.updateMany({
      where: { key: { in: ['tech', 'live-ops', 'hosts'] } },
      data: { locale: null },
    });
    const locales = async () =>
      Object.fromEntries(
        (
          await db().department.findMany({
            where: { key: { in: ['tech', 'live-ops', 'hosts', 'research'] } },
            select: { key: true, locale: true },
          })
        ).map((d) => [d.key, d.locale]),
      );
    const wrong = await importCsv(
      'U0NYADMIN',
      ['department,lead_email,member_email,language', 'hosts,,,zh-CN', 'hosts,,,en', 'tech,,,fr'].join('\n'),
    );
    expect(wrong.error).toBe(
      [
        'Nothing was imported. Fix these rows and submit again:',
        'Row 3: another row gives “hosts” a different language.',
        'Row 4: the language must be en or zh-CN, not “fr”.',
      ].join('\n'),
    );
    expect(await locales()).toEqual({ tech: null, 'live-ops': null, hosts: null });

    const { summary } = await importCsv(
      'U0NYADMIN',
      [
        'department,lead_email,member_email,language',
        'tech,,,zh-cn',
        'Live Ops,,,EN',
        'Research,,,zh-CN',
      ].join('\n'),
    );
    expect(summary).toBe(
      [
        'Departments imported. Rows read: 3.',
        '• New departments: Research (`research`)',
        '• Added: 0 leads, 0 members. Members made leads: 0.',
        '• Channel language set for 3 departments.',
      ].join('\n'),
    );
    expect(await locales()).toEqual({ tech: 'zh-CN', 'live-ops': 'en', hosts: null, research: 'zh-CN' });
    const audit = await db().auditEvent.findFirst({
      where: { action: 'department.language_changed', objectType: 'department' },
      orderBy: { createdAt: 'asc' },
      select: { actorSlackId: true, before: true, after: true },
    });
    expect(audit).toEqual({
      actorSlackId: 'U0NYADMIN',
      before: { locale: null },
      after: { locale: 'zh-CN' },
    });
  });

  it('refuses a crafted submission from a non-admin under the box, audited, nothing written', async () => {
    const memberships = await db().membership.count();
    const refusals = () =>
      db().auditEvent.count({
        where: {
          action: 'authorization.refused',
          actorSlackId: 'U0DEMOSAM',
          after: { equals: { attempted: 'departments.import' } },
        },
      });
    const refusedBefore = await refusals();
    const response = await file.liaison.driver.viewSubmission({
      userId: 'U0DEMOSAM',
      view: {
        id: 'V0CRAFTED',
        type: 'modal',
        callback_id: DEPARTMENT_VIEWS.import,
        private_metadata: '',
        blocks: [{ type: 'input', block_id: DEPARTMENT_FIELDS.csv }],
      },
      values: {
        [DEPARTMENT_FIELDS.csv]: {
          value: {
            type: 'plain_text_input',
            value: 'department,lead_email,member_email\ntech,ana@acme.test,',
          },
        },
      },
    });
    expect(response.json).toEqual({
      response_action: 'errors',
      errors: {
        [DEPARTMENT_FIELDS.csv]:
          'Only Liaison admins can do that. Nothing was changed — ask a workspace admin.',
      },
    });
    expect(await db().membership.count()).toBe(memberships);
    expect(await refusals()).toBe(refusedBefore + 1);
  });
});
