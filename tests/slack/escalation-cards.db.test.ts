import { beforeAll, describe, expect, it } from 'vitest';
import { escalationSlaJob } from '../../src/features/escalations/escalation-sla.job.js';
import { translator } from '../../src/i18n/catalog.js';
import { createEscalationCardsPrismaRepository } from '../../src/modules/escalations/escalation-cards.prisma-repository.js';
import type { RaiseInput } from '../../src/modules/escalations/escalations.types.js';
import type { JobContext } from '../../src/modules/scheduling/job-handler.types.js';
import { CARD_POSTING_CLAIM_MS } from '../../src/slack/escalations/escalation-card-refresher.js';
import { ESCALATION_ACTIONS, ESCALATION_STEP_FIELDS, ESCALATION_STEP_VIEWS } from '../../src/slack/ids.js';
import { ESCALATION_CARD_BLOCKS } from '../../src/slack/views/escalation-card.view.js';
import { escalationNoticeView } from '../../src/slack/views/escalation-notice.view.js';
import { blockById, textOf } from '../harness/blocks.js';
import { isCardOf } from '../harness/escalation-card.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';

const file = liaisonForThisFile({ seedDemo: true });
const db = () => file.db.prisma;
const slack = () => file.liaison.slack;
const deps = () => file.liaison.deps;
const settled = () => deps().escalationCards.refresher.settled();

const LIVE_OPS_CHANNEL = 'C0LIVEOPS';
const TECH_CHANNEL = 'C0TECH';

let workspaceId = '';

async function departmentId(key: string) {
  return (await db().department.findFirstOrThrow({ where: { workspaceId, key }, select: { id: true } })).id;
}

async function raiseAs(slackUserId: string, title: string, counterpart = 'tech', own = 'live-ops') {
  const person = await db().person.findFirstOrThrow({ where: { workspaceId, slackUserId } });
  const input: RaiseInput = {
    title,
    blocked: 'The Friday live stream <!here>',
    impact: 'Lost sales',
    decisionNeeded: 'Which stock to feature',
    options: [
      { label: 'Feature the old stock', recommended: false },
      { label: 'Delay the stream', recommended: true },
    ],
    severity: 'HIGH',
    raiserDepartmentId: await departmentId(own),
    counterpartDepartmentIds: [await departmentId(counterpart)],
  };
  return deps().escalations.raise(await deps().authorization.subjectOf(person.id), input);
}

/** The card Liaison keeps in a channel for an escalation (there is one per escalation). */
function cardIn(channel: string, number: number) {
  const card = slack()
    .messages(channel)
    .find((m) => isCardOf(m.text, number));
  if (!card) throw new Error(`no card for ESC-${number} in ${channel}`);
  return card;
}

const buttonLabelsOf = (blocks: unknown[] | undefined) =>
  ((blockById(blocks, ESCALATION_CARD_BLOCKS.actions).elements as { text: { text: string } }[]) ?? []).map(
    (e) => e.text.text,
  );

const buttonsOf = (blocks: unknown[] | undefined) =>
  ((blockById(blocks, ESCALATION_CARD_BLOCKS.actions).elements as { action_id: string }[]) ?? []).map(
    (e) => e.action_id,
  );

/** Presses a card button as the user; waits for Liaison's private answer and the card refresh. */
async function press(userId: string, channel: string, number: number, actionId: string) {
  slack().clearCalls();
  const message = cardIn(channel, number);
  await file.liaison.driver.blockActions({
    userId,
    channelId: channel,
    message,
    actions: [{ action_id: actionId, block_id: ESCALATION_CARD_BLOCKS.actions, value: String(number) }],
  });
}

async function privateAnswer(userId: string, channel: string) {
  await slack().waitForCall('response_url', (call) => call.args.response_type === 'ephemeral');
  return slack().ephemerals(userId, channel).at(-1)?.text ?? '';
}

async function openedModal(userId: string) {
  await slack().waitForCall('views.open');
  const modal = slack().currentModal(userId);
  if (!modal) throw new Error(`no modal for ${userId}`);
  return modal;
}

async function submit(userId: string, view: { id: string }, values: Record<string, Record<string, unknown>>) {
  const response = await file.liaison.driver.viewSubmission({ userId, view, values });
  expect(response.status).toBe(200);
  return response.json as { response_action?: string; errors?: Record<string, string> } | undefined;
}

const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
const user = (id: string | null) => ({ value: { type: 'users_select', selected_user: id } });
const date = (value: string | null) => ({ value: { type: 'datepicker', selected_date: value } });
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const checked = (values: string[]) => ({
  value: { type: 'checkboxes', selected_options: values.map((value) => ({ value })) },
});

const statusOf = async (number: number) =>
  (await db().escalation.findFirstOrThrow({ where: { workspaceId, number }, select: { status: true } }))
    .status;

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

// The demo's departments speak Chinese (Department.locale 'zh-CN'): their cards are in
// Chinese whatever the workspace's default (English here) and whoever presses a button;
// each person's private answers stay in their own language.
describe('escalation cards in department channels', () => {
  let number = 0;

  it('raising posts one card in each department’s channel, in the channel’s language (Chinese): ESC-N, level 1, the leads, a deadline every viewer sees in their zone, the title escaped', async () => {
    const esc = await raiseAs('U0DEMOLIN', 'Stock <!channel> & returns');
    number = esc.number;
    await settled();
    for (const channel of [LIVE_OPS_CHANNEL, TECH_CHANNEL]) {
      const cards = slack()
        .messages(channel)
        .filter((m) => isCardOf(m.text, number));
      expect(cards).toHaveLength(1);
      expect(cards[0]?.text).toBe(
        `ESC-${number}（高，待处理，第 1 级）：Stock &lt;!channel&gt; &amp; returns`,
      );
      const blocks = cards[0]?.blocks;
      expect(textOf(blockById(blocks, ESCALATION_CARD_BLOCKS.heading))).toBe(
        `*ESC-${number}* · Stock &lt;!channel&gt; &amp; returns`,
      );
      const facts = textOf(blockById(blocks, ESCALATION_CARD_BLOCKS.facts));
      expect(facts).toContain('*严重程度*\n高');
      expect(facts).toContain('*状态*\n待处理');
      expect(facts).toContain('*层级*\n1');
      expect(facts).toContain('<@U0DEMOLIN>');
      expect(facts).toContain('<@U0DEMOALEX>');
      const unix = Math.floor((esc.slaDueAt as Date).getTime() / 1000);
      expect(facts).toMatch(new RegExp(`<!date\\^${unix}\\^\\{date_short_pretty\\} \\{time\\}\\|[^>]+ UTC>`));
      const problem = textOf(blockById(blocks, ESCALATION_CARD_BLOCKS.problem));
      expect(problem).toContain('The Friday live stream &lt;!here&gt;');
      expect(textOf(blockById(blocks, ESCALATION_CARD_BLOCKS.options))).toContain(
        '• Delay the stream *（推荐）*',
      );
      expect(textOf(blockById(blocks, ESCALATION_CARD_BLOCKS.context))).toBe(
        '由 <@U0DEMOLIN> 发起 · 直播运营 ↔ 技术 · 请在此消息的话题中讨论',
      );
      expect(buttonsOf(blocks)).toEqual([
        ESCALATION_ACTIONS.acknowledge,
        ESCALATION_ACTIONS.propose,
        ESCALATION_ACTIONS.resolve,
        ESCALATION_ACTIONS.escalate,
        ESCALATION_ACTIONS.reassign,
        ESCALATION_ACTIONS.markForMeeting,
      ]);
      expect(buttonLabelsOf(blocks)).toEqual([
        '确认',
        '提出方案…',
        '解决…',
        '立即升级…',
        '转交…',
        '标记待讨论',
      ]);
    }
    const rows = await db().escalationDepartment.findMany({ where: { escalationId: esc.id } });
    expect(rows.map((r) => [r.cardChannelId, r.cardTs !== null, r.cardError]).sort()).toEqual([
      [LIVE_OPS_CHANNEL, true, null],
      [TECH_CHANNEL, true, null],
    ]);
  });

  it('a level-1 lead acknowledges from the card: the cards are updated in place', async () => {
    await press('U0DEMOALEX', TECH_CHANNEL, number, ESCALATION_ACTIONS.acknowledge);
    expect(await privateAnswer('U0DEMOALEX', TECH_CHANNEL)).toBe(`You acknowledged ESC-${number}.`);
    await settled();
    expect(await statusOf(number)).toBe('ACKNOWLEDGED');
    expect(slack().callsTo('chat.update', { ok: true })).toHaveLength(2);
    for (const channel of [LIVE_OPS_CHANNEL, TECH_CHANNEL]) {
      const card = cardIn(channel, number);
      expect(card.edited).toBeDefined();
      expect(textOf(blockById(card.blocks, ESCALATION_CARD_BLOCKS.facts))).toContain('*状态*\n已确认');
      expect(buttonsOf(card.blocks)).not.toContain(ESCALATION_ACTIONS.acknowledge);
    }
  });

  it('"Flag to discuss" says what it does (no meeting is promised) and the card shows the flag', async () => {
    const button = (
      blockById(cardIn(TECH_CHANNEL, number).blocks, ESCALATION_CARD_BLOCKS.actions).elements as {
        action_id: string;
        text?: { text: string };
      }[]
    ).find((e) => e.action_id === ESCALATION_ACTIONS.markForMeeting);
    expect(button?.text?.text).toBe('标记待讨论');
    await press('U0DEMOALEX', TECH_CHANNEL, number, ESCALATION_ACTIONS.markForMeeting);
    expect(await privateAnswer('U0DEMOALEX', TECH_CHANNEL)).toBe(
      `ESC-${number} is flagged for its departments to discuss together; the flag shows on its card.`,
    );
    await settled();
    const card = cardIn(TECH_CHANNEL, number);
    expect(textOf(blockById(card.blocks, ESCALATION_CARD_BLOCKS.meeting))).toBe(
      ':triangular_flag_on_post: 已标记，待相关部门一起讨论',
    );
    // No meeting promised (会议: meeting).
    expect((card.blocks ?? []).map((block) => textOf(block as never)).join('\n')).not.toMatch(
      /会议|meeting/i,
    );
  });

  it('a member pressing Resolve is refused privately in English; no modal, nothing changes', async () => {
    const before = await db().escalation.findFirstOrThrow({ where: { workspaceId, number } });
    await press('U0DEMOSAM', TECH_CHANNEL, number, ESCALATION_ACTIONS.resolve);
    expect(await privateAnswer('U0DEMOSAM', TECH_CHANNEL)).toContain(
      `Only the people at the current level of ESC-${number}, an executive or an admin can resolve it. Nothing was changed.`,
    );
    expect(slack().currentModal('U0DEMOSAM')).toBeUndefined();
    expect(await db().escalation.findFirstOrThrow({ where: { workspaceId, number } })).toEqual(before);
    expect(
      await db().auditEvent.count({ where: { action: 'authorization.refused', actorSlackId: 'U0DEMOSAM' } }),
    ).toBeGreaterThan(0);
  });

  it('Propose… opens a modal; the proposal shows on the card, which now offers Accept / Reject', async () => {
    await press('U0DEMOLIN', LIVE_OPS_CHANNEL, number, ESCALATION_ACTIONS.propose);
    const modal = await openedModal('U0DEMOLIN');
    expect(modal.callback_id).toBe(ESCALATION_STEP_VIEWS.propose);
    expect(
      await submit('U0DEMOLIN', modal, { [ESCALATION_STEP_FIELDS.proposal]: text('Delay to Saturday') }),
    ).toBeFalsy();
    await settled();
    expect(await statusOf(number)).toBe('PROPOSED');
    const card = cardIn(TECH_CHANNEL, number);
    expect(textOf(blockById(card.blocks, ESCALATION_CARD_BLOCKS.proposal))).toContain('Delay to Saturday');
    expect(buttonsOf(card.blocks)).toEqual(
      expect.arrayContaining([ESCALATION_ACTIONS.accept, ESCALATION_ACTIONS.reject]),
    );
  });

  it('the proposer pressing Accept is refused in his language (Chinese)', async () => {
    await press('U0DEMOLIN', LIVE_OPS_CHANNEL, number, ESCALATION_ACTIONS.accept);
    expect(await privateAnswer('U0DEMOLIN', LIVE_OPS_CHANNEL)).toContain(
      `只有同一层级的另一部门或更高层级的人员可以接受 ESC-${number} 的方案。未做任何更改。`,
    );
    expect(await statusOf(number)).toBe('PROPOSED');
  });

  it('the other lead rejects with a reason (modal)', async () => {
    await press('U0DEMOALEX', TECH_CHANNEL, number, ESCALATION_ACTIONS.reject);
    const modal = await openedModal('U0DEMOALEX');
    expect(
      await submit('U0DEMOALEX', modal, { [ESCALATION_STEP_FIELDS.reason]: text('Saturday is too late') }),
    ).toBeFalsy();
    expect(await statusOf(number)).toBe('ACKNOWLEDGED');
  });

  it('Resolve: a half-filled action item is a field error; a full one records the decision and the item, and the card shows it resolved', async () => {
    await press('U0DEMOALEX', TECH_CHANNEL, number, ESCALATION_ACTIONS.resolve);
    const modal = await openedModal('U0DEMOALEX');
    const decision = { [ESCALATION_STEP_FIELDS.decision]: text('Feature the old stock, refund <!everyone>') };
    const half = await submit('U0DEMOALEX', modal, {
      ...decision,
      [`${ESCALATION_STEP_FIELDS.itemTitle}1`]: text('Update the listing'),
      [`${ESCALATION_STEP_FIELDS.itemOwner}1`]: user(null),
      [`${ESCALATION_STEP_FIELDS.itemDue}1`]: date(null),
    });
    expect(half).toEqual({
      response_action: 'errors',
      errors: {
        [`${ESCALATION_STEP_FIELDS.itemOwner}1`]:
          'Fill in what, owner and due date, or leave all three empty.',
      },
    });
    expect(await statusOf(number)).toBe('ACKNOWLEDGED');

    const ok = await submit('U0DEMOALEX', modal, {
      ...decision,
      [ESCALATION_STEP_FIELDS.options]: checked(['o0']),
      [`${ESCALATION_STEP_FIELDS.itemTitle}1`]: text('Update the listing'),
      [`${ESCALATION_STEP_FIELDS.itemOwner}1`]: user('U0DEMOCHEN'),
      // This file runs on the real clock: a month from now is in range wherever Alex is.
      [`${ESCALATION_STEP_FIELDS.itemDue}1`]: date(inDays(30)),
    });
    expect(ok).toBeFalsy();
    await settled();
    const esc = await db().escalation.findFirstOrThrow({ where: { workspaceId, number } });
    expect(esc.status).toBe('RESOLVED');
    const decisionRow = await db().decision.findFirstOrThrow({
      where: { escalationId: esc.id },
      include: { actionItems: { include: { owner: { select: { slackUserId: true } } } } },
    });
    expect(decisionRow.text).toBe('Feature the old stock, refund <!everyone>');
    expect(decisionRow.optionsConsidered).toEqual(['Feature the old stock']);
    expect(decisionRow.actionItems.map((i) => [i.title, i.owner.slackUserId])).toEqual([
      ['Update the listing', 'U0DEMOCHEN'],
    ]);
    const card = cardIn(LIVE_OPS_CHANNEL, number);
    expect(textOf(blockById(card.blocks, ESCALATION_CARD_BLOCKS.facts))).toContain('*状态*\n已解决');
    expect(textOf(blockById(card.blocks, ESCALATION_CARD_BLOCKS.decision))).toContain(
      'Feature the old stock, refund &lt;!everyone&gt;',
    );
    expect(buttonsOf(card.blocks)).toEqual([ESCALATION_ACTIONS.reopen]);
  });

  it('Reopen needs a reason (in the reopener’s language); with one, the card is open again', async () => {
    await press('U0DEMOLIN', LIVE_OPS_CHANNEL, number, ESCALATION_ACTIONS.reopen);
    const modal = await openedModal('U0DEMOLIN');
    expect(await submit('U0DEMOLIN', modal, { [ESCALATION_STEP_FIELDS.reason]: text('  ') })).toEqual({
      response_action: 'errors',
      errors: { [ESCALATION_STEP_FIELDS.reason]: '请说明重新打开的原因。' },
    });
    expect(await statusOf(number)).toBe('RESOLVED');
    expect(
      await submit('U0DEMOLIN', modal, { [ESCALATION_STEP_FIELDS.reason]: text('Stock ran out') }),
    ).toBeFalsy();
    await settled();
    expect(await statusOf(number)).toBe('OPEN');
    expect(textOf(blockById(cardIn(TECH_CHANNEL, number).blocks, ESCALATION_CARD_BLOCKS.facts))).toContain(
      '*状态*\n待处理',
    );
  });

  it('buttons on a DM notice act the same way (Acknowledge from the DM)', async () => {
    const notice = escalationNoticeView(
      {
        type: 'raised',
        key: 'k',
        escalation: { id: 'x', workspaceId, number, title: 't', severity: 'HIGH', level: 1, slaDueAt: null },
        recipients: [],
      },
      { t: translator('en'), timeZone: 'UTC' },
    );
    const buttons = (
      blockById(notice.blocks, ESCALATION_CARD_BLOCKS.noticeActions).elements as {
        action_id: string;
        value: string;
      }[]
    ).map((e) => [e.action_id, e.value]);
    expect(buttons).toEqual([
      [ESCALATION_ACTIONS.acknowledge, String(number)],
      [ESCALATION_ACTIONS.propose, String(number)],
      [ESCALATION_ACTIONS.resolve, String(number)],
    ]);
    slack().clearCalls();
    await file.liaison.driver.blockActions({
      userId: 'U0DEMOALEX',
      channelId: 'D0ALEX',
      message: { ts: '1700000000.000100', text: notice.text, blocks: notice.blocks },
      actions: [
        {
          action_id: ESCALATION_ACTIONS.acknowledge,
          block_id: ESCALATION_CARD_BLOCKS.noticeActions,
          value: String(number),
        },
      ],
    });
    await slack().waitForCall('response_url');
    await settled();
    expect(await statusOf(number)).toBe('ACKNOWLEDGED');
  });

  it('a button carrying junk is refused without touching anything', async () => {
    slack().clearCalls();
    await file.liaison.driver.blockActions({
      userId: 'U0DEMOALEX',
      channelId: TECH_CHANNEL,
      message: cardIn(TECH_CHANNEL, number),
      actions: [
        {
          action_id: ESCALATION_ACTIONS.acknowledge,
          block_id: ESCALATION_CARD_BLOCKS.actions,
          value: '1; drop',
        },
      ],
    });
    expect(await privateAnswer('U0DEMOALEX', TECH_CHANNEL)).toContain('That button is out of date.');
  });
});

describe('cards that cannot be posted, and the stale-card sweep', () => {
  it('a channel Slack does not know: cardError set, the raiser told once, not retried by the sweep', async () => {
    await db().department.updateMany({
      where: { workspaceId, key: 'customer-service' },
      data: { slackChannelId: 'C0GONE' },
    });
    const esc = await raiseAs('U0DEMOSAM', 'Refund macro wording', 'tech', 'customer-service');
    await settled();
    const row = await db().escalationDepartment.findFirstOrThrow({
      where: { escalationId: esc.id, department: { key: 'customer-service' } },
    });
    expect({ cardTs: row.cardTs, cardError: row.cardError }).toEqual({
      cardTs: null,
      cardError: 'channel_not_found',
    });
    expect(cardIn(TECH_CHANNEL, esc.number)).toBeDefined();
    const told = () => db().delivery.count({ where: { key: `escalation:${esc.id}:card_failed:${row.id}` } });
    expect(await told()).toBe(1);

    slack().clearCalls();
    await deps().escalationCards.refresher.sweepStale(workspaceId);
    await settled();
    expect(
      slack()
        .callsTo('chat.postMessage')
        .filter((c) => c.args.channel === 'C0GONE'),
    ).toEqual([]);

    // A later change tries again (once), and does not tell the raiser a second time.
    const alex = await db().person.findFirstOrThrow({ where: { workspaceId, slackUserId: 'U0DEMOALEX' } });
    await deps().escalations.acknowledge(await deps().authorization.subjectOf(alex.id), esc.number);
    await settled();
    expect(
      slack()
        .callsTo('chat.postMessage')
        .filter((c) => c.args.channel === 'C0GONE'),
    ).toHaveLength(1);
    expect(await told()).toBe(1);
  });

  it('the escalations.sla run repairs a card whose update was lost and posts one that was never posted', async () => {
    const esc = await raiseAs('U0DEMOLIN', 'Courier cut-off');
    await settled();
    // A change whose card refresh was lost (crash): the row is behind the escalation.
    await db().escalation.update({ where: { id: esc.id }, data: { title: 'Courier cut-off moved' } });
    await db().escalationDepartment.updateMany({
      where: { escalationId: esc.id, department: { key: 'tech' } },
      data: { cardUpdatedAt: new Date('2020-01-01T00:00:00Z') },
    });
    // And a card never posted at all (crash between commit and post).
    await db().escalationDepartment.updateMany({
      where: { escalationId: esc.id, department: { key: 'live-ops' } },
      data: { cardTs: null, cardUpdatedAt: null, cardChannelId: null },
    });
    slack().clearCalls();
    const job = escalationSlaJob({
      escalations: deps().escalations,
      cards: deps().escalationCards.refresher,
    });
    const outcome = await job.run({ workspaceId } as JobContext);
    await settled();
    expect((outcome as { result: { staleCards: number } }).result.staleCards).toBeGreaterThanOrEqual(1);
    expect(
      slack()
        .callsTo('chat.update', { ok: true })
        .filter((c) => c.args.channel === TECH_CHANNEL),
    ).toHaveLength(1);
    expect(
      textOf(blockById(cardIn(TECH_CHANNEL, esc.number).blocks, ESCALATION_CARD_BLOCKS.heading)),
    ).toContain('Courier cut-off moved');
    expect(
      slack()
        .callsTo('chat.postMessage', { ok: true })
        .filter((c) => c.args.channel === LIVE_OPS_CHANNEL),
    ).toHaveLength(1);
    // Repaired: the next run finds nothing of this escalation to do.
    slack().clearCalls();
    await deps().escalationCards.refresher.sweepStale(workspaceId);
    await settled();
    expect(
      slack()
        .callsTo('chat.update')
        .filter((c) => isCardOf(c.args.text, esc.number)),
    ).toEqual([]);
  });

  it('a card another replica is posting is left to it; its claim, two minutes old, is taken over by the sweep', async () => {
    const esc = await raiseAs('U0DEMOLIN', 'Warehouse handover');
    await settled();
    const liveOps = { escalationId: esc.id, department: { key: 'live-ops' } };
    const row = await db().escalationDepartment.findFirstOrThrow({ where: liveOps });
    // Of replicas claiming one card at once, exactly one may post it.
    const repo = createEscalationCardsPrismaRepository(db());
    await db().escalationDepartment.update({
      where: { id: row.id },
      data: { cardTs: null, cardChannelId: null, cardUpdatedAt: null },
    });
    const now = new Date();
    const staleBefore = new Date(now.getTime() - CARD_POSTING_CLAIM_MS);
    const claims = await Promise.all(
      Array.from({ length: 5 }, () => repo.claimPosting(row.id, now, staleBefore)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);

    // Another replica holds the claim: neither a change here nor the sweep posts a second card.
    slack().clearCalls();
    deps().escalationCards.refresher.requestRefresh(workspaceId, esc.id);
    await deps().escalationCards.refresher.sweepStale(workspaceId);
    await settled();
    const postsToLiveOps = () =>
      slack()
        .callsTo('chat.postMessage')
        .filter((c) => c.args.channel === LIVE_OPS_CHANNEL && isCardOf(c.args.text, esc.number));
    expect(postsToLiveOps()).toEqual([]);

    // That replica died before storing the ts: after two minutes the sweep posts the card, once.
    await db().escalationDepartment.update({
      where: { id: row.id },
      data: { cardPostingSince: new Date(Date.now() - CARD_POSTING_CLAIM_MS - 1_000) },
    });
    await deps().escalationCards.refresher.sweepStale(workspaceId);
    await settled();
    expect(postsToLiveOps()).toHaveLength(1);
    expect(await db().escalationDepartment.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      cardTs: expect.any(String),
      cardPostingSince: null,
    });
  });
});

describe('the language of a department’s channel', () => {
  it('the demo workspace’s departments all speak Chinese, in an English workspace: a demo card is posted in Chinese', async () => {
    const workspace = await db().workspace.findUniqueOrThrow({ where: { id: workspaceId } });
    expect(workspace.defaultLocale).toBe('en');
    const departments = await db().department.findMany({ where: { workspaceId }, select: { locale: true } });
    expect(departments).toHaveLength(12);
    expect(new Set(departments.map((d) => d.locale))).toEqual(new Set(['zh-CN']));

    const esc = await raiseAs('U0DEMOALEX', 'Camera firmware for the stream', 'live-ops', 'tech');
    await settled();
    for (const channel of [TECH_CHANNEL, LIVE_OPS_CHANNEL]) {
      const card = cardIn(channel, esc.number);
      expect(card.text).toBe(`ESC-${esc.number}（高，待处理，第 1 级）：Camera firmware for the stream`);
      expect(textOf(blockById(card.blocks, ESCALATION_CARD_BLOCKS.context))).toBe(
        '由 <@U0DEMOALEX> 发起 · 技术 ↔ 直播运营 · 请在此消息的话题中讨论',
      );
    }
  });

  it('a department whose channel speaks Chinese gets its card in Chinese; the other keeps the workspace’s language', async () => {
    await db().department.updateMany({
      where: { workspaceId, key: 'tech' },
      data: { locale: 'zh-CN', slackChannelId: TECH_CHANNEL },
    });
    // Live Ops follows the workspace's language (English), unlike the rest of the demo.
    await db().department.updateMany({
      where: { workspaceId, key: 'live-ops' },
      data: { locale: null, slackChannelId: LIVE_OPS_CHANNEL },
    });
    try {
      const esc = await raiseAs('U0DEMOLIN', 'Courier for the launch');
      await settled();
      const techCard = slack()
        .messages(TECH_CHANNEL)
        .find((m) => m.text.startsWith(`ESC-${esc.number}（`));
      expect(techCard?.text).toBe(`ESC-${esc.number}（高，待处理，第 1 级）：Courier for the launch`);
      const tech = textOf(blockById(techCard?.blocks, ESCALATION_CARD_BLOCKS.facts));
      const liveOps = textOf(
        blockById(cardIn(LIVE_OPS_CHANNEL, esc.number).blocks, ESCALATION_CARD_BLOCKS.facts),
      );
      expect(tech).toContain('*状态*');
      expect(tech).not.toContain('*Status*');
      expect(liveOps).toContain('*Status*\nopen');
    } finally {
      await db().department.updateMany({
        where: { workspaceId, key: { in: ['tech', 'live-ops'] } },
        data: { locale: 'zh-CN' },
      });
    }
  });
});
