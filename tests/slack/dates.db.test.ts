import { describe, expect, it } from 'vitest';
import {
  BLOCKS,
  COMMANDS,
  ESCALATION_ACTIONS,
  ESCALATION_RAISE_FIELDS,
  ESCALATION_STEP_FIELDS,
} from '../../src/slack/ids.js';
import { ESCALATION_CARD_BLOCKS } from '../../src/slack/views/escalation-card.view.js';
import { blockById, textOf } from '../harness/blocks.js';
import { isCardOf } from '../harness/escalation-card.js';
import { calendarLiaisonForThisFile } from './calendar-test-setup.js';

/*
 * Dates are judged as the person sees them, through the real Bolt app. 20:00 UTC on Monday
 * 1 December 2036 is already Tuesday the 2nd (04:00) in Shanghai, and still Monday the 1st
 * (15:00) in New York.
 */
const { state, replyTo } = calendarLiaisonForThisFile('2036-12-01T20:00:00Z');
const db = () => state.db.prisma;
const slack = () => state.liaison.slack;
const F = ESCALATION_RAISE_FIELDS;
const LIVE_OPS_CHANNEL = 'C0LIVEOPS';

const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
const select = (value: string) => ({ value: { type: 'static_select', selected_option: { value } } });
const multi = (values: string[]) => ({
  value: { type: 'multi_static_select', selected_options: values.map((value) => ({ value })) },
});
const radio = (value: string) => ({ value: { type: 'radio_buttons', selected_option: { value } } });
const date = (value: string | null) => ({ value: { type: 'datepicker', selected_date: value } });
const user = (id: string | null) => ({ value: { type: 'users_select', selected_user: id } });

async function departmentId(key: string) {
  return (await db().department.findFirstOrThrow({ where: { key, workspace: { isDemo: true } } })).id;
}

async function openRaise(userId: string) {
  slack().reset();
  await state.driver.slashCommand({ command: COMMANDS.escalate, text: '', userId, channelId: 'C0GENERAL' });
  await slack().waitForCall('views.open');
  const modal = slack().currentModal(userId);
  if (!modal) throw new Error(`no raise modal for ${userId}`);
  return modal;
}

async function raiseForm(own: string, other: string, title: string, wantedBy: string | null) {
  return {
    [F.title]: text(title),
    [F.blocked]: text('Blocked'),
    [F.raiserDepartment]: select(await departmentId(own)),
    [F.counterparts]: multi([await departmentId(other)]),
    [F.impact]: text('Impact'),
    [F.decisionNeeded]: text('Decision'),
    [F.options]: text(''),
    [F.severity]: radio('NORMAL'),
    [F.wantedBy]: date(wantedBy),
  };
}

/**
 * Submits a modal and applies Liaison's acknowledgement to it as Slack would: the field
 * errors it showed (each under a block the modal has), or none when it closed.
 */
async function submit(userId: string, view: { id: string }, values: Record<string, Record<string, unknown>>) {
  slack().clearCalls();
  const response = await state.driver.viewSubmission({ userId, view, values });
  expect(response.status).toBe(200);
  const outcome = slack().applyViewResponse(userId, response.json);
  if (outcome.kind !== 'errors') return undefined;
  expect(outcome.unknownBlockIds).toEqual([]);
  return slack().currentModal(userId)?.errors;
}

const escalationTitled = (title: string) => db().escalation.findFirst({ where: { title } });

describe('“Wanted by” in the raise form', () => {
  it('refuses yesterday in Shanghai even though it is still that day in UTC, under the field, in Chinese', async () => {
    const modal = await openRaise('U0DEMOLIN');
    const form = await raiseForm('live-ops', 'supply-chain', 'Yesterday in Shanghai', '2036-12-01');
    expect(await submit('U0DEMOLIN', modal, form)).toEqual({
      [F.wantedBy]: '该日期已经过去（今天是 2036-12-02）。请选择今天或之后的日期。',
    });
    expect(await escalationTitled('Yesterday in Shanghai')).toBeNull();
  });

  it('accepts today in Shanghai while UTC is still yesterday, and stores that date', async () => {
    const modal = await openRaise('U0DEMOLIN');
    const form = await raiseForm('live-ops', 'supply-chain', 'Today in Shanghai', '2036-12-02');
    expect(await submit('U0DEMOLIN', modal, form)).toBeUndefined();
    const row = await escalationTitled('Today in Shanghai');
    expect(row?.wantedBy?.toISOString().slice(0, 10)).toBe('2036-12-02');
  });

  it('judges the same date by each person’s own today: 1 December is today in New York', async () => {
    const modal = await openRaise('U0DEMOALEX');
    const form = await raiseForm('tech', 'live-ops', 'Today in New York', '2036-12-01');
    expect(await submit('U0DEMOALEX', modal, form)).toBeUndefined();
    const row = await escalationTitled('Today in New York');
    expect(row?.wantedBy?.toISOString().slice(0, 10)).toBe('2036-12-01');
  });

  it('refuses 2027-02-30 instead of storing 2 March, and 2027-13-01 with a field error instead of no answer', async () => {
    const modal = await openRaise('U0DEMOALEX');
    const thirtieth = await raiseForm('tech', 'live-ops', '30 February', '2027-02-30');
    expect(await submit('U0DEMOALEX', modal, thirtieth)).toEqual({
      [F.wantedBy]: '“2027-02-30” is not a date: 2027-02 has 28 days.',
    });
    const thirteenth = await raiseForm('tech', 'live-ops', 'Month 13', '2027-13-01');
    expect(await submit('U0DEMOALEX', modal, thirteenth)).toEqual({
      [F.wantedBy]: '“2027-13-01” is not a date: a year has 12 months.',
    });
    // A forged value that is no date at all is the same kind of field error.
    const words = await raiseForm('tech', 'live-ops', 'Tomorrow', 'tomorrow');
    expect(await submit('U0DEMOALEX', modal, words)).toEqual({
      [F.wantedBy]: '“tomorrow” is not a date. Write dates as YYYY-MM-DD, for example 2026-12-01.',
    });
    expect(await escalationTitled('30 February')).toBeNull();
    expect(await escalationTitled('Month 13')).toBeNull();
  });

  it('refuses a year that is surely a typo', async () => {
    const modal = await openRaise('U0DEMOALEX');
    const form = await raiseForm('tech', 'live-ops', 'Far away', '2307-12-01');
    expect(await submit('U0DEMOALEX', modal, form)).toEqual({
      [F.wantedBy]: '2307-12-01 is too far ahead. Choose 2041-12-01 or an earlier date.',
    });
  });
});

describe('action items in the Resolve form', () => {
  it('refuses a due date in the past as the resolver sees it, under that row, and records the item due today', async () => {
    slack().addChannel({ id: LIVE_OPS_CHANNEL, name: 'live-ops' });
    await db().department.updateMany({
      where: { key: 'live-ops' },
      data: { slackChannelId: LIVE_OPS_CHANNEL },
    });
    const lin = await db().person.findFirstOrThrow({ where: { slackUserId: 'U0DEMOLIN' } });
    const subject = await state.liaison.deps.authorization.subjectOf(lin.id);
    const esc = await state.liaison.deps.escalations.raise(subject, {
      title: 'Resolve me',
      blocked: 'Blocked',
      impact: 'Impact',
      decisionNeeded: 'Decision',
      options: [],
      severity: 'NORMAL',
      raiserDepartmentId: await departmentId('live-ops'),
      counterpartDepartmentIds: [await departmentId('supply-chain')],
    });
    await state.liaison.deps.escalationCards.refresher.settled();
    const card = slack()
      .messages(LIVE_OPS_CHANNEL)
      .find((m) => isCardOf(m.text, esc.number));
    if (!card) throw new Error('no card');
    slack().reset();
    await state.driver.blockActions({
      userId: 'U0DEMOLIN',
      channelId: LIVE_OPS_CHANNEL,
      message: card,
      actions: [
        {
          action_id: ESCALATION_ACTIONS.resolve,
          block_id: ESCALATION_CARD_BLOCKS.actions,
          value: String(esc.number),
        },
      ],
    });
    await slack().waitForCall('views.open');
    const modal = slack().currentModal('U0DEMOLIN');
    if (!modal) throw new Error('no resolve modal');
    // Row 1 left empty; row 2 due "yesterday" in Shanghai (still today in UTC).
    const row2 = (due: string) => ({
      [ESCALATION_STEP_FIELDS.decision]: text('Ship the old stock'),
      [`${ESCALATION_STEP_FIELDS.itemTitle}2`]: text('Update the listing'),
      [`${ESCALATION_STEP_FIELDS.itemOwner}2`]: user('U0DEMOZHANG'),
      [`${ESCALATION_STEP_FIELDS.itemDue}2`]: date(due),
    });
    expect(await submit('U0DEMOLIN', modal, row2('2036-12-01'))).toEqual({
      [`${ESCALATION_STEP_FIELDS.itemDue}2`]: '该日期已经过去（今天是 2036-12-02）。请选择今天或之后的日期。',
    });
    expect(await submit('U0DEMOLIN', modal, row2('2036-02-30'))).toEqual({
      [`${ESCALATION_STEP_FIELDS.itemDue}2`]: '「2036-02-30」不是日期：2036-02 只有 29 天。',
    });
    const unresolved = await db().escalation.findUniqueOrThrow({ where: { id: esc.id } });
    expect(unresolved.status).not.toBe('RESOLVED');
    expect(await db().actionItem.count({ where: { title: 'Update the listing' } })).toBe(0);

    expect(await submit('U0DEMOLIN', modal, row2('2036-12-02'))).toBeUndefined();
    const item = await db().actionItem.findFirstOrThrow({ where: { title: 'Update the listing' } });
    expect(item.dueOn.toISOString().slice(0, 10)).toBe('2036-12-02');
    expect((await db().escalation.findUniqueOrThrow({ where: { id: esc.id } })).status).toBe('RESOLVED');
  });
});

describe('dates in commands', () => {
  it('refuses dates that do not exist privately, in the person’s language, changing nothing', async () => {
    expect(errorText(await replyTo('U0DEMOALEX', 'away until 2037-02-29'))).toContain(
      '“2037-02-29” is not a date: 2037-02 has 28 days.',
    );
    expect(errorText(await replyTo('U0DEMOZHANG', 'away 2037-13-01'))).toContain(
      '「2037-13-01」不是日期：一年只有 12 个月。',
    );
    expect(errorText(await replyTo('U0DEMOLIN', 'calendar add acme 2037-04-31 holiday'))).toContain(
      '「2037-04-31」不是日期：2037-04 只有 30 天。',
    );
    expect(errorText(await replyTo('U0DEMOALEX', 'snooze until 2037-02-30 09:00'))).toContain(
      '“2037-02-30” is not a date: 2037-02 has 28 days.',
    );
    expect(await db().absence.count()).toBe(0);
    expect(await db().calendar.count({ where: { key: 'acme' } })).toBe(0);
  });

  it('reads a date the way it is written, 2036-12-5 or with full-width digits', async () => {
    const reply = await replyTo('U0DEMOZHANG', 'away until ２０３６－１２－５');
    expect(reply.text).not.toContain('不是日期');
    const absence = await db().absence.findFirstOrThrow({
      where: { person: { slackUserId: 'U0DEMOZHANG' } },
    });
    expect(absence.endsOn.toISOString().slice(0, 10)).toBe('2036-12-05');
  });
});

describe('command text longer than Slack sends', () => {
  it('is refused with a clear error, not answered with the help text', async () => {
    const reply = await replyTo('U0DEMOALEX', `away until 2036-12-24 ${'x'.repeat(4000)}`);
    expect(errorText(reply)).toContain('That command is 4022 characters long; Slack takes at most 4000.');
    expect(JSON.stringify(reply.blocks)).not.toContain('/liaison help');
    expect(await db().absence.count({ where: { person: { slackUserId: 'U0DEMOALEX' } } })).toBe(0);
  });

  it('is refused for /escalate too, in the person’s language', async () => {
    slack().reset();
    await state.driver.slashCommand({
      command: COMMANDS.escalate,
      text: `search ${'字'.repeat(4000)}`,
      userId: 'U0DEMOZHANG',
      channelId: 'C0GENERAL',
    });
    await slack().waitForCall('response_url');
    const reply = slack().ephemerals('U0DEMOZHANG', 'C0GENERAL').at(-1);
    expect(reply?.text).toContain('这条命令有 4007 个字符，Slack 最多接受 4000 个。');
    expect(slack().callsTo('views.open')).toHaveLength(0);
  });
});

function errorText(reply: { blocks?: unknown[] }) {
  return textOf(blockById(reply.blocks, BLOCKS.error.message));
}
