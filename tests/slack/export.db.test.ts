import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/slack/ids.js';
import { EXPORT_BLOCKS } from '../../src/slack/views/export.view.js';
import { blockById, textOf } from '../harness/blocks.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';
import { csvRecords, parseCsv } from '../modules/export/parse-csv.js';

const file = liaisonForThisFile({ seedDemo: true });

const TOKEN_LIKE = /xox[a-z]-|xapp-/;
const TRICKY_REASON = '=HYPERLINK("http://evil.example","click"), then\nsecond line';

async function exportAs(userId: string, text: string, completions = 1) {
  const { slack, driver } = file.liaison;
  slack.reset();
  await driver.slashCommand({ command: COMMANDS.liaison, text, userId, channelId: 'C0GENERAL' });
  await slack.waitForCall('response_url', (call) => call.args.response_type === 'ephemeral');
  if (completions > 0) {
    await slack.waitForCall(
      'files.completeUploadExternal',
      () => slack.callsTo('files.completeUploadExternal').length >= completions,
      10_000,
    );
  }
  const dm = slack.dmChannelId(userId) ?? '';
  return {
    reply: slack.ephemerals(userId, 'C0GENERAL').at(0),
    messages: dm ? slack.messages(dm) : [],
    files: dm ? slack.uploadedFiles(dm) : [],
  };
}

async function personId(slackUserId: string) {
  return (await file.db.prisma.person.findFirstOrThrow({ where: { slackUserId } })).id;
}

async function seedTrickyData() {
  const workspace = await file.db.prisma.workspace.findFirstOrThrow({ where: { isDemo: true } });
  await file.db.prisma.person.update({
    where: { id: await personId('U0DEMOALEX') },
    data: { dmChannelId: 'D0SECRETDM' },
  });
  await file.db.prisma.absence.create({
    data: {
      personId: await personId('U0DEMOSAM'),
      startsOn: new Date('2026-07-01'),
      endsOn: new Date('2026-07-03'),
      reason: TRICKY_REASON,
    },
  });
  await file.db.prisma.auditEvent.create({
    data: {
      workspaceId: workspace.id,
      actorSlackId: 'U0DEMOLIN',
      action: 'test.leak',
      objectType: 'workspace',
      objectId: workspace.id,
      after: { botToken: 'xoxb-1111-2222-abcdef', note: 'pasted xoxp-3333-4444 by mistake' },
    },
  });
}

describe('/liaison export', () => {
  it('sends an admin the whole workspace as one versioned JSON file in their DM, without secrets', async () => {
    await seedTrickyData();
    const { reply, messages, files } = await exportAs('U0DEMOLIN', 'export'); // admin, zh-CN
    expect(textOf(blockById(reply?.blocks, EXPORT_BLOCKS.preparing))).toContain('正在准备整个工作区的导出');

    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toContain('你的 Liaison 导出：整个工作区（JSON 格式）');
    expect(messages[0]?.text).toContain('最近 90 天');
    expect(files.map((f) => f.name)).toEqual([
      expect.stringMatching(/^liaison-workspace-\d{4}-\d\d-\d\d\.json$/),
    ]);
    const content = files[0]?.content ?? '';
    const document = JSON.parse(content);
    expect(document).toMatchObject({ format: 'liaison-export', version: 1, scope: 'workspace' });
    expect(document.tables.departments).toHaveLength(12);
    expect(document.tables.departments).toContainEqual(
      expect.objectContaining({ key: 'live-ops', name_en: 'Live Ops', name_zh: '直播运营' }),
    );
    const people = document.tables.people as Record<string, unknown>[];
    expect(people.map((p) => p.slack_user_id)).toEqual(
      expect.arrayContaining([
        'U0DEMOLIN',
        'U0DEMOALEX',
        'U0DEMOZHANG',
        'U0DEMOPRIYA',
        'U0DEMOCHEN',
        'U0DEMOSAM',
      ]),
    );
    expect(people.find((p) => p.slack_user_id === 'U0DEMOALEX')).toMatchObject({
      real_name: 'Alex Morgan',
      work_days: 'mon,tue,wed,thu,fri',
      work_start: '09:00',
    });
    expect(document.tables.memberships).toContainEqual(
      expect.objectContaining({ department_key: 'live-ops', slack_user_id: 'U0DEMOLIN', role: 'LEAD' }),
    );
    expect(Object.keys(document.tables)).toEqual([
      'workspace',
      'people',
      'departments',
      'memberships',
      'schedules',
      'job_runs',
      'calendars',
      'calendar_dates',
      'absences',
      'notification_mutes',
      'notification_snoozes',
      'action_items',
      'escalations',
      'escalation_events',
      'decisions',
      'assessments',
      'digest_subscriptions',
      'okr_key_results',
      'okr_check_ins',
      'proposals',
      'kpi_values_recorded',
      'kpi_digest_subscriptions',
      'meeting_series',
      'agenda_items',
      'meeting_delegates',
      'audit_events',
    ]);
    expect(document.rowCounts.people).toBe(people.length);
    // No DM channel ids, no tokens, not even ones a feature wrote into an audit row.
    expect(content).not.toContain('D0SECRETDM');
    expect(content).not.toMatch(TOKEN_LIKE);
    const leak = (document.tables.audit_events as { action: string; after: unknown }[]).find(
      (e) => e.action === 'test.leak',
    );
    expect(leak?.after).toEqual({ botToken: '[redacted]', note: 'pasted [redacted] by mistake' });

    const audit = await file.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'export.created', actorSlackId: 'U0DEMOLIN' },
      orderBy: { createdAt: 'desc' },
    });
    expect(audit.after).toMatchObject({ scope: 'workspace', format: 'json', rowCounts: { departments: 12 } });
  });

  it('sends one CSV per table, escaped and guarded against formulas, in as few messages as Slack allows', async () => {
    const { messages, files } = await exportAs('U0DEMOLIN', 'export csv', 3);
    expect(files).toHaveLength(26);
    expect(messages).toHaveLength(3);
    expect(messages[0]?.text).toContain('第 1 部分，共 3 部分');
    expect(messages[0]?.files ?? []).toHaveLength(10);
    const byTable = (table: string) => files.find((f) => f.name.endsWith(`-${table}.csv`))?.content ?? '';

    const departments = csvRecords(byTable('departments'));
    expect(departments).toHaveLength(12);
    expect(departments.find((d) => d.key === 'legal')).toMatchObject({
      name_en: 'Legal & Compliance',
      name_zh: '法务合规',
    });

    const absences = byTable('absences');
    // The reason has a formula start, quotes, a comma and a line break: one quoted, guarded cell.
    expect(absences).toContain(`"'=HYPERLINK(""http://evil.example"",""click""), then\nsecond line"`);
    const sam = csvRecords(absences).find((a) => a.slack_user_id === 'U0DEMOSAM');
    expect(sam).toMatchObject({
      reason: `'${TRICKY_REASON}`,
      starts_on: '2026-07-01',
      ends_on: '2026-07-03',
    });

    const people = parseCsv(byTable('people'));
    expect(people[0]).not.toContain('dm_channel_id');
    expect(people.some((row) => row.includes('林伟 Lin Wei'))).toBe(true);
    for (const f of files) expect(f.content, f.name).not.toMatch(TOKEN_LIKE);
  });

  it('refuses a member the workspace export privately, records the attempt and uploads nothing', async () => {
    const zhang = await exportAs('U0DEMOZHANG', 'export csv', 0); // zh-CN
    expect(zhang.reply?.text).toContain('只有 Liaison 管理员可以执行此操作');
    const sam = await exportAs('U0DEMOSAM', 'export', 0); // en-AU
    expect(sam.reply?.text).toContain('Only Liaison admins can do that');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(file.liaison.slack.callsTo('files.getUploadURLExternal')).toEqual([]);
    expect(sam.files).toEqual([]);
    const refusals = await file.db.prisma.auditEvent.findMany({
      where: { action: 'authorization.refused', actorSlackId: { in: ['U0DEMOZHANG', 'U0DEMOSAM'] } },
    });
    expect(refusals.map((r) => r.after)).toEqual([
      { attempted: 'export.workspace' },
      { attempted: 'export.workspace' },
    ]);
  });

  it('gives a member what is about them only', async () => {
    const { reply, messages, files } = await exportAs('U0DEMOALEX', 'export me'); // en-US
    expect(textOf(blockById(reply?.blocks, EXPORT_BLOCKS.preparing))).toContain(
      'Preparing your export of your own data (JSON)',
    );
    expect(messages[0]?.text).toContain('Your Liaison export of your own data (JSON)');
    expect(files.map((f) => f.name)).toEqual([expect.stringMatching(/^liaison-me-.*\.json$/)]);
    const content = files[0]?.content ?? '';
    const document = JSON.parse(content);
    expect(document.scope).toBe('person');
    expect(document.tables.person).toEqual([
      expect.objectContaining({ slack_user_id: 'U0DEMOALEX', calendar_key: 'us' }),
    ]);
    expect(document.tables.memberships).toEqual([
      expect.objectContaining({ department_key: 'tech', department_name_zh: '技术', role: 'LEAD' }),
    ]);
    for (const someoneElse of ['Priya', '林伟', 'U0DEMOSAM', 'U0DEMOLIN', 'Sam Taylor', 'D0SECRETDM'])
      expect(content).not.toContain(someoneElse);
    const audit = await file.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'export.created', actorSlackId: 'U0DEMOALEX' },
    });
    expect(audit).toMatchObject({ objectType: 'person', objectId: await personId('U0DEMOALEX') });
  });

  it('sends a member their own data as CSV, one file per table, in their language', async () => {
    const { reply, messages, files } = await exportAs('U0DEMOSAM', 'export me csv', 3);
    expect(reply?.text).toContain('Preparing your export of your own data (CSV, one file per table)');
    // Twenty-one tables: more than twice the 10 files Slack shows on one message.
    expect(messages).toHaveLength(3);
    expect(messages[0]?.text).toContain('Part 1 of 3.');
    expect(files.map((f) => f.name.replace(/^liaison-me-\d{4}-\d\d-\d\d-/, ''))).toEqual([
      'person.csv',
      'memberships.csv',
      'absences.csv',
      'notification_mutes.csv',
      'notification_snoozes.csv',
      'deliveries.csv',
      'action_items.csv',
      'escalations.csv',
      'escalation_events.csv',
      'decisions.csv',
      'assessments.csv',
      'digest_subscriptions.csv',
      'okr_key_results.csv',
      'okr_check_ins.csv',
      'proposals.csv',
      'kpi_values_recorded.csv',
      'kpi_digest_subscriptions.csv',
      'meeting_series.csv',
      'agenda_items.csv',
      'meeting_delegates.csv',
      'audit_events.csv',
    ]);
    const absences = csvRecords(files.find((f) => f.name.endsWith('-absences.csv'))?.content ?? '');
    expect(absences.map((a) => a.reason)).toEqual([`'${TRICKY_REASON}`]);

    const zhang = await exportAs('U0DEMOZHANG', 'export csv me', 3);
    expect(zhang.messages[0]?.text).toContain('你的 Liaison 导出：你自己的数据（CSV，每张表一个文件）');
  });

  it('explains the usage when the words are not understood', async () => {
    const { reply } = await exportAs('U0DEMOALEX', 'export pdf', 0);
    expect(reply?.text).toContain('I did not understand `pdf`');
  });

  it('tells the person privately when the upload fails', async () => {
    const { slack, driver } = file.liaison;
    slack.reset();
    slack.failNext('files.completeUploadExternal', { error: 'internal_error' });
    await driver.slashCommand({
      command: COMMANDS.liaison,
      text: 'export me',
      userId: 'U0DEMOPRIYA',
      channelId: 'C0GENERAL',
    });
    await slack.waitForCall('response_url', () => slack.ephemerals('U0DEMOPRIYA').length >= 2, 10_000);
    const failed = slack.ephemerals('U0DEMOPRIYA', 'C0GENERAL').at(-1);
    expect(textOf(blockById(failed?.blocks, EXPORT_BLOCKS.failed))).toMatch(
      /could not be delivered to your direct messages.*ERR-[0-9A-F]{8}/,
    );
    expect(file.liaison.logs().some((line) => line.msg === 'export could not be delivered')).toBe(true);
  });
});
