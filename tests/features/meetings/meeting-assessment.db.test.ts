import { describe, expect, it } from 'vitest';
import {
  AGENDA_ITEM_FIELDS as I,
  MEETING_ACTIONS,
  OUTCOME_FIELDS,
} from '../../../src/features/meetings/meetings.ids.js';
import { COMMANDS } from '../../../src/slack/ids.js';
import { ESCALATION_REPORT_BLOCKS } from '../../../src/slack/views/escalation-report.view.js';
import { blockById, textOf } from '../../harness/blocks.js';
import { meetingsLiaisonForThisFile } from './meetings-setup.js';

// Monday 1 December 2036 (Q4), 10:00 in Shanghai. MTG-1 meets Mondays 10:00 Shanghai: the next
// is 8 December (02:00 UTC); collection opens 5 Dec 02:00 UTC, the cut-off is 7 Dec 02:00 UTC.
const t = meetingsLiaisonForThisFile('2036-12-01T02:00:00Z');
const CHANNEL = 'C0LAUNCH';
const HOUR = 3_600_000;

async function theMeeting() {
  return t.db().meeting.findFirstOrThrow({ where: { plannedOn: '2036-12-08' } });
}

async function press(userId: string, channelId: string, ts: string, actionId: string, value: string) {
  t.slack().reset();
  await t.state.driver.blockActions({
    userId,
    channelId,
    message: { ts, text: '' },
    actions: [{ action_id: actionId, block_id: 'b', value }],
  });
  await t.slack().waitForCall('views.open');
  const modal = t.slack().currentModal(userId);
  if (!modal) throw new Error(`no modal for ${userId}`);
  return modal;
}

async function raise(userId: string, title: string, department: string) {
  const meeting = await theMeeting();
  const modal = await press(userId, 'D0DM', '1.000001', MEETING_ACTIONS.addItem, meeting.id);
  const response = await t.state.driver.viewSubmission({
    userId,
    view: modal,
    values: {
      [I.title]: t.text(title),
      [I.description]: t.text(''),
      [I.department]: t.select(await t.departmentId(department)),
      [I.urgency]: { value: { type: 'radio_buttons', selected_option: { value: 'NORMAL' } } },
      [I.link]: t.text(''),
    },
  });
  expect(response.json).toBeUndefined();
  return t.db().agendaItem.findFirstOrThrow({ where: { title } });
}

async function decide(userId: string, itemId: string, text: string) {
  const meeting = await theMeeting();
  const modal = await press(
    userId,
    CHANNEL,
    meeting.agendaMessageTs ?? '',
    MEETING_ACTIONS.recordOutcome,
    itemId,
  );
  const response = await t.state.driver.viewSubmission({
    userId,
    view: modal,
    values: {
      [OUTCOME_FIELDS.decision]: t.text(text),
      [OUTCOME_FIELDS.decidedBy]: { value: { type: 'multi_users_select', selected_users: [userId] } },
      [`${OUTCOME_FIELDS.actionTitle}1`]: t.text(''),
    },
  });
  expect(response.json).toBeUndefined();
}

async function reportLines(userId: string) {
  t.slack().reset();
  await t.state.driver.slashCommand({
    command: COMMANDS.escalate,
    text: 'report',
    userId,
    channelId: 'C0GENERAL',
  });
  await t.slack().waitForCall('response_url');
  const reply = t.slack().ephemerals(userId, 'C0GENERAL').at(-1);
  return textOf(blockById(reply?.blocks, ESCALATION_REPORT_BLOCKS.departments)).split('\n');
}

describe('the joint assessment counts joint meetings’ agenda items', () => {
  it('shows agenda items raised and resolved and the issue-resolution cycle against the previous quarter', async () => {
    t.slack().addChannel({ id: CHANNEL, name: 'launch' });
    expect((await t.createSeries('U0DEMOALEX')).errors).toBeUndefined();
    await t.runCycle();
    // Last quarter (Q3) Supply Chain's one agenda item took 4 days from raising to decision.
    const earlier = await theMeeting();
    await t.db().agendaItem.create({
      data: {
        workspaceId: earlier.workspaceId,
        meetingId: earlier.id,
        source: 'submitted',
        title: 'Q3 supplier audit',
        ownerDepartmentId: await t.departmentId('supply-chain'),
        status: 'DECIDED',
        createdAt: new Date('2036-08-04T02:00:00Z'),
        decidedAt: new Date('2036-08-08T02:00:00Z'),
      },
    });

    t.state.clock.set('2036-12-05T02:01:00Z');
    expect(await t.runCycle()).toMatchObject({ opened: 1 });
    // Raised 5 Dec 04:00 UTC and 6 Dec 02:00 UTC for Supply Chain, one for Marketing.
    t.state.clock.set('2036-12-05T04:00:00Z');
    const switchItem = await raise('U0DEMOZHANG', 'Supplier switch', 'supply-chain');
    t.state.clock.set('2036-12-06T02:00:00Z');
    const packaging = await raise('U0DEMOZHANG', 'Packaging cost', 'supply-chain');
    await raise('U0DEMOPRIYA', 'Campaign date', 'marketing');

    t.state.clock.set('2036-12-07T02:01:00Z');
    await t.runCycle();
    expect((await theMeeting()).agendaMessageTs).toBeTruthy();

    // Decided at the meeting, 8 Dec 02:30 UTC: 2 d 22 h 30 min and 2 d 30 min → median 2 d 11 h 30 min.
    t.state.clock.set('2036-12-08T02:30:00Z');
    await decide('U0DEMOZHANG', switchItem.id, 'Second supplier from January');
    await decide('U0DEMOZHANG', packaging.id, 'Keep the current box');
    expect(
      (await t.db().agendaItem.findUniqueOrThrow({ where: { id: switchItem.id } })).decidedAt?.getTime(),
    ).toBe(new Date('2036-12-05T04:00:00Z').getTime() + (70 * HOUR + 30 * 60_000));

    const lines = await reportLines('U0DEMOCHEN');
    const supply = lines.find((line) => line.startsWith('*供应链*'));
    expect(supply).toContain('议题提出 2、解决 2 · 问题解决周期 2天11小时（上季度 4天，−38%）');
    const marketing = lines.find((line) => line.startsWith('*营销*'));
    expect(marketing).toContain('议题提出 1、解决 0 · 问题解决周期 —');

    const kept = await t.db().assessmentSnapshot.findFirstOrThrow({
      where: { quarter: '2036-Q4', departmentId: await t.departmentId('supply-chain') },
    });
    expect(kept).toMatchObject({
      agendaItemsRaised: 2,
      agendaItemsResolved: 2,
      agendaCycleMinutes: 59 * 60 + 30,
      agendaCyclePrevMinutes: 4 * 24 * 60,
    });
  });
});
