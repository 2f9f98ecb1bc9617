import { describe, expect, it } from 'vitest';
import { Prisma } from '../../src/generated/prisma/client.js';
import { COMMANDS, ESCALATION_RAISE_FIELDS, ESCALATION_RAISE_VIEW, SHORTCUTS } from '../../src/slack/ids.js';
import {
  ESCALATION_RAISE_BLOCKS,
  ESCALATION_RAISED_BLOCK,
} from '../../src/slack/views/escalation-raise.view.js';
import { blockById, textOf } from '../harness/blocks.js';
import { calendarLiaisonForThisFile } from './calendar-test-setup.js';

// Monday 1 December 2036, 10:00 in Shanghai (no holiday calendars: weekends only).
const { state } = calendarLiaisonForThisFile('2036-12-01T02:00:00Z');
const db = () => state.db.prisma;
const slack = () => state.liaison.slack;
const F = ESCALATION_RAISE_FIELDS;

interface SelectOption {
  text: { text: string };
  value: string;
  description?: { text: string };
}
interface InputElement {
  type: string;
  action_id: string;
  initial_option?: SelectOption;
  initial_value?: string;
  options?: SelectOption[];
}
const elementOf = (blocks: unknown[] | undefined, blockId: string) =>
  blockById(blocks, blockId).element as InputElement;

async function departmentId(key: string) {
  return (await db().department.findFirstOrThrow({ where: { key, workspace: { isDemo: true } } })).id;
}

/** `/escalate <text>` that opens the raise modal: the views.open call and the modal shown. */
async function openRaise(userId: string, text = '') {
  slack().reset();
  const sent = await state.driver.slashCommand({
    command: COMMANDS.escalate,
    text,
    userId,
    channelId: 'C0GENERAL',
  });
  const call = await slack().waitForCall('views.open');
  const modal = slack().currentModal(userId);
  if (!modal) throw new Error(`no raise modal for ${userId}`);
  return { call, modal, triggerId: sent.triggerId };
}

const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
const select = (value: string) => ({ value: { type: 'static_select', selected_option: { value } } });
const multi = (values: string[]) => ({
  value: { type: 'multi_static_select', selected_options: values.map((value) => ({ value })) },
});
const radio = (value: string) => ({ value: { type: 'radio_buttons', selected_option: { value } } });
const date = (value: string | null) => ({ value: { type: 'datepicker', selected_date: value } });

async function filled(overrides: Record<string, Record<string, unknown>> = {}) {
  return {
    [F.title]: text('Refund policy for <!channel> returns'),
    [F.blocked]: text('Customer Service cannot answer refund requests for live-show orders.'),
    [F.raiserDepartment]: select(await departmentId('customer-service')),
    [F.counterparts]: multi([await departmentId('live-ops'), await departmentId('supply-chain')]),
    [F.impact]: text('About 40 customers a day wait for an answer.'),
    [F.decisionNeeded]: text('Who pays for returned live-show samples?'),
    [F.options]: text('Refund at once\n* Refund after inspection\nStore credit （推荐）'),
    [F.severity]: radio('HIGH'),
    [F.wantedBy]: date('2036-12-05'),
    ...overrides,
  };
}

/** Submits the raise modal; the ack's field errors, or none. */
async function submit(userId: string, view: { id: string }, values: Record<string, Record<string, unknown>>) {
  slack().clearCalls();
  const response = await state.driver.viewSubmission({ userId, view, values });
  expect(response.status).toBe(200);
  const ack = response.json as { response_action?: string; errors?: Record<string, string> } | undefined;
  return ack?.response_action === 'errors' ? (ack.errors ?? {}) : undefined;
}

async function deliveriesTo(slackUserId: string, number: number) {
  const person = await db().person.findFirstOrThrow({ where: { slackUserId } });
  const rows = await db().delivery.findMany({
    where: { recipientPersonId: person.id, key: { startsWith: 'escalation:' } },
  });
  return rows
    .map((row) => (row.payload as { text: string }).text)
    .filter((line) => new RegExp(`ESC-${number}(?!\\d)`).test(line));
}

describe('/escalate opens the raise modal', () => {
  it('prefills the raiser’s department in their language; someone in several departments picks', async () => {
    const { call, modal, triggerId } = await openRaise('U0DEMOZHANG');
    expect(call.args.trigger_id).toBe(triggerId);
    expect(modal.callback_id).toBe(ESCALATION_RAISE_VIEW);
    expect(modal.private_metadata).toBe(JSON.stringify({ c: 'C0GENERAL' }));
    const own = elementOf(modal.blocks, F.raiserDepartment);
    // Zhang leads Supply Chain and is a member of Logistics: the department they lead comes first.
    expect(own.initial_option?.text.text).toBe('供应链');
    expect(own.options?.map((o) => o.text.text)).toEqual(['供应链', '仓储物流']);
    expect(textOf({ text: blockById(modal.blocks, F.raiserDepartment).hint })).toBe(
      '你在多个部门：请选择受阻的那个部门。',
    );
    const others = elementOf(modal.blocks, F.counterparts);
    expect(others.type).toBe('multi_static_select');
    expect(others.options).toHaveLength(12);
    expect(others.options?.map((o) => o.text.text)).toContain('法务合规');
    const severity = elementOf(modal.blocks, F.severity);
    expect(severity.initial_option?.value).toBe('NORMAL');
    expect(severity.options?.map((o) => `${o.text.text}: ${o.description?.text}`)).toEqual([
      '普通: 2 个工作日内做出决定',
      '高: 4 个工作小时内做出决定',
      '紧急: 1 小时（不分昼夜）内做出决定；确认前每 15 分钟再次提醒',
    ]);
    expect(elementOf(modal.blocks, F.wantedBy).type).toBe('datepicker');
  });

  it('describes the severities with the workspace’s own SLAs when it set them', async () => {
    const prisma = db();
    const workspace = await prisma.workspace.findFirstOrThrow({ where: { isDemo: true } });
    await prisma.workspace.update({
      where: { id: workspace.id },
      data: {
        escalationPolicy: { sla: { HIGH: { unit: 'working-hours', amount: 8 } }, urgentRepingMinutes: 10 },
      },
    });
    try {
      const { modal } = await openRaise('U0DEMOALEX');
      const severity = elementOf(modal.blocks, F.severity);
      expect(severity.options?.map((o) => o.description?.text)).toEqual([
        'a decision within 2 working days',
        'a decision within 8 working hours',
        'a decision within 1 hour, day or night; re-pinged every 10 minutes until acknowledged',
      ]);
    } finally {
      await prisma.workspace.update({
        where: { id: workspace.id },
        data: { escalationPolicy: Prisma.DbNull },
      });
    }
  });

  it('shows someone in one department that department only, and not as a counterpart', async () => {
    const { modal } = await openRaise('U0DEMOALEX', 'new');
    const own = elementOf(modal.blocks, F.raiserDepartment);
    expect(own.initial_option?.text.text).toBe('Tech');
    expect(own.options).toHaveLength(1);
    expect(blockById(modal.blocks, F.raiserDepartment).hint).toBeUndefined();
    const others = elementOf(modal.blocks, F.counterparts).options?.map((o) => o.text.text);
    expect(others).toHaveLength(11);
    expect(others).not.toContain('Tech');
    expect(others).toContain('Supply Chain');
  });

  it('tells someone in no department why, privately, and opens nothing', async () => {
    slack().addUser({ id: 'U0NEWBIE', name: 'newbie', tz: 'Europe/London', locale: 'en-GB' });
    slack().reset();
    await state.driver.slashCommand({
      command: COMMANDS.escalate,
      text: '',
      userId: 'U0NEWBIE',
      channelId: 'C0GENERAL',
    });
    await slack().waitForCall('response_url');
    const reply = slack().ephemerals('U0NEWBIE', 'C0GENERAL').at(-1);
    expect(reply?.text).toContain('You are not in any department yet');
    expect(slack().callsTo('views.open')).toHaveLength(0);
  });
});

describe('submitting the raise modal', () => {
  it('stores the escalation, DMs the level-1 leads and tells the raiser privately in their zone', async () => {
    const { modal } = await openRaise('U0DEMOSAM');
    const errors = await submit('U0DEMOSAM', modal, await filled());
    expect(errors).toBeUndefined();

    const row = await db().escalation.findFirstOrThrow({
      where: { title: 'Refund policy for <!channel> returns' },
      include: { departments: { include: { department: { select: { key: true } } } } },
    });
    expect(row.severity).toBe('HIGH');
    expect(row.level).toBe(1);
    expect(row.wantedBy?.toISOString().slice(0, 10)).toBe('2036-12-05');
    expect(row.options).toEqual([
      { label: 'Refund at once', recommended: false },
      { label: 'Refund after inspection', recommended: true },
      { label: 'Store credit', recommended: true },
    ]);
    expect(Object.fromEntries(row.departments.map((d) => [d.department.key, d.role]))).toEqual({
      'customer-service': 'RAISER',
      'live-ops': 'COUNTERPART',
      'supply-chain': 'COUNTERPART',
    });
    expect(row.sourceChannelId).toBeNull();

    // Level 1: the leads of the departments involved (Customer Service has none), in Chinese, title escaped.
    const [toLin] = await deliveriesTo('U0DEMOLIN', row.number);
    expect(toLin).toContain('需要你在第 1 级处理');
    expect(toLin).toContain('Refund policy for &lt;!channel&gt; returns');
    expect(await deliveriesTo('U0DEMOZHANG', row.number)).toHaveLength(1);
    expect(await deliveriesTo('U0DEMOALEX', row.number)).toHaveLength(0);

    const told = await slack().waitForCall('chat.postEphemeral', (call) => call.args.user === 'U0DEMOSAM');
    expect(told.args.channel).toBe('C0GENERAL');
    const said = textOf(blockById(told.args.blocks as unknown[], ESCALATION_RAISED_BLOCK));
    expect(said).toContain(`*ESC-${row.number}* raised: Refund policy for &lt;!channel&gt; returns`);
    // Who really holds the role: Customer Service has no lead, so only two names.
    expect(said).toContain(
      'Level 1 is 林伟 Lin Wei and 张敏 Zhang Min, the leads of Customer Service, Live Ops and Supply Chain.',
    );
    // 4 working hours of the Shanghai leads from Monday 10:00 there: 14:00 Shanghai, 17:00 in Melbourne.
    expect(row.slaDueAt?.toISOString()).toBe('2036-12-01T06:00:00.000Z');
    expect(said).toContain('They must act by *Mon 1 Dec 2036, 17:00* (your time, Australia/Melbourne)');
    expect(said).not.toContain('<!channel>');
  });

  it('shows what is wrong under the field, in Chinese for a Chinese raiser, and stores nothing', async () => {
    const before = await db().escalation.count();
    const { modal } = await openRaise('U0DEMOLIN');
    const liveOps = await departmentId('live-ops');
    const base = await filled({ [F.raiserDepartment]: select(liveOps) });

    expect(await submit('U0DEMOLIN', modal, { ...base, [F.title]: text('   ') })).toEqual({
      [F.title]: '请为升级事项填写标题。',
    });
    expect(await submit('U0DEMOLIN', modal, { ...base, [F.blocked]: text(' ') })).toEqual({
      [F.blocked]: '“卡在哪里”为必填项。',
    });
    expect(await submit('U0DEMOLIN', modal, { ...base, [F.counterparts]: multi([liveOps]) })).toEqual({
      [F.counterparts]: '升级事项至少需要涉及两个不同的部门。',
    });
    expect(await submit('U0DEMOLIN', modal, { ...base, [F.wantedBy]: date('2036-11-20') })).toEqual({
      [F.wantedBy]: '该日期已经过去（今天是 2036-12-01）。请选择今天或之后的日期。',
    });
    // The select offers only their own departments; a forged one is refused the same way.
    expect(
      await submit('U0DEMOLIN', modal, {
        ...base,
        [F.raiserDepartment]: select(await departmentId('finance')),
      }),
    ).toEqual({ [F.raiserDepartment]: '请选择你所在的部门之一。' });
    expect(await db().escalation.count()).toBe(before);
  });

  it('refuses a form whose metadata was tampered with, under the first field', async () => {
    const { modal } = await openRaise('U0DEMOLIN');
    const errors = await submit(
      'U0DEMOLIN',
      { ...modal, private_metadata: '{"c":"C0GENERAL","x":1}' } as never,
      await filled(),
    );
    expect(errors).toEqual({ [F.title]: '无法读取此表单。请关闭后重新输入 `/escalate`。' });
  });
});

describe('the “Escalate this” message shortcut', () => {
  it('quotes the message escaped, links it, and stores the source with the escalation', async () => {
    slack().reset();
    const message = slack().postUserMessage({
      channelId: 'C0GENERAL',
      userId: 'U0DEMOCHEN',
      // As Slack sends typed text: & < > as entities, mentions as markup.
      text: 'Friday stock list still missing <!channel>\nHost script waits on &lt;10 SKUs &amp; <@U0DEMOZHANG|zhang.min> is out',
    });
    const sent = await state.driver.messageShortcut({
      callbackId: SHORTCUTS.escalateThis,
      userId: 'U0DEMOLIN',
      channelId: 'C0GENERAL',
      message: { ts: message.ts, text: message.text, user: 'U0DEMOCHEN' },
    });
    expect(sent.status).toBe(200);
    const open = await slack().waitForCall('views.open');
    expect(open.args.trigger_id).toBe(sent.triggerId);
    const modal = slack().currentModal('U0DEMOLIN');
    if (!modal) throw new Error('no modal from the shortcut');

    const quote = textOf(blockById(modal.blocks, ESCALATION_RAISE_BLOCKS.quote));
    expect(quote).toBe(
      '来自 <@U0DEMOCHEN> 的消息：\n> Friday stock list still missing @channel\n> Host script waits on &lt;10 SKUs &amp; @zhang.min is out',
    );
    expect(elementOf(modal.blocks, F.title).initial_value).toBe('Friday stock list still missing @channel');
    expect(elementOf(modal.blocks, F.blocked).initial_value).toContain(
      'Host script waits on <10 SKUs & @zhang.min',
    );
    expect(elementOf(modal.blocks, F.raiserDepartment).initial_option?.text.text).toBe('直播运营');

    const permalink = `https://${slack().teamDomain}.slack.com/archives/C0GENERAL/p${message.ts.replace('.', '')}`;
    expect(JSON.parse(modal.private_metadata ?? '{}').s.p).toBe(permalink);

    const errors = await submit('U0DEMOLIN', modal, {
      [F.title]: text('Friday stock list <!here>'),
      [F.blocked]: text('The host script'),
      [F.raiserDepartment]: select(await departmentId('live-ops')),
      [F.counterparts]: multi([await departmentId('supply-chain')]),
      [F.impact]: text('Friday show'),
      [F.decisionNeeded]: text('Which SKUs go live?'),
      [F.options]: text(''),
      [F.severity]: radio('URGENT'),
      [F.wantedBy]: date(null),
    });
    expect(errors).toBeUndefined();
    const row = await db().escalation.findFirstOrThrow({ where: { title: 'Friday stock list <!here>' } });
    expect(row).toMatchObject({
      severity: 'URGENT',
      sourceChannelId: 'C0GENERAL',
      sourceMessageTs: message.ts,
      sourcePermalink: permalink,
      sourceQuote:
        'Friday stock list still missing @channel\nHost script waits on <10 SKUs & @zhang.min is out',
      wantedBy: null,
      options: [],
    });
    const told = await slack().waitForCall('chat.postEphemeral', (call) => call.args.user === 'U0DEMOLIN');
    const said = String(told.args.text);
    expect(said).toContain(`已发起 *ESC-${row.number}*：Friday stock list &lt;!here&gt;`);
    expect(said).toContain('第 1 级为直播运营和供应链的负责人');
  });
});
