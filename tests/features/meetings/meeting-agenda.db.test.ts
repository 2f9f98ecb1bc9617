import { describe, expect, it } from 'vitest';
import {
  AGENDA_ITEM_FIELDS as I,
  MEETING_ACTIONS,
  MEETING_BLOCKS,
  OUTCOME_FIELDS,
} from '../../../src/features/meetings/meetings.ids.js';
import { ESCALATION_ACTIONS, ESCALATION_STEP_VIEWS } from '../../../src/slack/ids.js';
import { blockById, textOf } from '../../harness/blocks.js';
import { meetingsLiaisonForThisFile } from './meetings-setup.js';

// Monday 1 December 2036, 10:00 in Shanghai. MTG-1 meets Mondays 10:00 Shanghai: the next is
// 8 December (02:00 UTC); collection opens 72 h before (5 Dec 02:00 UTC), the reminder at the
// midpoint (6 Dec 02:00 UTC), the cut-off 24 h before (7 Dec 02:00 UTC).
const t = meetingsLiaisonForThisFile('2036-12-01T02:00:00Z');
const CHANNEL = 'C0LAUNCH';

async function theMeeting() {
  return t.db().meeting.findFirstOrThrow({ where: { plannedOn: '2036-12-08' } });
}

/** Presses a button in a DM as the user and returns the modal it opened. */
async function pressForModal(userId: string, actionId: string, value: string) {
  t.slack().reset();
  await t.state.driver.blockActions({
    userId,
    channelId: 'D0DM',
    message: { ts: '1.000001', text: '' },
    actions: [{ action_id: actionId, block_id: 'b', value }],
  });
  await t.slack().waitForCall('views.open');
  const modal = t.slack().currentModal(userId);
  if (!modal) throw new Error(`no modal for ${userId}`);
  return modal;
}

async function submitItem(
  userId: string,
  modal: { id: string },
  values: { title: string; department: string; urgency?: string; link?: string; description?: string },
) {
  t.slack().reset();
  const response = await t.state.driver.viewSubmission({
    userId,
    view: modal,
    values: {
      [I.title]: t.text(values.title),
      [I.description]: t.text(values.description ?? ''),
      [I.department]: t.select(await t.departmentId(values.department)),
      [I.urgency]: {
        value: { type: 'radio_buttons', selected_option: { value: values.urgency ?? 'NORMAL' } },
      },
      [I.link]: t.text(values.link ?? ''),
    },
  });
  const ack = response.json as { response_action?: string; errors?: Record<string, string> } | undefined;
  if (ack?.response_action === 'errors') return { errors: ack.errors ?? {} };
  const call = await t.slack().waitForCall('chat.postMessage', (c) => c.args.channel === userId);
  return { errors: undefined, dm: call.args as { text: string; blocks: unknown[] } };
}

describe('agenda collection and the agenda at the cut-off', () => {
  it('gives the series its next occurrence; nobody is asked before collection opens', async () => {
    t.slack().addChannel({ id: CHANNEL, name: 'launch' });
    expect((await t.createSeries('U0DEMOALEX')).errors).toBeUndefined();
    const first = await t.runCycle();
    expect(first).toMatchObject({ created: 1, opened: 0 });
    expect(await theMeeting()).toMatchObject({
      opensAt: new Date('2036-12-05T02:00:00Z'),
      closesAt: new Date('2036-12-07T02:00:00Z'),
      startsAt: new Date('2036-12-08T02:00:00Z'),
      endsAt: new Date('2036-12-08T03:00:00Z'),
    });
    expect(await t.runCycle()).toMatchObject({ created: 0 });
    expect(await t.db().delivery.count({ where: { kind: 'meeting.agenda_request' } })).toBe(0);
  });

  it('asks each taking-part lead once by DM when collection opens, in their language', async () => {
    t.state.clock.set('2036-12-05T02:01:00Z');
    expect(await t.runCycle()).toMatchObject({ opened: 1 });
    expect(await t.runCycle()).toMatchObject({ opened: 0 });
    const zhang = await t.deliveriesTo('U0DEMOZHANG', 'meeting.agenda_request');
    expect(zhang).toHaveLength(1);
    const message = zhang[0]?.payload as { text: string; blocks: unknown[] };
    expect(message.text).toBe(
      '*MTG-1 Launch sync 新品联席会* 将于 2036年12月8日（周一）10:00 (Asia/Shanghai) 召开。需要讨论什么？请在 2036年12月7日（周日）10:00 (Asia/Shanghai) 前添加议题；之后提交的将标记为逾期。',
    );
    expect(JSON.stringify(message.blocks)).toContain(MEETING_ACTIONS.addItem);
    expect(await t.deliveriesTo('U0DEMOPRIYA', 'meeting.agenda_request')).toHaveLength(1);
    expect(await t.deliveriesTo('U0DEMOALEX', 'meeting.agenda_request')).toHaveLength(1);
    // Lin leads Live Ops, which does not take part.
    expect(await t.deliveriesTo('U0DEMOLIN', 'meeting.agenda_request')).toHaveLength(0);
  });

  it('takes items from the DM’s button: a bad link is refused under its field; the item is recorded', async () => {
    const meeting = await theMeeting();
    const modal = await pressForModal('U0DEMOZHANG', MEETING_ACTIONS.addItem, meeting.id);
    const department = (
      blockById(modal.blocks, I.department).element as { initial_option?: { text: { text: string } } }
    ).initial_option;
    expect(department?.text.text).toBe('供应链');
    const bad = await submitItem('U0DEMOZHANG', modal, {
      title: 'Supplier switch',
      department: 'supply-chain',
      link: 'javascript:alert(1)',
    });
    expect(bad.errors?.[I.link]).toBe('链接必须以 https:// 或 http:// 开头。');
    const good = await submitItem('U0DEMOZHANG', modal, {
      title: 'Supplier switch <!channel>',
      department: 'supply-chain',
      link: 'https://example.com/plan',
    });
    expect(good.dm?.text).toContain('已加入 *MTG-1 Launch sync 新品联席会*');
    expect(good.dm?.text).toContain('「Supplier switch &lt;!channel&gt;」');
    const item = await t
      .db()
      .agendaItem.findFirstOrThrow({ where: { title: { startsWith: 'Supplier switch' } } });
    expect(item).toMatchObject({
      late: false,
      status: 'OPEN',
      urgency: 'NORMAL',
      link: 'https://example.com/plan',
    });
  });

  it('lets the submitter edit and withdraw; someone else may not', async () => {
    const meeting = await theMeeting();
    const modal = await pressForModal('U0DEMOPRIYA', MEETING_ACTIONS.addItem, meeting.id);
    await submitItem('U0DEMOPRIYA', modal, { title: 'Campaign date', department: 'marketing' });
    const item = await t.db().agendaItem.findFirstOrThrow({ where: { title: 'Campaign date' } });
    const edit = await pressForModal('U0DEMOPRIYA', MEETING_ACTIONS.editItem, item.id);
    const edited = await submitItem('U0DEMOPRIYA', edit, {
      title: 'Campaign launch date',
      department: 'marketing',
      urgency: 'URGENT',
    });
    expect(edited.dm?.text).toContain('Updated on the agenda of *MTG-1');
    expect(await t.db().agendaItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      title: 'Campaign launch date',
      urgency: 'URGENT',
    });
    // Someone else's withdraw is refused privately.
    t.slack().reset();
    await t.state.driver.blockActions({
      userId: 'U0DEMOZHANG',
      channelId: 'C0GENERAL',
      message: { ts: '1.000002', text: '' },
      actions: [{ action_id: MEETING_ACTIONS.withdrawItem, block_id: 'b', value: item.id }],
    });
    await t.slack().waitForCall('response_url');
    expect(t.slack().ephemerals('U0DEMOZHANG', 'C0GENERAL').at(-1)?.text).toBe(
      '只有议题提交人（或管理员）可以修改或撤回议题。',
    );
    const withdrawnItem = await t.db().agendaItem.create({
      data: {
        workspaceId: item.workspaceId,
        meetingId: item.meetingId,
        source: 'submitted',
        title: 'Old idea',
        ownerDepartmentId: item.ownerDepartmentId,
        submittedByPersonId: item.submittedByPersonId,
      },
    });
    t.slack().reset();
    await t.state.driver.blockActions({
      userId: 'U0DEMOPRIYA',
      channelId: 'C0GENERAL',
      message: { ts: '1.000003', text: '' },
      actions: [{ action_id: MEETING_ACTIONS.withdrawItem, block_id: 'b', value: withdrawnItem.id }],
    });
    await t.slack().waitForCall('response_url');
    expect(await t.db().agendaItem.findUniqueOrThrow({ where: { id: withdrawnItem.id } })).toMatchObject({
      status: 'WITHDRAWN',
    });
  });

  it('reminds, once, only the leads who have not answered', async () => {
    t.state.clock.set('2036-12-06T02:01:00Z');
    expect(await t.runCycle()).toMatchObject({ reminded: 1 });
    await t.runCycle();
    expect(await t.deliveriesTo('U0DEMOALEX', 'meeting.agenda_reminder')).toHaveLength(1);
    expect(await t.deliveriesTo('U0DEMOZHANG', 'meeting.agenda_reminder')).toHaveLength(0);
    expect(await t.deliveriesTo('U0DEMOPRIYA', 'meeting.agenda_reminder')).toHaveLength(0);
  });

  it('posts the agenda at the cut-off: pre-read with sources, urgent and overdue first, escalations added', async () => {
    const esc = await t.markedEscalation('U0DEMOZHANG', 'Packaging supplier dispute', 'supply-chain', 'tech');
    // Not on this agenda: neither department takes part.
    await t.markedEscalation('U0DEMOLIN', 'Host schedule', 'live-ops', 'hosts');
    t.state.clock.set('2036-12-07T02:01:00Z');
    t.slack().reset();
    expect(await t.runCycle()).toMatchObject({ agendas: 1 });
    expect(await t.runCycle()).toMatchObject({ agendas: 0 });
    const posted = t.slack().messages(CHANNEL);
    expect(posted).toHaveLength(1);
    const agenda = posted[0];
    expect(agenda?.text).toBe('Agenda: MTG-1 Launch sync 新品联席会, Mon 8 Dec 2036, 10:00 (Asia/Shanghai)');
    expect(textOf(blockById(agenda?.blocks, MEETING_BLOCKS.preRead))).toContain(
      `• ESC-${esc.number} “Packaging supplier dispute” was raised (High) _(source: ESC-${esc.number})_`,
    );
    const texts = ((agenda?.blocks ?? []) as { type: string; text?: { text: string } }[])
      .filter((b) => b.type === 'section')
      .map((b) => b.text?.text ?? '');
    const urgentAt = texts.indexOf('*Urgent and overdue*');
    expect(urgentAt).toBeGreaterThan(-1);
    expect(texts[urgentAt + 1]).toContain('*Campaign launch date* — Marketing · Urgent');
    expect(texts[urgentAt + 2]).toContain(`ESC-${esc.number} · *Packaging supplier dispute*`);
    expect(texts.join('\n')).toContain('*Supplier switch &lt;!channel&gt;* — Supply Chain · Normal');
    expect(texts.join('\n')).not.toContain('Host schedule');
    expect(texts.join('\n')).not.toContain('Old idea');
    const escItem = await t.db().agendaItem.findFirstOrThrow({ where: { source: 'escalation' } });
    const escBlock = blockById(agenda?.blocks, `${MEETING_BLOCKS.itemPrefix}${escItem.id}`);
    expect(escBlock.accessory).toMatchObject({
      action_id: ESCALATION_ACTIONS.resolve,
      value: String(esc.number),
    });
    expect((await theMeeting()).agendaMessageTs).toBe(agenda?.ts);
    // The notes flow (`/meeting notes MTG-1`) is a button on the agenda too.
    expect(blockById(agenda?.blocks, MEETING_BLOCKS.notes).elements).toEqual([
      expect.objectContaining({
        action_id: MEETING_ACTIONS.openNotes,
        value: '1',
        text: expect.objectContaining({ text: 'Notes…' }),
      }),
    ]);
  });

  it('marks an item added after the cut-off late and posts it in the agenda’s thread', async () => {
    const meeting = await theMeeting();
    const modal = await pressForModal('U0DEMOALEX', MEETING_ACTIONS.addItem, meeting.id);
    const late = await submitItem('U0DEMOALEX', modal, {
      title: 'API freeze',
      department: 'tech',
      urgency: 'HIGH',
    });
    expect(late.dm?.text).toContain('*late* (after the cut-off)');
    const thread = await t
      .slack()
      .waitForCall(
        'chat.postMessage',
        (c) => c.args.channel === CHANNEL && c.args.thread_ts === meeting.agendaMessageTs,
      );
    expect(JSON.stringify(thread.args.blocks)).toContain('⏰ late · *API freeze* — Tech · High');
  });
});

describe('during and after: decisions, action items, minutes, and the next agenda', () => {
  async function pressOnAgenda(userId: string, actionId: string, value: string) {
    const meeting = await theMeeting();
    t.slack().reset();
    await t.state.driver.blockActions({
      userId,
      channelId: CHANNEL,
      message: { ts: meeting.agendaMessageTs ?? '', text: 'Agenda' },
      actions: [{ action_id: actionId, block_id: 'b', value }],
    });
  }

  it('refuses the decision modal to someone outside the departments taking part', async () => {
    const item = await t
      .db()
      .agendaItem.findFirstOrThrow({ where: { title: { startsWith: 'Supplier switch' } } });
    await pressOnAgenda('U0DEMOSAM', MEETING_ACTIONS.recordOutcome, item.id);
    await t.slack().waitForCall('response_url');
    expect(t.slack().ephemerals('U0DEMOSAM', CHANNEL).at(-1)?.text).toBe(
      'Only people in a department taking part in MTG-1 (or an admin) can do this. Nothing was changed.',
    );
  });

  it('Notes… on the agenda says, privately and in their language, that drafting needs a model; no modal opens', async () => {
    await pressOnAgenda('U0DEMOZHANG', MEETING_ACTIONS.openNotes, '1');
    await t.slack().waitForCall('response_url');
    expect(t.slack().ephemerals('U0DEMOZHANG', CHANNEL).at(-1)?.text).toBe(
      '根据笔记起草需要语言模型，而这里没有配置。请使用议程上的“记录决定…”按钮记录决定和行动项。',
    );
    expect(t.slack().callsTo('views.open')).toHaveLength(0);
  });

  it('records a decision with its action items (source meeting) and says so in the agenda’s thread', async () => {
    const item = await t
      .db()
      .agendaItem.findFirstOrThrow({ where: { title: { startsWith: 'Supplier switch' } } });
    await pressOnAgenda('U0DEMOZHANG', MEETING_ACTIONS.recordOutcome, item.id);
    await t.slack().waitForCall('views.open');
    const modal = t.slack().currentModal('U0DEMOZHANG');
    if (!modal) throw new Error('no decision modal');
    const values = {
      [OUTCOME_FIELDS.decision]: t.text('Switch to the second supplier from January'),
      [OUTCOME_FIELDS.decidedBy]: { value: { type: 'multi_users_select', selected_users: ['U0DEMOZHANG'] } },
      [`${OUTCOME_FIELDS.actionTitle}1`]: t.text('Sign the contract'),
      [`${OUTCOME_FIELDS.actionOwner}1`]: {
        value: { type: 'multi_users_select', selected_users: ['U0DEMOALEX'] },
      },
      [`${OUTCOME_FIELDS.actionDays}1`]: t.text('3'),
      [`${OUTCOME_FIELDS.actionTitle}2`]: t.text('Tell the warehouse'),
    };
    const missing = await t.state.driver.viewSubmission({ userId: 'U0DEMOZHANG', view: modal, values });
    expect(
      (missing.json as { errors: Record<string, string> }).errors[`${OUTCOME_FIELDS.actionOwner}2`],
    ).toBe('请选择该行动项的负责人。');
    expect(await t.db().decision.count()).toBe(0);
    t.slack().reset();
    const ok = await t.state.driver.viewSubmission({
      userId: 'U0DEMOZHANG',
      view: modal,
      values: { ...values, [`${OUTCOME_FIELDS.actionTitle}2`]: t.text('') },
    });
    expect(ok.json).toBeUndefined();
    const thread = await t.slack().waitForCall('chat.postMessage', (c) => c.args.channel === CHANNEL);
    const decision = await t.db().decision.findFirstOrThrow({ where: { agendaItemId: item.id } });
    expect(decision.text).toBe('Switch to the second supplier from January');
    const actions = await t.db().actionItem.findMany({ where: { decisionId: decision.id } });
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      title: 'Sign the contract',
      sourceType: 'meeting',
      sourceId: item.id,
      ownerPersonId: await t.personId('U0DEMOALEX'),
      status: 'OPEN',
    });
    expect(await t.db().agendaItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      status: 'DECIDED',
    });
    expect(thread.args.text).toBe(
      '✅ Decided on *Supplier switch &lt;!channel&gt;* by <@U0DEMOZHANG>: Switch to the second supplier from January',
    );
  });

  it('opens the escalation’s own resolve flow from its agenda item', async () => {
    const escItem = await t.db().agendaItem.findFirstOrThrow({ where: { source: 'escalation' } });
    const esc = await t.db().escalation.findUniqueOrThrow({ where: { id: escItem.escalationId ?? '' } });
    await pressOnAgenda('U0DEMOALEX', ESCALATION_ACTIONS.resolve, String(esc.number));
    await t.slack().waitForCall('views.open');
    expect(t.slack().currentModal('U0DEMOALEX')?.callback_id).toBe(ESCALATION_STEP_VIEWS.resolve);
  });

  it('posts the minutes in the agenda’s thread after the meeting, deferring what was not decided', async () => {
    t.state.clock.set('2036-12-08T03:01:00Z');
    t.slack().reset();
    expect(await t.runCycle()).toMatchObject({ minutes: 1, created: 1 });
    expect(await t.runCycle()).toMatchObject({ minutes: 0 });
    const meeting = await theMeeting();
    const minutes = t
      .slack()
      .callsTo('chat.postMessage')
      .filter((c) => c.args.thread_ts === meeting.agendaMessageTs);
    expect(minutes).toHaveLength(1);
    const blocks = minutes[0]?.args.blocks as unknown[];
    expect(textOf(blockById(blocks, 'meetings.minutes.decisions'))).toContain(
      '• *Supplier switch &lt;!channel&gt;*: Switch to the second supplier from January — <@U0DEMOZHANG>',
    );
    expect(textOf(blockById(blocks, 'meetings.minutes.actions'))).toMatch(
      /• Sign the contract — <@U0DEMOALEX>, due 2036-12-1\d/,
    );
    const deferred = textOf(blockById(blocks, 'meetings.minutes.deferred'));
    expect(deferred).toContain('• Campaign launch date');
    expect(deferred).toContain('• Packaging supplier dispute');
    expect(deferred).toContain('• API freeze');
  });

  it('carries deferred items and the open action items to the next agenda, with the decision in the pre-read', async () => {
    t.state.clock.set('2036-12-14T02:01:00Z');
    t.slack().reset();
    expect(await t.runCycle()).toMatchObject({ agendas: 1 });
    const agenda = t.slack().messages(CHANNEL).at(-1);
    expect(agenda?.text).toContain('Mon 15 Dec 2036, 10:00');
    expect(textOf(blockById(agenda?.blocks, MEETING_BLOCKS.preRead))).toContain(
      '• Decided on “Supplier switch &lt;!channel&gt;”: Switch to the second supplier from January _(source: minutes of 2036-12-08)_',
    );
    const all = JSON.stringify(agenda?.blocks);
    expect(all).toContain('↩︎ carried · *Campaign launch date*');
    expect(all.match(/Packaging supplier dispute/g)).toHaveLength(1);
    expect(textOf(blockById(agenda?.blocks, MEETING_BLOCKS.followUps))).toMatch(
      /• Sign the contract — <@U0DEMOALEX>, due 2036-12-1\d/,
    );
  });
});
