import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/modules/shared/domain-error.types.js';
import { createPacedSlackSender } from '../../src/slack/delivery/paced-slack-sender.js';
import { SLACK_FLOOR_RATES, scaleRates } from '../../src/slack/delivery/rate-floors.js';
import { createBulkClient } from '../../src/slack/delivery/slack-clients.js';
import { ACTION_ITEM_ACTIONS, BLOCKS } from '../../src/slack/ids.js';
import { ACTION_ITEM_BLOCKS } from '../../src/slack/views/action-items.view.js';
import { buildDeliveryWorker } from '../../src/wiring/notifications.wiring.js';
import { blockById, textOf } from '../harness/blocks.js';
import { silent } from '../modules/delivery/outbox-fixture.js';
import { calendarLiaisonForThisFile } from './calendar-test-setup.js';

// Monday 1 December 2036, 10:00 in Shanghai (no holiday calendars: weekends only).
const { state, replyTo } = calendarLiaisonForThisFile('2036-12-01T02:00:00Z');
const db = () => state.db.prisma;
const deps = () => state.liaison.deps;

async function who(slackUserId: string) {
  const person = await db().person.findFirstOrThrow({
    where: { slackUserId },
    select: { id: true, workspaceId: true, slackUserId: true },
  });
  return { personId: person.id, workspaceId: person.workspaceId, slackUserId: person.slackUserId };
}

async function liveOps() {
  return (await db().department.findFirstOrThrow({ where: { key: 'live-ops' }, select: { id: true } })).id;
}

async function codeOf(run: Promise<unknown>) {
  try {
    await run;
  } catch (error) {
    return isDomainError(error) ? error.code : String(error);
  }
  return 'none';
}

describe('action items: create, close, re-date, who may', () => {
  it('creates an item due in N of the owner’s working days, audited', async () => {
    const chen = await who('U0DEMOCHEN');
    const [item] = await deps().actionItems.createMany(
      [
        {
          workspaceId: chen.workspaceId,
          title: 'Send the live-stream review',
          ownerPersonId: chen.personId,
          ownerDepartmentId: await liveOps(),
          due: { workingDays: 2 },
          sourceType: 'escalation',
          sourceId: 'esc-1',
        },
      ],
      { actorSlackId: 'U0DEMOLIN' },
    );
    expect(item?.dueOn).toBe('2036-12-03');
    expect(item?.status).toBe('OPEN');
    const audit = await db().auditEvent.findMany({
      where: { action: 'action_item.created', objectId: item?.id },
      select: { actorSlackId: true },
    });
    expect(audit).toEqual([{ actorSlackId: 'U0DEMOLIN' }]);
    expect(
      (await deps().actionItems.listForSource(chen.workspaceId, 'escalation', 'esc-1')).map((i) => i.title),
    ).toEqual(['Send the live-stream review']);
  });

  it('refuses someone outside the owner’s department (audited), lets the lead re-date and the owner close', async () => {
    const chen = await who('U0DEMOCHEN');
    const [item] = await deps().actionItems.listForOwner(chen.workspaceId, chen.personId);
    const id = item?.id ?? '';
    expect(await codeOf(deps().actionItems.complete(await who('U0DEMOSAM'), id))).toBe(
      'authorization.refused',
    );
    expect(
      await db().auditEvent.count({ where: { action: 'authorization.refused', actorSlackId: 'U0DEMOSAM' } }),
    ).toBe(1);
    expect((await db().actionItem.findUniqueOrThrow({ where: { id } })).status).toBe('OPEN');

    const redated = await deps().actionItems.reDate(await who('U0DEMOLIN'), id, { date: '2036-12-10' });
    expect({ status: redated.status, dueOn: redated.dueOn }).toEqual({ status: 'OPEN', dueOn: '2036-12-10' });
    const audit = await db().auditEvent.findFirst({
      where: { action: 'action_item.redated', objectId: id },
      select: { actorSlackId: true, before: true, after: true },
    });
    expect(audit).toMatchObject({
      actorSlackId: 'U0DEMOLIN',
      before: { dueOn: '2036-12-03' },
      after: { dueOn: '2036-12-10' },
    });

    expect((await deps().actionItems.complete(chen, id)).status).toBe('DONE');
    expect(await codeOf(deps().actionItems.cancel(chen, id))).toBe('action_item.already_closed');
    expect(await db().auditEvent.count({ where: { action: 'action_item.completed', objectId: id } })).toBe(1);
  });
});

describe('reminders and overdue notices', () => {
  it('reminds once on the working day before, at a working moment, then flags overdue once', async () => {
    const chen = await who('U0DEMOCHEN');
    const [item] = await deps().actionItems.createMany([
      {
        workspaceId: chen.workspaceId,
        title: 'Confirm the courier cut-off',
        ownerPersonId: chen.personId,
        due: { date: '2036-12-02' },
        sourceType: 'escalation',
      },
    ]);
    const id = item?.id ?? '';
    const deliveries = (kind: string) =>
      db().delivery.findMany({ where: { kind, recipientPersonId: chen.personId }, select: { status: true } });

    state.clock.set('2036-12-01T12:00:00Z'); // Monday 20:00 in Shanghai: not working time
    await deps().actionItemNotices.run(chen.workspaceId);
    expect(await deliveries('action_item.reminder')).toEqual([]);

    state.clock.set('2036-12-02T01:30:00Z'); // Tuesday (the due date) 09:30
    expect(await deps().actionItemNotices.run(chen.workspaceId)).toMatchObject({ reminded: 1, overdue: 0 });
    expect(await deps().actionItemNotices.run(chen.workspaceId)).toMatchObject({ reminded: 0, overdue: 0 });
    expect(await deliveries('action_item.reminder')).toEqual([{ status: 'QUEUED' }]);
    expect((await db().actionItem.findUniqueOrThrow({ where: { id } })).remindedAt).not.toBeNull();

    state.clock.set('2036-12-03T02:00:00Z'); // Wednesday 10:00: overdue
    expect(await deps().actionItemNotices.run(chen.workspaceId)).toMatchObject({ overdue: 1 });
    expect(await deps().actionItemNotices.run(chen.workspaceId)).toMatchObject({ overdue: 0 });
    expect(await deliveries('action_item.overdue')).toEqual([{ status: 'QUEUED' }]);
    expect((await db().actionItem.findUniqueOrThrow({ where: { id } })).status).toBe('OVERDUE');
    expect(await db().auditEvent.count({ where: { action: 'action_item.overdue', objectId: id } })).toBe(1);
  });

  it('goes through the notification budget: quiet hours hold the reminder', async () => {
    const sam = await who('U0DEMOSAM');
    await db().person.update({
      where: { id: sam.personId },
      data: { quietStartMinute: 9 * 60, quietEndMinute: 12 * 60 },
    });
    await deps().actionItems.createMany([
      {
        workspaceId: sam.workspaceId,
        title: 'Draft the refund macro',
        ownerPersonId: sam.personId,
        due: { date: '2036-12-09' },
        sourceType: 'escalation',
      },
    ]);
    state.clock.set('2036-12-07T23:00:00Z'); // Monday 8 Dec, 10:00 in Melbourne: working, but quiet
    expect(await deps().actionItemNotices.run(sam.workspaceId)).toMatchObject({ reminded: 1 });
    const rows = await db().delivery.findMany({
      where: { kind: 'action_item.reminder', recipientPersonId: sam.personId },
      select: { status: true },
    });
    expect(rows).toEqual([{ status: 'HELD' }]);
  });
});

describe('in Slack', () => {
  it('pressing Done in the reminder DM closes the item and updates the message in the owner’s language', async () => {
    const { slack } = state.liaison;
    const lin = await who('U0DEMOLIN');
    const [item] = await deps().actionItems.createMany([
      {
        workspaceId: lin.workspaceId,
        title: 'Publish the <b>promo</b> schedule',
        ownerPersonId: lin.personId,
        due: { date: '2036-12-09' },
        sourceType: 'escalation',
      },
    ]);
    state.clock.set('2036-12-08T02:00:00Z'); // Monday 10:00 in Shanghai
    expect(await deps().actionItemNotices.run(lin.workspaceId)).toMatchObject({ reminded: 1 });
    const worker = buildDeliveryWorker({
      db: state.db,
      clock: deps().clock,
      logger: silent,
      sender: createPacedSlackSender({
        client: createBulkClient({ token: slack.botToken, apiUrl: slack.url }),
        rates: scaleRates(SLACK_FLOOR_RATES, 20),
      }),
      notifications: { releaseHeld: deps().notifications.releaseHeld },
    });
    await worker.drain();
    const channelId = slack.dmChannelId('U0DEMOLIN') ?? '';
    const dm = slack.messages(channelId).find((m) => m.text?.includes('promo'));
    expect(textOf(blockById(dm?.blocks, ACTION_ITEM_BLOCKS.notice))).toBe(
      '*提醒：*「Publish the &lt;b&gt;promo&lt;/b&gt; schedule」将于 2036年12月9日（周二） 到期。',
    );
    const controls = blockById(dm?.blocks, ACTION_ITEM_BLOCKS.controls) as {
      elements: { action_id: string; value?: string }[];
    };
    const done = controls.elements.find((e) => e.action_id === ACTION_ITEM_ACTIONS.done);
    expect(done?.value).toBe(item?.id);

    await state.driver.blockActions({
      userId: 'U0DEMOLIN',
      channelId,
      message: dm ?? { ts: '0' },
      actions: [
        {
          action_id: ACTION_ITEM_ACTIONS.done,
          block_id: ACTION_ITEM_BLOCKS.controls,
          value: done?.value ?? '',
        },
      ],
    });
    await slack.waitForCall('response_url', (call) => call.args.replace_original === true, 5_000);
    const updated = slack.messages(channelId).find((m) => m.ts === dm?.ts);
    expect(textOf(blockById(updated?.blocks, ACTION_ITEM_BLOCKS.outcome))).toContain('✅ 已完成');
    expect(() => blockById(updated?.blocks, ACTION_ITEM_BLOCKS.controls)).toThrow();
    expect((await db().actionItem.findUniqueOrThrow({ where: { id: item?.id ?? '' } })).status).toBe('DONE');
    expect(
      await db().auditEvent.count({
        where: { action: 'action_item.completed', objectId: item?.id ?? '', actorSlackId: 'U0DEMOLIN' },
      }),
    ).toBe(1);
  });

  it('`/liaison actions` lists the person’s open and overdue items in Chinese, with buttons', async () => {
    const lin = await who('U0DEMOLIN');
    const { slack } = state.liaison;
    // Home tabs are refreshed only for people who have opened theirs.
    const published = slack.callsTo('views.publish').length;
    await state.driver.event({
      event: {
        type: 'app_home_opened',
        user: 'U0DEMOLIN',
        channel: 'D0HOME',
        tab: 'home',
        event_ts: '2112000000.000100',
      },
    });
    await slack.waitForCall('views.publish', () => slack.callsTo('views.publish').length > published, 5_000);
    await deps().actionItems.createMany([
      {
        workspaceId: lin.workspaceId,
        title: 'Review the supplier SLA',
        ownerPersonId: lin.personId,
        due: { date: '2036-12-12' },
        sourceType: 'escalation',
      },
    ]);
    // Creating it refreshed the owner's Home tab: "My action items" lists it.
    await deps().home.settled();
    expect(
      textOf(blockById(state.liaison.slack.homeView('U0DEMOLIN')?.blocks, BLOCKS.home.actionItems)),
    ).toContain('• Review the supplier SLA — 2036年12月12日（周五） 到期');
    const reply = await replyTo('U0DEMOLIN', 'todo');
    expect(textOf(blockById(reply.blocks, ACTION_ITEM_BLOCKS.list))).toBe('*你的待办事项*（1）');
    const lines = (reply.blocks as { block_id?: string; text?: { text: string } }[])
      .filter((b) => b.block_id?.startsWith(ACTION_ITEM_BLOCKS.itemPrefix))
      .map((b) => b.text?.text);
    expect(lines).toEqual(['• Review the supplier SLA — 2036年12月12日（周五） 到期']);
    expect(
      (await deps().directory.openItems.listOpenFor(lin)).some(
        (open) => 'key' in open.title && open.title.key === 'actionItems.openItem',
      ),
    ).toBe(true);
  });

  it('Re-date +3 working days from `/liaison actions` moves the item and re-lists it', async () => {
    const { slack } = state.liaison;
    const reply = await replyTo('U0DEMOLIN', 'actions');
    const row = (
      reply.blocks as {
        block_id?: string;
        elements?: { action_id: string; options?: { value: string }[] }[];
      }[]
    ).find((b) => b.block_id?.startsWith(ACTION_ITEM_BLOCKS.itemControlsPrefix));
    const overflow = row?.elements?.find((e) => e.action_id === ACTION_ITEM_ACTIONS.redate);
    const plusThree = overflow?.options?.[1]?.value ?? '';
    expect(JSON.parse(plusThree)).toMatchObject({ d: 3 });
    await state.driver.blockActions({
      userId: 'U0DEMOLIN',
      channelId: 'C0GENERAL',
      isEphemeral: true,
      message: { ts: '0' },
      actions: [
        {
          type: 'overflow',
          action_id: ACTION_ITEM_ACTIONS.redate,
          block_id: row?.block_id ?? '',
          selected_option: { text: { type: 'plain_text', text: '+3' }, value: plusThree },
        },
      ],
    });
    await slack.waitForCall('response_url', (call) => call.args.replace_original === true, 5_000);
    const replaced = slack
      .callsTo('response_url')
      .filter((call) => call.args.replace_original === true)
      .at(-1);
    const blocks = replaced?.args.blocks as unknown[];
    // Monday 8 Dec 10:00 in Shanghai + 3 working days = Thursday 11 Dec.
    expect(textOf(blockById(blocks, ACTION_ITEM_BLOCKS.outcome))).toBe(
      '📅 已改期至 2036年12月11日（周四）：「Review the supplier SLA」',
    );
    expect(textOf(blockById(blocks, ACTION_ITEM_BLOCKS.list))).toBe('*你的待办事项*（1）');
    const stored = await db().actionItem.findFirstOrThrow({ where: { title: 'Review the supplier SLA' } });
    expect(stored.dueOn.toISOString().slice(0, 10)).toBe('2036-12-11');
  });
});
