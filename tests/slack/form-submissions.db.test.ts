import { beforeAll, describe, expect, it } from 'vitest';
import {
  CALENDAR_FIELDS,
  COMMANDS,
  DEPARTMENT_FIELDS,
  ESCALATION_ACTIONS,
  ESCALATION_RAISE_FIELDS,
  ESCALATION_STEP_FIELDS,
  ESCALATION_STEP_VIEWS,
} from '../../src/slack/ids.js';
import { ESCALATION_CARD_BLOCKS } from '../../src/slack/views/escalation-card.view.js';
import { NOTICE_2027_INVENTED } from '../fixtures/holiday-notices.js';
import { isCardOf } from '../harness/escalation-card.js';
import type { StoredView } from '../harness/fake-slack.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';

// A form sent again (Slack retrying, a double click, the same modal re-sent after a lost
// answer) carries the same view id and hash: it must take effect once, for every form.

const file = liaisonForThisFile({ seedDemo: true });
const db = () => file.db.prisma;
const slack = () => file.liaison.slack;
const driver = () => file.liaison.driver;
const settled = () => file.liaison.deps.escalationCards.refresher.settled();

const LIVE_OPS_CHANNEL = 'C0LIVEOPS';
const TECH_CHANNEL = 'C0TECH';
/** Generous: the machine running the suite may be busy. */
const WAIT_MS = 15_000;
let workspaceId = '';

type Values = Record<string, Record<string, unknown>>;
type Ack = { response_action?: string; errors?: Record<string, string>; view?: unknown } | undefined;

const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
const select = (value: string) => ({ value: { type: 'static_select', selected_option: { value } } });
const multi = (values: string[]) => ({
  value: { type: 'multi_static_select', selected_options: values.map((value) => ({ value })) },
});
const user = (id: string) => ({ value: { type: 'users_select', selected_user: id } });
const date = (value: string) => ({ value: { type: 'datepicker', selected_date: value } });
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function departmentId(key: string) {
  return (await db().department.findFirstOrThrow({ where: { workspaceId, key }, select: { id: true } })).id;
}

/** `/liaison <text>` or `/escalate` that opens a modal: the modal the user now sees. */
async function openModal(userId: string, command: string, commandText: string): Promise<StoredView> {
  slack().clearCalls();
  await driver().slashCommand({ command, text: commandText, userId, channelId: 'C0GENERAL' });
  await slack().waitForCall('views.open', undefined, WAIT_MS);
  const modal = slack().currentModal(userId);
  if (!modal) throw new Error(`no modal for ${userId} after ${command} ${commandText}`);
  return modal;
}

/** Presses a button on the escalation's card; the step modal it opens. */
async function pressOnCard(userId: string, channel: string, number: number, actionId: string) {
  slack().clearCalls();
  const card = cardsIn(channel, number)[0];
  if (!card) throw new Error(`no card for ESC-${number} in ${channel}`);
  await driver().blockActions({
    userId,
    channelId: channel,
    message: card,
    actions: [{ action_id: actionId, block_id: ESCALATION_CARD_BLOCKS.actions, value: String(number) }],
  });
  await slack().waitForCall('views.open', undefined, WAIT_MS);
  const modal = slack().currentModal(userId);
  if (!modal) throw new Error(`no modal for ${userId}`);
  return modal;
}

/** Sends the same view_submission `times` times, one after the other or all at once; the acks. */
async function submitRepeatedly(
  userId: string,
  view: StoredView,
  values: Values,
  options: { times?: number; together?: boolean } = {},
): Promise<Ack[]> {
  const once = async () => {
    const response = await driver().viewSubmission({ userId, view, values });
    expect(response.status).toBe(200);
    return response.json as Ack;
  };
  const times = options.times ?? 3;
  if (options.together) return Promise.all(Array.from({ length: times }, once));
  const acks: Ack[] = [];
  for (let i = 0; i < times; i++) acks.push(await once());
  return acks;
}

const cardsIn = (channel: string, number: number) =>
  slack()
    .messages(channel)
    .filter((m) => isCardOf(m.text, number));

const escalationsTitled = (title: string) => db().escalation.findMany({ where: { workspaceId, title } });

/** The raise form filled by Lin (Live Ops lead) against Tech. */
async function raiseValues(title: string): Promise<Values> {
  const F = ESCALATION_RAISE_FIELDS;
  return {
    [F.title]: text(title),
    [F.blocked]: text('The Friday live stream cannot feature the new stock.'),
    [F.raiserDepartment]: select(await departmentId('live-ops')),
    [F.counterparts]: multi([await departmentId('tech')]),
    [F.impact]: text('Lost sales on Friday.'),
    [F.decisionNeeded]: text('Which stock to feature?'),
    [F.options]: text('Old stock\nDelay the stream'),
  };
}

/** Raises through the modal once; the escalation's number. */
async function raiseOnce(title: string): Promise<number> {
  const modal = await openModal('U0DEMOLIN', COMMANDS.escalate, '');
  const [ack] = await submitRepeatedly('U0DEMOLIN', modal, await raiseValues(title), { times: 1 });
  expect(ack?.response_action).toBeUndefined();
  await settled();
  const [esc] = await escalationsTitled(title);
  if (!esc) throw new Error(`no escalation titled ${title}`);
  return esc.number;
}

const toldRaiser = (number: number) =>
  slack()
    .ephemerals('U0DEMOLIN', 'C0GENERAL')
    .filter((m) => new RegExp(`ESC-${number}(?!\\d)`).test(m.text));

/** Liaison's chat.postMessage calls to the person's DM (the channel is their user id). */
const dmsTo = (userId: string) =>
  slack()
    .callsTo('chat.postMessage')
    .filter((call) => call.args.channel === userId);

beforeAll(async () => {
  workspaceId = (await db().workspace.findFirstOrThrow({ where: { isDemo: true } })).id;
  slack().addChannel({ id: LIVE_OPS_CHANNEL, name: 'live-ops' });
  slack().addChannel({ id: TECH_CHANNEL, name: 'tech' });
  await db().department.updateMany({
    where: { workspaceId, key: 'live-ops' },
    data: { slackChannelId: LIVE_OPS_CHANNEL },
  });
  await db().department.updateMany({
    where: { workspaceId, key: 'tech' },
    data: { slackChannelId: TECH_CHANNEL },
  });
});

describe('the raise form, sent again', () => {
  it('three times in a row: one escalation, one card per department channel, the raiser told once', async () => {
    const modal = await openModal('U0DEMOLIN', COMMANDS.escalate, '');
    const acks = await submitRepeatedly('U0DEMOLIN', modal, await raiseValues('Once: stock for Friday'));
    // Every attempt is answered as Slack expects (the modal closes); none shows an error.
    expect(acks.map((ack) => ack?.response_action)).toEqual([undefined, undefined, undefined]);
    await settled();

    const raised = await escalationsTitled('Once: stock for Friday');
    expect(raised).toHaveLength(1);
    const number = raised[0]?.number as number;
    expect(cardsIn(LIVE_OPS_CHANNEL, number)).toHaveLength(1);
    expect(cardsIn(TECH_CHANNEL, number)).toHaveLength(1);
    expect(toldRaiser(number)).toHaveLength(1);
    expect(await db().escalationEvent.count({ where: { escalationId: raised[0]?.id, type: 'raised' } })).toBe(
      1,
    );
    expect(
      await db().formSubmission.findMany({
        where: { workspaceId, key: `${modal.id}:${modal.hash}` },
        select: { status: true, callbackId: true },
      }),
    ).toEqual([{ status: 'DONE', callbackId: 'escalations.raise' }]);
  });

  it('three times at once (a retry while the first is at work): still one escalation and one card each', async () => {
    const modal = await openModal('U0DEMOLIN', COMMANDS.escalate, '');
    const acks = await submitRepeatedly('U0DEMOLIN', modal, await raiseValues('Once: all together'), {
      together: true,
    });
    expect(acks.map((ack) => ack?.response_action)).toEqual([undefined, undefined, undefined]);
    await settled();
    const raised = await escalationsTitled('Once: all together');
    expect(raised).toHaveLength(1);
    const number = raised[0]?.number as number;
    expect(cardsIn(LIVE_OPS_CHANNEL, number)).toHaveLength(1);
    expect(cardsIn(TECH_CHANNEL, number)).toHaveLength(1);
  });

  it('a form with a mistake, corrected in the same modal, goes through once; another form raises its own', async () => {
    const modal = await openModal('U0DEMOLIN', COMMANDS.escalate, '');
    const values = await raiseValues('Once: corrected');
    const [refused] = await submitRepeatedly(
      'U0DEMOLIN',
      modal,
      { ...values, [ESCALATION_RAISE_FIELDS.title]: text('  ') },
      { times: 1 },
    );
    expect(refused?.response_action).toBe('errors');
    expect(Object.keys(refused?.errors ?? {})).toEqual([ESCALATION_RAISE_FIELDS.title]);
    // Same view, same hash: the refused attempt changed nothing, so the corrected one is not a repeat.
    const acks = await submitRepeatedly('U0DEMOLIN', modal, values, { times: 2 });
    expect(acks.map((ack) => ack?.response_action)).toEqual([undefined, undefined]);
    await settled();
    expect(await escalationsTitled('Once: corrected')).toHaveLength(1);

    const other = await openModal('U0DEMOLIN', COMMANDS.escalate, '');
    expect(other.id).not.toBe(modal.id);
    await submitRepeatedly('U0DEMOLIN', other, values, { times: 2 });
    await settled();
    // A second form with the same words is a second submission: two escalations, each with its cards.
    const both = await escalationsTitled('Once: corrected');
    expect(both).toHaveLength(2);
    for (const esc of both) expect(cardsIn(TECH_CHANNEL, esc.number)).toHaveLength(1);
  });
});

describe('the step forms on a card, sent again', () => {
  it('Propose three times: one proposal event', async () => {
    const number = await raiseOnce('Once: propose');
    const modal = await pressOnCard('U0DEMOLIN', LIVE_OPS_CHANNEL, number, ESCALATION_ACTIONS.propose);
    expect(modal.callback_id).toBe(ESCALATION_STEP_VIEWS.propose);
    const acks = await submitRepeatedly('U0DEMOLIN', modal, {
      [ESCALATION_STEP_FIELDS.proposal]: text('Delay to Saturday'),
    });
    expect(acks.map((ack) => ack?.response_action)).toEqual([undefined, undefined, undefined]);
    const esc = await db().escalation.findFirstOrThrow({ where: { workspaceId, number } });
    expect(esc.status).toBe('PROPOSED');
    expect(await db().escalationEvent.count({ where: { escalationId: esc.id, type: 'propose' } })).toBe(1);
  });

  it('Resolve with an action item three times: one decision, one action item, no error shown', async () => {
    const number = await raiseOnce('Once: resolve');
    const modal = await pressOnCard('U0DEMOALEX', TECH_CHANNEL, number, ESCALATION_ACTIONS.resolve);
    expect(modal.callback_id).toBe(ESCALATION_STEP_VIEWS.resolve);
    const acks = await submitRepeatedly('U0DEMOALEX', modal, {
      [ESCALATION_STEP_FIELDS.decision]: text('Feature the old stock'),
      [`${ESCALATION_STEP_FIELDS.itemTitle}1`]: text('Update the listing'),
      [`${ESCALATION_STEP_FIELDS.itemOwner}1`]: user('U0DEMOCHEN'),
      [`${ESCALATION_STEP_FIELDS.itemDue}1`]: date(inDays(30)),
    });
    // Without the guard the repeats were refused ("already resolved") under a field of a closed modal.
    expect(acks.map((ack) => ack?.response_action)).toEqual([undefined, undefined, undefined]);
    const esc = await db().escalation.findFirstOrThrow({ where: { workspaceId, number } });
    expect(esc.status).toBe('RESOLVED');
    expect(await db().decision.count({ where: { escalationId: esc.id } })).toBe(1);
    expect(await db().actionItem.count({ where: { workspaceId, title: 'Update the listing' } })).toBe(1);
  });
});

describe('department forms, sent again', () => {
  it('creating a department three times: one department, one confirmation', async () => {
    const modal = await openModal('U0DEMOLIN', COMMANDS.liaison, 'departments manage');
    const before = dmsTo('U0DEMOLIN').length;
    const acks = await submitRepeatedly('U0DEMOLIN', modal, {
      [DEPARTMENT_FIELDS.key]: text('once-growth'),
      [DEPARTMENT_FIELDS.nameEn]: text('Growth'),
      [DEPARTMENT_FIELDS.nameZh]: text('增长'),
    });
    expect(acks.map((ack) => ack?.response_action)).toEqual([undefined, undefined, undefined]);
    await slack().waitForCall('chat.postMessage', (call) => call.args.channel === 'U0DEMOLIN', WAIT_MS);
    expect(await db().department.count({ where: { workspaceId, key: 'once-growth' } })).toBe(1);
    expect(
      await db().auditEvent.count({ where: { action: 'department.created', actorSlackId: 'U0DEMOLIN' } }),
    ).toBe(1);
    expect(dmsTo('U0DEMOLIN').slice(before)).toHaveLength(1);
  });

  it('editing a department three times: one change, one confirmation', async () => {
    const modal = await openModal('U0DEMOLIN', COMMANDS.liaison, 'departments manage once-growth');
    const before = dmsTo('U0DEMOLIN').length;
    const acks = await submitRepeatedly('U0DEMOLIN', modal, {
      [DEPARTMENT_FIELDS.nameEn]: text('Growth & Retention'),
      [DEPARTMENT_FIELDS.nameZh]: text('增长'),
    });
    expect(acks.map((ack) => ack?.response_action)).toEqual([undefined, undefined, undefined]);
    await slack().waitForCall('chat.postMessage', (call) => call.args.channel === 'U0DEMOLIN', WAIT_MS);
    expect(
      (await db().department.findFirstOrThrow({ where: { workspaceId, key: 'once-growth' } })).nameEn,
    ).toBe('Growth & Retention');
    expect(dmsTo('U0DEMOLIN').slice(before)).toHaveLength(1);
  });

  it('importing three times: one summary', async () => {
    slack().addUser({
      id: 'U0ONCEDI',
      name: 'di',
      tz: 'Asia/Shanghai',
      locale: 'zh-CN',
      email: 'di@acme.test',
    });
    const modal = await openModal('U0DEMOLIN', COMMANDS.liaison, 'departments import');
    const before = dmsTo('U0DEMOLIN').length;
    const acks = await submitRepeatedly('U0DEMOLIN', modal, {
      [DEPARTMENT_FIELDS.csv]: text('department,lead_email,member_email\nonce-research,di@acme.test,\n'),
    });
    expect(acks).toEqual([undefined, undefined, undefined]);
    await slack().waitForCall('chat.postMessage', (call) => call.args.channel === 'U0DEMOLIN', WAIT_MS);
    expect(await db().department.count({ where: { workspaceId, key: 'once-research' } })).toBe(1);
    expect(dmsTo('U0DEMOLIN').slice(before)).toHaveLength(1);
  });
});

describe('the holiday notice, confirmed again', () => {
  it('stores the year once; the repeats close the modal without a second attempt', async () => {
    const form = await openModal('U0DEMOLIN', COMMANDS.liaison, 'calendar notice');
    const [read] = await submitRepeatedly(
      'U0DEMOLIN',
      form,
      { [CALENDAR_FIELDS.noticeText]: text(NOTICE_2027_INVENTED) },
      { times: 1 },
    );
    expect(read?.response_action).toBe('update');
    slack().applyViewResponse('U0DEMOLIN', read);
    const preview = slack().currentModal('U0DEMOLIN');
    if (!preview) throw new Error('no preview');
    // Reading a notice stores nothing: sent again, the same preview comes back.
    const [again] = await submitRepeatedly(
      'U0DEMOLIN',
      form,
      { [CALENDAR_FIELDS.noticeText]: text(NOTICE_2027_INVENTED) },
      { times: 1 },
    );
    expect(again?.response_action).toBe('update');

    const acks = await submitRepeatedly('U0DEMOLIN', preview, {});
    expect(acks.map((ack) => ack?.response_action)).toEqual(['update', undefined, undefined]);
    expect(await db().auditEvent.count({ where: { action: 'calendar.notice_applied' } })).toBe(1);
  });
});
