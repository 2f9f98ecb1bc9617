import { describe, expect, it } from 'vitest';
import type { RaiseInput } from '../../src/modules/escalations/escalations.types.js';
import type { HomeRefresher } from '../../src/slack/home/home-refresher.js';
import { BLOCKS, COMMANDS, DEPARTMENT_FIELDS, DEPARTMENT_VIEWS } from '../../src/slack/ids.js';
import { DEPARTMENT_MODAL_BLOCKS } from '../../src/slack/views/department-manage.view.js';
import { DEPARTMENTS_BLOCKS } from '../../src/slack/views/departments.view.js';
import { ESCALATION_CARD_BLOCKS } from '../../src/slack/views/escalation-card.view.js';
import { blockById, textOf, textOfAll } from '../harness/blocks.js';
import { isCardOf } from '../harness/escalation-card.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';

const file = liaisonForThisFile({ seedDemo: true });
const db = () => file.db.prisma;
const slack = () => file.liaison.slack;

/** `/liaison <text>` as the user; the private reply. */
async function replyTo(userId: string, text: string) {
  slack().reset();
  await file.liaison.driver.slashCommand({ command: COMMANDS.liaison, text, userId, channelId: 'C0GENERAL' });
  await slack().waitForCall('response_url');
  const reply = slack().ephemerals(userId, 'C0GENERAL').at(-1);
  if (!reply) throw new Error(`no reply to /liaison ${text}`);
  return reply;
}

/** `/liaison <text>` that opens a modal: the views.open call and the modal the user now sees. */
async function openModal(userId: string, text: string) {
  slack().reset();
  const sent = await file.liaison.driver.slashCommand({
    command: COMMANDS.liaison,
    text,
    userId,
    channelId: 'C0GENERAL',
  });
  const call = await slack().waitForCall('views.open');
  const modal = slack().currentModal(userId);
  if (!modal) throw new Error(`no modal for ${userId} after /liaison ${text}`);
  return { call, modal, triggerId: sent.triggerId };
}

const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
const users = (ids: string[]) => ({ value: { type: 'multi_users_select', selected_users: ids } });
const channel = (id: string | null) => ({
  value: { type: 'conversations_select', selected_conversation: id },
});
const language = (value: string) => ({
  value: { type: 'static_select', selected_option: { value } },
});
const archived = (on: boolean) => ({
  value: { type: 'checkboxes', selected_options: on ? [{ value: 'archived' }] : [] },
});

/** Submits a modal; resolves with Liaison's ack body (errors) and, on success, the DM it sent. */
async function submit(userId: string, view: { id: string }, values: Record<string, Record<string, unknown>>) {
  slack().clearCalls();
  const response = await file.liaison.driver.viewSubmission({ userId, view, values });
  expect(response.status).toBe(200);
  const ack = response.json as { response_action?: string; errors?: Record<string, string> } | undefined;
  if (ack?.response_action === 'errors') return { errors: ack.errors ?? {}, dm: undefined };
  const dm = await slack().waitForCall('chat.postMessage', (call) => call.args.channel === userId);
  return { errors: undefined, dm: String(dm.args.text) };
}

const department = (key: string) =>
  db().department.findFirstOrThrow({
    where: { key, workspace: { isDemo: true } },
    select: {
      id: true,
      key: true,
      nameEn: true,
      nameZh: true,
      description: true,
      slackChannelId: true,
      archivedAt: true,
      memberships: { select: { role: true, person: { select: { slackUserId: true } } } },
    },
  });

const roster = async (key: string) =>
  Object.fromEntries((await department(key)).memberships.map((m) => [m.person.slackUserId, m.role]));

describe('/liaison departments', () => {
  it('lists the active departments in the reader’s language, with leads, heads, size and channel', async () => {
    const en = await replyTo('U0DEMOALEX', 'departments');
    expect(textOf(blockById(en.blocks, DEPARTMENTS_BLOCKS.header))).toBe('Departments');
    const liveOps = textOf(blockById(en.blocks, DEPARTMENTS_BLOCKS.item('live-ops')));
    expect(liveOps).toContain('*Live Ops* `live-ops`');
    expect(liveOps).toContain('Leads: <@U0DEMOLIN> · People: 2 · No channel');
    expect(textOf(blockById(en.blocks, DEPARTMENTS_BLOCKS.item('marketing')))).toContain(
      '\nHeads: <@U0DEMOPRIYA> · People: 1 · No channel',
    );
    expect(textOf(blockById(en.blocks, DEPARTMENTS_BLOCKS.item('finance')))).toContain(
      'No lead yet · People: 0',
    );
    // Alex leads Tech: told how to edit it.
    expect(textOf(blockById(en.blocks, DEPARTMENTS_BLOCKS.hint))).toContain('a department you lead');

    const zh = await replyTo('U0DEMOLIN', 'departments');
    expect(textOf(blockById(zh.blocks, DEPARTMENTS_BLOCKS.header))).toBe('部门');
    expect(textOf(blockById(zh.blocks, DEPARTMENTS_BLOCKS.item('live-ops')))).toContain(
      '*直播运营* `live-ops`\n负责人：<@U0DEMOLIN> · 人数：2 · 未设频道',
    );
    expect(
      zh.blocks?.filter((b) => String((b as { block_id?: string }).block_id).startsWith('departments.item.')),
    ).toHaveLength(12);
  });

  it('shows archived departments to admins only; a member asking is refused privately and audited', async () => {
    const reply = await replyTo('U0DEMOSAM', 'departments all');
    expect(textOf(blockById(reply.blocks, BLOCKS.error.message))).toContain(
      'Only Liaison admins can do that',
    );
    const refusal = await db().auditEvent.findFirst({
      where: { action: 'authorization.refused', actorSlackId: 'U0DEMOSAM' },
      orderBy: { createdAt: 'desc' },
    });
    expect(refusal?.after).toEqual({ attempted: 'departments.manage' });
  });
});

describe('the manage modal', () => {
  it('opens for an admin with the command’s trigger_id: a new department, nothing in its metadata', async () => {
    const { call, modal, triggerId } = await openModal('U0DEMOLIN', 'departments manage');
    expect(call.args.trigger_id).toBe(triggerId);
    expect(modal.callback_id).toBe(DEPARTMENT_VIEWS.manage);
    expect(modal.private_metadata).toBe('');
    const blockIds = modal.blocks.map((b) => (b as { block_id: string }).block_id);
    expect(blockIds).toEqual([
      DEPARTMENT_FIELDS.key,
      DEPARTMENT_FIELDS.nameEn,
      DEPARTMENT_FIELDS.nameZh,
      DEPARTMENT_FIELDS.description,
      DEPARTMENT_FIELDS.channel,
      DEPARTMENT_FIELDS.language,
      DEPARTMENT_FIELDS.leads,
      DEPARTMENT_FIELDS.heads,
      DEPARTMENT_FIELDS.executives,
      DEPARTMENT_FIELDS.members,
    ]);
    expect(modal.title).toMatchObject({ text: '新建部门' });
  });

  it('shows every problem under its field, in the submitter’s language, and creates nothing', async () => {
    const { modal } = await openModal('U0DEMOLIN', 'departments manage');
    const result = await submit('U0DEMOLIN', modal, {
      [DEPARTMENT_FIELDS.key]: text('Growth Team'),
      [DEPARTMENT_FIELDS.nameEn]: text('  '),
      [DEPARTMENT_FIELDS.nameZh]: text(''),
    });
    expect(result.errors?.[DEPARTMENT_FIELDS.key]).toContain('标识由 1–40 个小写字母');
    expect(result.errors?.[DEPARTMENT_FIELDS.nameEn]).toBe('请填写部门的英文名称。');
    expect(result.errors?.[DEPARTMENT_FIELDS.nameZh]).toBe('请填写部门的中文名称。');

    slack().addUser({
      id: 'U0NYADMIN',
      name: 'nyadmin',
      tz: 'America/New_York',
      locale: 'en-US',
      isAdmin: true,
    });
    const again = await openModal('U0NYADMIN', 'departments manage');
    const taken = await submit('U0NYADMIN', again.modal, {
      [DEPARTMENT_FIELDS.key]: text('tech'),
      [DEPARTMENT_FIELDS.nameEn]: text('Tech again'),
      [DEPARTMENT_FIELDS.nameZh]: text('技术二'),
    });
    expect(taken.errors).toEqual({
      [DEPARTMENT_FIELDS.key]: 'There is already a department with the key `tech`. Choose another key.',
    });
    expect(await db().department.count({ where: { workspace: { isDemo: true } } })).toBe(12);
  });

  it('creates a department with its channel and people (meeting new ones through Slack), audited per change', async () => {
    slack().addUser({
      id: 'U0NEWBIE',
      name: 'newbie',
      realName: 'New Person',
      tz: 'Europe/Paris',
      locale: 'fr-FR',
    });
    const refreshed: string[][] = [];
    const original = file.liaison.deps.home;
    const recorder: HomeRefresher = {
      requestRefresh: (_w, ids) => refreshed.push([...ids]),
      settled: async () => {},
    };
    file.liaison.deps.home = recorder;
    try {
      const { modal } = await openModal('U0NYADMIN', 'departments manage');
      const result = await submit('U0NYADMIN', modal, {
        [DEPARTMENT_FIELDS.key]: text('Growth'),
        [DEPARTMENT_FIELDS.nameEn]: text('Growth'),
        [DEPARTMENT_FIELDS.nameZh]: text('增长'),
        [DEPARTMENT_FIELDS.description]: text('Acquisition & retention'),
        [DEPARTMENT_FIELDS.channel]: channel('C0GROWTH'),
        [DEPARTMENT_FIELDS.leads]: users(['U0DEMOSAM']),
        [DEPARTMENT_FIELDS.heads]: users([]),
        [DEPARTMENT_FIELDS.executives]: users([]),
        [DEPARTMENT_FIELDS.members]: users(['U0NEWBIE']),
      });
      expect(result.errors).toBeUndefined();
      expect(result.dm).toBe(
        [
          'Saved *Growth* (`growth`):',
          '• created',
          '• added <@U0DEMOSAM> as lead',
          '• added <@U0NEWBIE> as member',
        ].join('\n'),
      );
      const growth = await department('growth');
      expect(growth).toMatchObject({
        nameEn: 'Growth',
        nameZh: '增长',
        description: 'Acquisition & retention',
        slackChannelId: 'C0GROWTH',
      });
      expect(await roster('growth')).toEqual({ U0DEMOSAM: 'LEAD', U0NEWBIE: 'MEMBER' });
      const audit = await db().auditEvent.findMany({
        where: { objectId: growth.id },
        orderBy: { createdAt: 'asc' },
        select: { action: true, actorSlackId: true, after: true },
      });
      expect(audit.map((a) => a.action)).toEqual([
        'department.created',
        'department.member_added',
        'department.member_added',
      ]);
      expect(audit.every((a) => a.actorSlackId === 'U0NYADMIN')).toBe(true);
      expect(audit[1]?.after).toEqual({ slackUserId: 'U0DEMOSAM', role: 'LEAD' });
      const newbie = await db().person.findFirstOrThrow({ where: { slackUserId: 'U0NEWBIE' } });
      expect(newbie).toMatchObject({ realName: 'New Person', timeZone: 'Europe/Paris' });
      expect(refreshed.flat()).toHaveLength(2);
      expect(refreshed.flat()).toContain(newbie.id);
    } finally {
      file.liaison.deps.home = original;
    }
  });

  it('edits an existing department: names, channel and roles in one save, one audit row per change', async () => {
    const { modal } = await openModal('U0NYADMIN', 'departments manage tech');
    const tech = await department('tech');
    expect(modal.private_metadata).toBe(JSON.stringify({ d: tech.id }));
    const leads = modal.blocks.find((b) => (b as { block_id: string }).block_id === DEPARTMENT_FIELDS.leads);
    expect(leads).toMatchObject({ element: { initial_users: ['U0DEMOALEX'] } });

    // A plain-text field error names the person: Slack would show a mention there as <@U…>.
    const twice = await submit('U0NYADMIN', modal, {
      [DEPARTMENT_FIELDS.key]: text('tech'),
      [DEPARTMENT_FIELDS.nameEn]: text('Technology'),
      [DEPARTMENT_FIELDS.nameZh]: text('技术'),
      [DEPARTMENT_FIELDS.leads]: users(['U0DEMOALEX']),
      [DEPARTMENT_FIELDS.heads]: users(['U0DEMOPRIYA']),
      [DEPARTMENT_FIELDS.executives]: users([]),
      [DEPARTMENT_FIELDS.members]: users(['U0DEMOALEX']),
      [DEPARTMENT_FIELDS.archived]: archived(false),
    });
    const problem = Object.values(twice.errors ?? {}).join(' ');
    expect(problem).toContain('is in two lists');
    expect(problem).toMatch(/^Alex/);
    expect(problem).not.toContain('<@');

    const result = await submit('U0NYADMIN', modal, {
      [DEPARTMENT_FIELDS.key]: text('tech'),
      [DEPARTMENT_FIELDS.nameEn]: text('Technology'),
      [DEPARTMENT_FIELDS.nameZh]: text('技术'),
      [DEPARTMENT_FIELDS.description]: text(''),
      [DEPARTMENT_FIELDS.channel]: channel('C0TECH'),
      [DEPARTMENT_FIELDS.leads]: users(['U0DEMOALEX']),
      [DEPARTMENT_FIELDS.heads]: users(['U0DEMOPRIYA']),
      [DEPARTMENT_FIELDS.executives]: users([]),
      [DEPARTMENT_FIELDS.members]: users([]),
      [DEPARTMENT_FIELDS.archived]: archived(false),
    });
    expect(result.dm).toBe(
      [
        'Saved *Technology* (`tech`):',
        '• renamed: Tech → Technology',
        '• channel: none → <#C0TECH>',
        '• added <@U0DEMOPRIYA> as head',
      ].join('\n'),
    );
    expect(await roster('tech')).toEqual({ U0DEMOALEX: 'LEAD', U0DEMOPRIYA: 'HEAD' });
    const audit = await db().auditEvent.findMany({
      where: { objectId: tech.id, action: { startsWith: 'department.' } },
      orderBy: { createdAt: 'asc' },
      select: { action: true, before: true, after: true },
    });
    expect(audit).toEqual([
      { action: 'department.renamed', before: { nameEn: 'Tech' }, after: { nameEn: 'Technology' } },
      {
        action: 'department.channel_changed',
        before: { slackChannelId: null },
        after: { slackChannelId: 'C0TECH' },
      },
      {
        action: 'department.member_added',
        before: null,
        after: { slackUserId: 'U0DEMOPRIYA', role: 'HEAD' },
      },
    ]);
  });

  it('sets the language of a department’s channel: stored, audited, listed, and its escalation cards speak it', async () => {
    // Finance follows the workspace's language (English) here, unlike the demo's departments
    // (Chinese): this test sets a language on a department that has none.
    await db().department.updateMany({
      where: { key: 'finance', workspace: { isDemo: true } },
      data: { locale: null },
    });
    const { modal } = await openModal('U0DEMOLIN', 'departments manage finance');
    const select = modal.blocks.find(
      (b) => (b as { block_id: string }).block_id === DEPARTMENT_FIELDS.language,
    );
    expect(select).toMatchObject({
      label: { text: '频道语言' },
      element: { type: 'static_select', initial_option: { value: 'default', text: { text: '工作区默认' } } },
    });
    const finance = await department('finance');
    const fields = {
      [DEPARTMENT_FIELDS.key]: text('finance'),
      [DEPARTMENT_FIELDS.nameEn]: text('Finance'),
      [DEPARTMENT_FIELDS.nameZh]: text('财务'),
      [DEPARTMENT_FIELDS.channel]: channel('C0FINANCE'),
      [DEPARTMENT_FIELDS.leads]: users([]),
      [DEPARTMENT_FIELDS.heads]: users([]),
      [DEPARTMENT_FIELDS.executives]: users([]),
      [DEPARTMENT_FIELDS.members]: users([]),
      [DEPARTMENT_FIELDS.archived]: archived(false),
    };

    // A crafted value is refused under the select, and nothing is stored.
    const crafted = await submit('U0DEMOLIN', modal, {
      ...fields,
      [DEPARTMENT_FIELDS.language]: language('fr'),
    });
    expect(crafted.errors).toEqual({
      [DEPARTMENT_FIELDS.language]: '语言须为 en（英语）或 zh-CN（简体中文），而不是“fr”。',
    });

    const saved = await submit('U0DEMOLIN', modal, {
      ...fields,
      [DEPARTMENT_FIELDS.language]: language('zh-CN'),
    });
    expect(saved.dm).toBe(
      ['已保存 *财务*（`finance`）：', '• 频道：无 → <#C0FINANCE>', '• 频道语言：工作区默认 → 简体中文'].join(
        '\n',
      ),
    );
    expect(await db().department.findUniqueOrThrow({ where: { id: finance.id } })).toMatchObject({
      locale: 'zh-CN',
      slackChannelId: 'C0FINANCE',
    });
    const audit = await db().auditEvent.findFirst({
      where: { objectId: finance.id, action: 'department.language_changed' },
      select: { actorSlackId: true, before: true, after: true },
    });
    expect(audit).toEqual({
      actorSlackId: 'U0DEMOLIN',
      before: { locale: null },
      after: { locale: 'zh-CN' },
    });
    const list = await replyTo('U0DEMOALEX', 'departments');
    expect(textOf(blockById(list.blocks, DEPARTMENTS_BLOCKS.item('finance')))).toContain(
      'Channel: <#C0FINANCE> · Language: 简体中文',
    );
    const reopened = await openModal('U0DEMOLIN', 'departments manage finance');
    expect(
      reopened.modal.blocks.find((b) => (b as { block_id: string }).block_id === DEPARTMENT_FIELDS.language),
    ).toMatchObject({ element: { initial_option: { value: 'zh-CN' } } });

    // An escalation to Finance: its card in Finance's channel is in Chinese, in an English workspace.
    const lin = await db().person.findFirstOrThrow({
      where: { slackUserId: 'U0DEMOLIN', workspace: { isDemo: true } },
    });
    const liveOps = await department('live-ops');
    slack().addChannel({ id: 'C0FINANCE', name: 'finance' });
    slack().clearCalls();
    const input: RaiseInput = {
      title: 'Refund budget for the launch',
      blocked: 'Refunds',
      impact: 'Angry buyers',
      decisionNeeded: 'Who pays',
      options: [{ label: 'Finance pays', recommended: true }],
      severity: 'HIGH',
      raiserDepartmentId: liveOps.id,
      counterpartDepartmentIds: [finance.id],
    };
    const esc = await file.liaison.deps.escalations.raise(
      await file.liaison.deps.authorization.subjectOf(lin.id),
      input,
    );
    await file.liaison.deps.escalationCards.refresher.settled();
    const card = slack()
      .messages('C0FINANCE')
      .find((m) => m.text.startsWith(`ESC-${esc.number}`));
    expect(card?.text).toBe(`ESC-${esc.number}（高，待处理，第 1 级）：Refund budget for the launch`);
    expect(textOf(blockById(card?.blocks, ESCALATION_CARD_BLOCKS.facts))).toContain('*状态*');

    // Back to the workspace's default: stored as null.
    const back = await submit('U0DEMOLIN', reopened.modal, {
      ...fields,
      [DEPARTMENT_FIELDS.channel]: channel(null),
      [DEPARTMENT_FIELDS.language]: language('default'),
    });
    expect(back.dm).toContain('• 频道语言：简体中文 → 工作区默认');
    expect(await db().department.findUniqueOrThrow({ where: { id: finance.id } })).toMatchObject({
      locale: null,
      slackChannelId: null,
    });
  });

  it('changing a department’s language shows its open escalation cards again, updated in place in the new language', async () => {
    const finance = await department('finance');
    const liveOps = await department('live-ops');
    slack().addChannel({ id: 'C0FINANCE', name: 'finance' });
    // Finance speaks the workspace's language (English) and has a channel.
    await db().department.update({
      where: { id: finance.id },
      data: { locale: null, slackChannelId: 'C0FINANCE' },
    });
    const lin = await db().person.findFirstOrThrow({
      where: { slackUserId: 'U0DEMOLIN', workspace: { isDemo: true } },
    });
    const subject = await file.liaison.deps.authorization.subjectOf(lin.id);
    const raise = (title: string) =>
      file.liaison.deps.escalations.raise(subject, {
        title,
        blocked: 'Invoices',
        impact: 'Late payments',
        decisionNeeded: 'Who approves',
        options: [],
        severity: 'HIGH',
        raiserDepartmentId: liveOps.id,
        counterpartDepartmentIds: [finance.id],
      });
    const refresher = file.liaison.deps.escalationCards.refresher;
    const cardOf = (number: number) =>
      slack()
        .messages('C0FINANCE')
        .find((m) => isCardOf(m.text, number));
    try {
      // Opened first: opening a modal starts a fresh Slack stand-in (no channel history).
      const { modal } = await openModal('U0DEMOLIN', 'departments manage finance');
      const open = await raise('Courier invoices for the launch');
      const settled = await raise('Last year’s refund policy');
      await file.liaison.deps.escalations.resolve(subject, settled.number, {
        decision: 'Keep it',
        optionsConsidered: [],
      });
      await refresher.settled();
      expect(cardOf(open.number)?.text).toBe(
        `ESC-${open.number} (high, open, level 1): Courier invoices for the launch`,
      );
      const resolvedCard = cardOf(settled.number);
      expect(resolvedCard?.text).toBe(
        `ESC-${settled.number} (high, resolved, level 1): Last year’s refund policy`,
      );
      const cardTs = cardOf(open.number)?.ts;
      expect(cardTs).toEqual(expect.any(String));

      const saved = await submit('U0DEMOLIN', modal, {
        [DEPARTMENT_FIELDS.key]: text('finance'),
        [DEPARTMENT_FIELDS.nameEn]: text('Finance'),
        [DEPARTMENT_FIELDS.nameZh]: text('财务'),
        [DEPARTMENT_FIELDS.channel]: channel('C0FINANCE'),
        [DEPARTMENT_FIELDS.leads]: users([]),
        [DEPARTMENT_FIELDS.heads]: users([]),
        [DEPARTMENT_FIELDS.executives]: users([]),
        [DEPARTMENT_FIELDS.members]: users([]),
        [DEPARTMENT_FIELDS.archived]: archived(false),
        [DEPARTMENT_FIELDS.language]: language('zh-CN'),
      });
      expect(saved.dm).toContain('• 频道语言：工作区默认 → 简体中文');
      await refresher.settled();

      // The open escalation's card is edited in place (no second card), now in Chinese.
      const updates = slack().callsTo('chat.update', { ok: true });
      expect(updates.map((c) => [c.args.channel, c.args.ts, c.args.text])).toEqual([
        ['C0FINANCE', cardTs, `ESC-${open.number}（高，待处理，第 1 级）：Courier invoices for the launch`],
      ]);
      expect(
        slack()
          .callsTo('chat.postMessage')
          .filter((c) => c.args.channel === 'C0FINANCE'),
      ).toEqual([]);
      const card = cardOf(open.number);
      expect(card?.edited).toBeDefined();
      expect(textOf(blockById(card?.blocks, ESCALATION_CARD_BLOCKS.facts))).toContain('*状态*\n待处理');
      // A settled dispute's card is left as it was.
      expect(cardOf(settled.number)?.text).toBe(resolvedCard?.text);

      // The CSV import's language column does the same: back to English.
      await file.liaison.driver.slashCommand({
        command: COMMANDS.liaison,
        text: 'departments import',
        userId: 'U0DEMOLIN',
        channelId: 'C0GENERAL',
      });
      await slack().waitForCall('views.open');
      const importModal = slack().currentModal('U0DEMOLIN');
      if (!importModal) throw new Error('the import modal did not open');
      const imported = await submit('U0DEMOLIN', importModal, {
        [DEPARTMENT_FIELDS.csv]: text('department,lead_email,member_email,language\nfinance,,,en'),
      });
      expect(imported.errors).toBeUndefined();
      await refresher.settled();
      expect(
        slack()
          .callsTo('chat.update', { ok: true })
          .map((c) => [c.args.channel, c.args.ts, c.args.text]),
      ).toEqual([
        ['C0FINANCE', cardTs, `ESC-${open.number} (high, open, level 1): Courier invoices for the launch`],
      ]);
      expect(cardOf(open.number)?.text).toBe(
        `ESC-${open.number} (high, open, level 1): Courier invoices for the launch`,
      );
    } finally {
      await db().department.update({
        where: { id: finance.id },
        data: { locale: null, slackChannelId: null },
      });
    }
  });

  it('refuses a crafted submission from a member: the department id in private_metadata grants nothing', async () => {
    const tech = await department('tech');
    const before = await roster('tech');
    const result = await submit(
      'U0DEMOSAM',
      {
        id: 'V0CRAFTED',
        type: 'modal',
        callback_id: DEPARTMENT_VIEWS.manage,
        private_metadata: JSON.stringify({ d: tech.id }),
        blocks: [
          {
            type: 'input',
            block_id: DEPARTMENT_FIELDS.members,
            element: { type: 'multi_users_select', action_id: 'value' },
          },
        ],
      } as { id: string },
      { [DEPARTMENT_FIELDS.members]: users(['U0DEMOSAM']) },
    );
    expect(result.errors).toEqual({
      [DEPARTMENT_FIELDS.members]:
        "Only this department's lead or head, or an admin, can do that. Nothing was changed.",
    });
    expect(await roster('tech')).toEqual(before);
    const refusal = await db().auditEvent.findFirst({
      where: { action: 'authorization.refused', actorSlackId: 'U0DEMOSAM', objectId: tech.id },
    });
    expect(refusal?.after).toEqual({ attempted: 'departments.edit' });
  });

  it('lets a lead edit the members and description of their own department, shown unescaped nowhere', async () => {
    const { modal } = await openModal('U0DEMOALEX', 'departments manage tech');
    const blockIds = modal.blocks.map((b) => (b as { block_id: string }).block_id);
    expect(blockIds).toEqual([
      DEPARTMENT_MODAL_BLOCKS.leadIntro,
      DEPARTMENT_FIELDS.description,
      DEPARTMENT_MODAL_BLOCKS.roles,
      DEPARTMENT_FIELDS.members,
    ]);
    const result = await submit('U0DEMOALEX', modal, {
      [DEPARTMENT_FIELDS.description]: text('Platform & apps <!channel>'),
      [DEPARTMENT_FIELDS.members]: users(['U0DEMOSAM']),
    });
    expect(result.dm).toBe(
      ['Saved *Technology* (`tech`):', '• description changed', '• added <@U0DEMOSAM> as member'].join('\n'),
    );
    expect(await roster('tech')).toEqual({ U0DEMOALEX: 'LEAD', U0DEMOPRIYA: 'HEAD', U0DEMOSAM: 'MEMBER' });
    const list = await replyTo('U0DEMOSAM', 'departments');
    expect(textOf(blockById(list.blocks, DEPARTMENTS_BLOCKS.item('tech')))).toContain(
      'Platform &amp; apps &lt;!channel&gt;',
    );
  });

  it('keeps a lead out of other departments and out of admin fields, even in a crafted submission', async () => {
    const refused = await replyTo('U0DEMOALEX', 'departments manage live-ops');
    expect(textOf(blockById(refused.blocks, BLOCKS.error.message))).toContain(
      "Only this department's lead or head, or an admin",
    );
    expect(slack().callsTo('views.open')).toEqual([]);

    const liveOps = await department('live-ops');
    const intoOther = await submit(
      'U0DEMOALEX',
      {
        id: 'V0CRAFTED2',
        type: 'modal',
        callback_id: DEPARTMENT_VIEWS.manage,
        private_metadata: JSON.stringify({ d: liveOps.id }),
        blocks: [{ type: 'input', block_id: DEPARTMENT_FIELDS.members }],
      } as { id: string },
      { [DEPARTMENT_FIELDS.members]: users(['U0DEMOALEX']) },
    );
    expect(intoOther.errors?.[DEPARTMENT_FIELDS.members]).toContain('Nothing was changed');
    expect(await roster('live-ops')).toEqual({ U0DEMOCHEN: 'EXECUTIVE', U0DEMOLIN: 'LEAD' });

    const tech = await department('tech');
    const renaming = await submit(
      'U0DEMOALEX',
      {
        id: 'V0CRAFTED3',
        type: 'modal',
        callback_id: DEPARTMENT_VIEWS.manage,
        private_metadata: JSON.stringify({ d: tech.id }),
        blocks: [
          { type: 'input', block_id: DEPARTMENT_FIELDS.nameEn },
          { type: 'input', block_id: DEPARTMENT_FIELDS.leads },
        ],
      } as { id: string },
      {
        [DEPARTMENT_FIELDS.nameEn]: text('Alex’s Team'),
        [DEPARTMENT_FIELDS.leads]: users(['U0DEMOALEX', 'U0DEMOSAM']),
      },
    );
    expect(renaming.errors).toEqual({
      [DEPARTMENT_FIELDS.nameEn]:
        'Only Liaison admins can do that. Nothing was changed — ask a workspace admin.',
    });
    expect((await department('tech')).nameEn).toBe('Technology');
    expect((await roster('tech')).U0DEMOSAM).toBe('MEMBER');
  });
});

describe('quick department commands', () => {
  it('archives a department: hidden from lists and memberships, memberships kept; unarchives it', async () => {
    const refreshed: string[] = [];
    const original = file.liaison.deps.home;
    file.liaison.deps.home = { requestRefresh: (_w, ids) => refreshed.push(...ids), settled: async () => {} };
    const archivedReply = await replyTo('U0DEMOLIN', 'departments archive logistics').finally(() => {
      file.liaison.deps.home = original;
    });
    const zhang = await db().person.findFirstOrThrow({ where: { slackUserId: 'U0DEMOZHANG' } });
    // Zhang's Home tab no longer lists the department.
    expect(refreshed).toEqual([zhang.id]);
    expect(textOf(blockById(archivedReply.blocks, DEPARTMENTS_BLOCKS.result))).toBe(
      '已保存 *仓储物流*（`logistics`）：\n• 已归档：不在列表中显示，成员关系保留',
    );
    const list = await replyTo('U0DEMOZHANG', 'departments');
    expect(
      list.blocks?.some(
        (b) => (b as { block_id?: string }).block_id === DEPARTMENTS_BLOCKS.item('logistics'),
      ),
    ).toBe(false);
    const whoami = await replyTo('U0DEMOZHANG', 'whoami');
    expect(textOf(blockById(whoami.blocks, BLOCKS.whoami.departments))).not.toContain('仓储物流');
    expect(await roster('logistics')).toEqual({ U0DEMOZHANG: 'MEMBER' });
    const all = await replyTo('U0DEMOLIN', 'departments all');
    expect(textOf(blockById(all.blocks, DEPARTMENTS_BLOCKS.item('logistics')))).toContain('_已归档_');

    const unarchived = await replyTo('U0DEMOLIN', 'departments unarchive logistics');
    expect(textOf(blockById(unarchived.blocks, DEPARTMENTS_BLOCKS.result))).toContain('已取消归档');
    expect((await department('logistics')).archivedAt).toBeNull();
    const logistics = await department('logistics');
    expect(
      (
        await db().auditEvent.findMany({
          where: { objectId: logistics.id },
          orderBy: { createdAt: 'asc' },
          select: { action: true },
        })
      ).map((a) => a.action),
    ).toEqual(['department.archived', 'department.unarchived']);
  });

  it('renames in one language, and refuses a lead (audited, nothing changed)', async () => {
    const renamed = await replyTo('U0NYADMIN', 'departments rename hosts zh 主播团队');
    expect(textOf(blockById(renamed.blocks, DEPARTMENTS_BLOCKS.result))).toBe(
      'Saved *Hosts* (`hosts`):\n• renamed: 主播 → 主播团队',
    );
    expect((await department('hosts')).nameZh).toBe('主播团队');

    const refused = await replyTo('U0DEMOALEX', 'departments rename tech en Alex Tech');
    expect(textOf(blockById(refused.blocks, BLOCKS.error.message))).toContain('Only Liaison admins');
    expect((await department('tech')).nameEn).toBe('Technology');

    const usage = await replyTo('U0DEMOLIN', 'departments rename hosts fr Animateurs');
    expect(textOf(blockById(usage.blocks, BLOCKS.error.message))).toContain('用法：`/liaison departments`');
  });
});

describe('the audit trail of department changes', () => {
  it('finds membership changes naming a person when an admin filters by them', async () => {
    const reply = await replyTo('U0NYADMIN', 'audit <@U0NEWBIE|newbie>');
    const lines = (reply.blocks ?? [])
      .filter((b) => String((b as { block_id?: string }).block_id).startsWith('audit.entry.'))
      .map((b) => textOf(b as Record<string, unknown>));
    expect(
      lines.some((line) =>
        /<@U0NYADMIN> · \*added a member\* · `growth`\n>slackUserId=<@U0NEWBIE>, role=MEMBER$/.test(line),
      ),
    ).toBe(true);
    expect(lines.some((line) => line.includes('*met a new person* · <@U0NEWBIE>'))).toBe(true);
    expect(lines.some((line) => line.includes('U0DEMOSAM'))).toBe(false);
  });
});

describe('roles in whoami and help', () => {
  it('lists each person’s roles, derived from admin rights and memberships', async () => {
    const lin = await replyTo('U0DEMOLIN', 'whoami');
    expect(textOf(blockById(lin.blocks, BLOCKS.whoami.settings))).toContain('*角色*\n管理员、负责人、成员');
    const chen = await replyTo('U0DEMOCHEN', 'whoami');
    expect(textOf(blockById(chen.blocks, BLOCKS.whoami.settings))).toContain('*角色*\n高管、成员');
    const priya = await replyTo('U0DEMOPRIYA', 'whoami');
    expect(textOf(blockById(priya.blocks, BLOCKS.whoami.settings))).toContain('*Roles*\nlead, member');
  });

  it('lists the department commands, the admin ones to admins only', async () => {
    const member = textOfAll((await replyTo('U0DEMOSAM', 'help')).blocks, BLOCKS.help.commands);
    expect(member).toContain('`/liaison departments` — departments, their leads and channels');
    expect(member).toContain('/liaison admins`');
    expect(member).not.toContain('/liaison departments import');
    expect(member).not.toContain('/liaison audit');
    const admin = textOfAll((await replyTo('U0NYADMIN', 'help')).blocks, BLOCKS.help.commands);
    expect(admin).toContain('/liaison departments import');
    expect(admin).toContain('/liaison setup demo');
    expect(admin).toContain('/liaison audit');
  });
});
