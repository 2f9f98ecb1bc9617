import { describe, expect, it } from 'vitest';
import {
  MEETING_NEW_FIELDS as F,
  AGENDA_ITEM_FIELDS as I,
  MEETING_ACTIONS,
  MEETING_BLOCKS,
} from '../../../src/features/meetings/meetings.ids.js';
import { COMMANDS } from '../../../src/slack/ids.js';
import { blockById, textOf } from '../../harness/blocks.js';
import { meetingsLiaisonForThisFile } from './meetings-setup.js';

// Monday 1 December 2036, 10:00 in Shanghai. MTG-1 meets Mondays 10:00 Shanghai; after the
// edit below, 09:00: collection opens 72 h before, the cut-off is 24 h before.
const t = meetingsLiaisonForThisFile('2036-12-01T02:00:00Z');
const CHANNEL = 'C0LAUNCH';

async function theMeeting() {
  return t.db().meeting.findFirstOrThrow({ where: { plannedOn: '2036-12-08' } });
}

async function refusals(slackUserId: string, attempted: string) {
  const rows = await t.db().auditEvent.findMany({
    where: { action: 'authorization.refused', actorSlackId: slackUserId },
  });
  return rows.filter((row) => (row.after as { attempted?: string } | null)?.attempted === attempted);
}

/** `/meeting edit MTG-1` as the user: the modal it opened. */
async function openEdit(userId: string) {
  t.slack().reset();
  await t.state.driver.slashCommand({
    command: COMMANDS.meeting,
    text: 'edit MTG-1',
    userId,
    channelId: 'C0GENERAL',
  });
  await t.slack().waitForCall('views.open');
  const modal = t.slack().currentModal(userId);
  if (!modal) throw new Error(`no modal for ${userId}`);
  return modal;
}

const initialText = (modal: { blocks: unknown[] }, block: string) =>
  (blockById(modal.blocks, block).element as { initial_value?: string }).initial_value;

describe('/meeting edit', () => {
  it('refuses someone who may not change the series, audited, in their language', async () => {
    t.slack().addChannel({ id: CHANNEL, name: 'launch' });
    expect((await t.createSeries('U0DEMOALEX')).errors).toBeUndefined();
    expect(await t.runCycle()).toMatchObject({ created: 1 });
    expect((await t.meeting('U0DEMOSAM', 'edit MTG-1')).text).toBe(
      'Only an admin, the facilitator, or a lead of a department taking part in MTG-1 can change it. Nothing was changed.',
    );
    expect(await refusals('U0DEMOSAM', 'meetings.edit')).toHaveLength(1);
  });

  it('opens the modal filled in from the series; bad fields are refused under the field', async () => {
    const modal = await openEdit('U0DEMOALEX');
    expect(initialText(modal, F.title)).toBe('Launch sync 新品联席会');
    expect(initialText(modal, F.time)).toBe('10:00');
    expect(initialText(modal, F.opens)).toBe('72');
    const recurrence = blockById(modal.blocks, F.recurrence).element as {
      initial_option?: { value: string };
    };
    expect(recurrence.initial_option?.value).toBe('weekly');
    const response = await t.state.driver.viewSubmission({
      userId: 'U0DEMOALEX',
      view: modal,
      values: await t.seriesValues({ [F.closes]: t.text('90') }),
    });
    const ack = response.json as { response_action?: string; errors?: Record<string, string> };
    expect(ack.errors?.[F.closes]).toContain('The cut-off must come after collection opens');
  });

  it('saves the change, recomputes the upcoming occurrence, audits it and says so', async () => {
    const before = await theMeeting();
    expect(before.startsAt).toEqual(new Date('2036-12-08T02:00:00Z'));
    const modal = await openEdit('U0DEMOALEX');
    t.slack().reset();
    await t.state.driver.viewSubmission({
      userId: 'U0DEMOALEX',
      view: modal,
      values: await t.seriesValues({ [F.time]: t.text('09:00'), [F.title]: t.text('Launch sync v2') }),
    });
    await t.slack().waitForCall('chat.postEphemeral');
    expect(t.slack().ephemerals('U0DEMOALEX', 'C0GENERAL').at(-1)?.text).toBe(
      '*MTG-1* “Launch sync v2” is changed: every Monday at 09:00 (Asia/Shanghai). Next: Mon 8 Dec 2036, 09:00 (Asia/Shanghai). 1 upcoming occurrence was recomputed.',
    );
    expect(await theMeeting()).toMatchObject({
      id: before.id,
      startsAt: new Date('2036-12-08T01:00:00Z'),
      closesAt: new Date('2036-12-07T01:00:00Z'),
    });
    const audit = await t.db().auditEvent.findFirstOrThrow({ where: { action: 'meeting.series_edited' } });
    expect(audit).toMatchObject({ actorSlackId: 'U0DEMOALEX' });
    expect(audit.before).toMatchObject({ title: 'Launch sync 新品联席会', timeOfDay: '10:00' });
    expect(audit.after).toMatchObject({ title: 'Launch sync v2', timeOfDay: '09:00' });
  });
});

describe('/meeting delegate', () => {
  it('refuses someone who leads no department taking part, audited; asks a lead of several which one', async () => {
    expect((await t.meeting('U0DEMOSAM', 'delegate MTG-1 <@U0DEMOLIN|lin>')).text).toBe(
      'Only a lead of a department taking part in MTG-1 (or an admin) can name its delegate. Nothing was changed.',
    );
    expect(await refusals('U0DEMOSAM', 'meetings.delegate')).toHaveLength(1);
    expect((await t.meeting('U0DEMOALEX', 'delegate MTG-1 <@U0DEMOLIN|lin> live-ops')).text).toContain(
      'does not take part in MTG-1',
    );
    expect(await t.db().meetingDelegate.count()).toBe(0);
  });

  it('lets a lead name a delegate, who gets the collection DM and may add items', async () => {
    expect((await t.meeting('U0DEMOZHANG', 'delegate MTG-1 <@U0DEMOLIN|lin>')).text).toBe(
      '<@U0DEMOLIN> 现在代表供应链回复 MTG-1 的议题征集：会收到征集私信并可添加议题。',
    );
    const row = await t.db().meetingDelegate.findFirstOrThrow();
    expect(row).toMatchObject({
      departmentId: await t.departmentId('supply-chain'),
      personId: await t.personId('U0DEMOLIN'),
    });
    expect(await t.db().auditEvent.count({ where: { action: 'meeting.delegate_named' } })).toBe(1);
    t.state.clock.set('2036-12-05T01:01:00Z');
    expect(await t.runCycle()).toMatchObject({ opened: 1 });
    // Lin leads Live Ops, which does not take part: the DM is there as Supply chain's delegate.
    expect(await t.deliveriesTo('U0DEMOLIN', 'meeting.agenda_request')).toHaveLength(1);
    const meeting = await theMeeting();
    t.slack().reset();
    await t.state.driver.blockActions({
      userId: 'U0DEMOLIN',
      channelId: 'D0DM',
      message: { ts: '1.000001', text: '' },
      actions: [{ action_id: MEETING_ACTIONS.addItem, block_id: 'b', value: meeting.id }],
    });
    await t.slack().waitForCall('views.open');
    const modal = t.slack().currentModal('U0DEMOLIN');
    if (!modal) throw new Error('no modal for the delegate');
    t.slack().reset();
    await t.state.driver.viewSubmission({
      userId: 'U0DEMOLIN',
      view: modal,
      values: {
        [I.title]: t.text('Second packaging supplier'),
        [I.description]: t.text(''),
        [I.department]: t.select(await t.departmentId('supply-chain')),
        [I.urgency]: { value: { type: 'radio_buttons', selected_option: { value: 'HIGH' } } },
        [I.link]: t.text(''),
      },
    });
    await t.slack().waitForCall('chat.postMessage', (c) => c.args.channel === 'U0DEMOLIN');
    const item = await t.db().agendaItem.findFirstOrThrow({ where: { title: 'Second packaging supplier' } });
    expect(item.submittedByPersonId).toBe(await t.personId('U0DEMOLIN'));
    // Someone else may not withdraw it: refused privately, and the refusal is audited.
    t.slack().reset();
    await t.state.driver.blockActions({
      userId: 'U0DEMOZHANG',
      channelId: 'C0GENERAL',
      message: { ts: '1.000002', text: '' },
      actions: [{ action_id: MEETING_ACTIONS.withdrawItem, block_id: 'b', value: item.id }],
    });
    await t.slack().waitForCall('response_url');
    expect(await refusals('U0DEMOZHANG', 'meetings.withdraw_item')).toHaveLength(1);
    expect((await t.db().agendaItem.findUniqueOrThrow({ where: { id: item.id } })).status).toBe('OPEN');
  });
});

describe('the agenda at the cut-off', () => {
  it('adds KPI breaches and OKR drops since the last meeting, urgent first; posts once for two concurrent runs', async () => {
    const workspaceId = (await theMeeting()).workspaceId;
    const tech = await t.departmentId('tech');
    const kpi = await t.db().kpi.create({
      data: {
        workspaceId,
        key: 'crash-rate',
        nameEn: 'Crash rate',
        nameZh: '崩溃率',
        unit: 'PERCENT',
        ownerDepartmentId: tech,
        direction: 'LOWER_IS_BETTER',
      },
    });
    await t.db().kpiBreach.create({
      data: {
        kpiId: kpi.id,
        level: 2,
        period: '2036-12-05',
        value: 3.5,
        startedAt: new Date('2036-12-05T00:00:00Z'),
      },
    });
    // Older than the look-back (the first meeting looks back 30 days): not on the agenda.
    await t.db().kpiBreach.create({
      data: {
        kpiId: kpi.id,
        level: 1,
        period: '2036-10-01',
        value: 2,
        startedAt: new Date('2036-10-01T00:00:00Z'),
        // Over since: one KPI has at most one open breach.
        recoveredAt: new Date('2036-10-03T00:00:00Z'),
      },
    });
    const owner = await t.personId('U0DEMOALEX');
    const period = await t.db().okrPeriod.create({
      data: { workspaceId, key: '2036-Q4', startsOn: '2036-10-01', endsOn: '2036-12-31' },
    });
    const objective = await t.db().okrObjective.create({
      data: { workspaceId, number: 901, periodId: period.id, departmentId: tech, title: 'Stable app' },
    });
    const kr = await t.db().okrKeyResult.create({
      data: {
        workspaceId,
        number: 902,
        objectiveId: objective.id,
        title: 'Crash-free 99.9%',
        kind: 'METRIC',
        ownerPersonId: owner,
      },
    });
    for (const [cycleOn, confidence, answeredAt] of [
      ['2036-11-20', 'ON_TRACK', '2036-11-20T02:00:00Z'],
      ['2036-12-04', 'AT_RISK', '2036-12-04T02:00:00Z'],
    ] as const) {
      const window = await t.db().okrCheckInWindow.create({
        data: { workspaceId, departmentId: tech, cycleOn, closesAt: new Date(answeredAt) },
      });
      await t.db().okrCheckIn.create({
        data: {
          windowId: window.id,
          keyResultId: kr.id,
          personId: owner,
          progress: 0.5,
          confidence,
          answeredAt: new Date(answeredAt),
        },
      });
    }
    t.state.clock.set('2036-12-07T01:01:00Z');
    t.slack().reset();
    const [a, b] = await Promise.all([t.runCycle(), t.runCycle()]);
    expect((a.agendas ?? 0) + (b.agendas ?? 0)).toBe(1);
    expect(await t.runCycle()).toMatchObject({ agendas: 0 });
    const posted = t.slack().messages(CHANNEL);
    expect(posted).toHaveLength(1);
    const items = await t.db().agendaItem.findMany({ where: { source: { in: ['kpiBreach', 'okrDrop'] } } });
    expect(items.map((i) => [i.source, i.title, i.urgency]).sort()).toEqual([
      ['kpiBreach', 'KPI Crash rate: threshold level 2 breached', 'URGENT'],
      ['okrDrop', 'KR-902 Crash-free 99.9%: confidence dropped', 'NORMAL'],
    ]);
    const blocks = posted[0]?.blocks;
    const all = JSON.stringify(blocks);
    expect(all).toContain('📉 KPI breach · *KPI Crash rate: threshold level 2 breached*');
    expect(all).toContain('Value 3.5 for 2036-12-05 (`/kpi show crash-rate`); not recovered yet.');
    expect(all).toContain('Confidence on track → at risk (check-in of 2036-12-04).');
    // Urgent first: the breach is in the first group, before the department groups.
    expect(all.indexOf('*Urgent and overdue*')).toBeLessThan(all.indexOf('KPI Crash rate'));
    // No model in tests: the rules wrote the pre-read, and the agenda says so.
    expect(textOf(blockById(blocks, MEETING_BLOCKS.preReadBy))).toBe(
      'Pre-read listed by Liaison’s rules from what it recorded.',
    );
    expect(await theMeeting()).toMatchObject({ preReadWrittenBy: 'rules', agendaPostingSince: null });
  });
});
