import { beforeAll, describe, expect, it } from 'vitest';
import { servicesOf } from '../../../src/features/feature-registry.js';
import { okrsFeature } from '../../../src/features/okrs/okrs.feature.js';
import { OKR_ACTIONS, OKR_BLOCKS, OKR_FIELDS } from '../../../src/features/okrs/okrs.ids.js';
import { ESCALATION_RAISE_FIELDS } from '../../../src/slack/ids.js';
import { blockById, textOf } from '../../harness/blocks.js';
import { calendarLiaisonForThisFile } from '../../slack/calendar-test-setup.js';
import { liveOpsConversionObjective, okrDriver, select, text } from './okr-helpers.js';

// Monday 1 December 2036, 09:00 in Shanghai (weekends only: no holiday calendars).
const { state } = calendarLiaisonForThisFile('2036-12-01T01:00:00Z');
const { submit, okr } = okrDriver(state);
const db = () => state.db.prisma;
const slack = () => state.liaison.slack;
const services = () => servicesOf(state.liaison.deps, okrsFeature);

const ids = { workspaceId: '', conversion: '', studio: '', window: '' };
const person = (slackUserId: string) => db().person.findFirstOrThrow({ where: { slackUserId } });
const deliveries = (kind: string) =>
  db().delivery.findMany({
    where: { kind },
    select: { recipientPersonId: true, channelId: true, payload: true, key: true },
  });

beforeAll(async () => {
  const { workspaceId, objective } = await liveOpsConversionObjective(state, [
    { title: 'New studio live', kind: 'MILESTONE', ownerSlackUserId: 'U0DEMOLIN' },
  ]);
  ids.workspaceId = workspaceId;
  ids.conversion = objective.keyResults[0]?.id ?? '';
  ids.studio = objective.keyResults[1]?.id ?? '';
});

async function clickButton(userId: string, actionId: string, value: string) {
  slack().reset();
  await state.driver.blockActions({
    userId,
    channelId: 'D0DM',
    actions: [{ action_id: actionId, block_id: 'b', type: 'button', value }],
  });
  await slack().waitForCall('views.open', undefined, 10_000);
  const modal = slack().currentModal(userId);
  if (!modal) throw new Error(`no modal after ${actionId}`);
  return modal;
}

describe('check-ins: prompts at the local time, answers, alerts, reminders, wrap-up', () => {
  it('asks each owner once, at 10:00 their time on the cadence day', async () => {
    expect((await services().checkIns.run(ids.workspaceId)).prompted).toBe(0); // 09:00: not yet
    state.clock.set('2036-12-01T02:00:00Z');
    expect((await services().checkIns.run(ids.workspaceId)).prompted).toBe(2);
    expect((await services().checkIns.run(ids.workspaceId)).prompted).toBe(0);
    const prompts = await deliveries('okr.check_in');
    expect(prompts).toHaveLength(2);
    const chenPrompt = prompts.find((p) => JSON.stringify(p.payload).includes('Conversion'));
    const payload = JSON.stringify(chenPrompt?.payload);
    expect(payload).toContain('KR-1');
    expect(payload).toContain(OKR_ACTIONS.openCheckIn);
    const window = await db().okrCheckInWindow.findFirstOrThrow();
    expect(window.cycleOn).toBe('2036-12-01');
    expect(window.closesAt.toISOString()).toBe('2036-12-03T02:00:00.000Z');
    ids.window = window.id;
  });

  it('saves a partial answer, alerts the lead on a drop to off track, and offers to escalate the blocker', async () => {
    const modal = await clickButton('U0DEMOCHEN', OKR_ACTIONS.openCheckIn, JSON.stringify({ w: ids.window }));
    expect(JSON.stringify(modal.blocks)).toContain('Conversion rate');
    expect(JSON.stringify(modal.blocks)).not.toContain('New studio');
    expect(
      await submit('U0DEMOCHEN', modal, {
        [`${OKR_FIELDS.valuePrefix}${ids.conversion}`]: text('abc'),
      }),
    ).toEqual({ [`${OKR_FIELDS.valuePrefix}${ids.conversion}`]: expect.any(String) });
    expect(
      await submit('U0DEMOCHEN', modal, {
        [`${OKR_FIELDS.valuePrefix}${ids.conversion}`]: text('2.35'),
        [`${OKR_FIELDS.confidencePrefix}${ids.conversion}`]: select('OFF_TRACK'),
        [`${OKR_FIELDS.blockersPrefix}${ids.conversion}`]: text('No studio slot on Fridays'),
      }),
    ).toBeUndefined();
    const kr = await db().okrKeyResult.findUniqueOrThrow({ where: { id: ids.conversion } });
    expect(kr).toMatchObject({ currentValue: 2.35, lastConfidence: 'OFF_TRACK' });
    const checkIn = await db().okrCheckIn.findFirstOrThrow({ where: { keyResultId: ids.conversion } });
    expect(checkIn).toMatchObject({ late: false, progress: expect.closeTo(0.5, 5) });

    const lin = await person('U0DEMOLIN');
    const alerts = await deliveries('okr.confidence_alert');
    expect(alerts.map((a) => a.recipientPersonId)).toEqual([lin.id]);
    expect(JSON.stringify(alerts[0]?.payload)).toContain('偏离目标'); // Lin reads Chinese

    const saved = await slack().waitForCall('chat.postMessage', undefined, 10_000);
    expect(JSON.stringify(saved)).toContain(OKR_ACTIONS.escalateBlocker);
    const raise = await clickButton(
      'U0DEMOCHEN',
      OKR_ACTIONS.escalateBlocker,
      JSON.stringify({ k: ids.conversion }),
    );
    const blocked = blockById(raise.blocks, ESCALATION_RAISE_FIELDS.blocked).element as {
      initial_value?: string;
    };
    expect(blocked.initial_value).toBe('No studio slot on Fridays');
  });

  it('lets an answer be edited before the close, and reminds only who has not answered', async () => {
    const modal = await clickButton('U0DEMOCHEN', OKR_ACTIONS.openCheckIn, JSON.stringify({ w: ids.window }));
    expect(JSON.stringify(modal.blocks)).toContain('2.35'); // prefilled
    expect(
      await submit('U0DEMOCHEN', modal, {
        [`${OKR_FIELDS.valuePrefix}${ids.conversion}`]: text('2.4'),
        [`${OKR_FIELDS.confidencePrefix}${ids.conversion}`]: select('AT_RISK'),
        [`${OKR_FIELDS.blockersPrefix}${ids.conversion}`]: text('No studio slot on Fridays'),
      }),
    ).toBeUndefined();
    expect((await db().okrKeyResult.findUniqueOrThrow({ where: { id: ids.conversion } })).currentValue).toBe(
      2.4,
    );
    expect(await db().okrCheckIn.count()).toBe(1);

    state.clock.set('2036-12-02T02:00:00Z'); // half way to the close
    expect((await services().checkIns.run(ids.workspaceId)).reminded).toBe(1);
    expect((await services().checkIns.run(ids.workspaceId)).reminded).toBe(0);
    const lin = await person('U0DEMOLIN');
    expect((await deliveries('okr.check_in_reminder')).map((r) => r.recipientPersonId)).toEqual([lin.id]);
  });

  it('posts the wrap-up to the department channel at the close, then takes late answers and freezes answered ones', async () => {
    state.clock.set('2036-12-03T02:15:00Z');
    expect((await services().checkIns.run(ids.workspaceId)).wrappedUp).toBe(1);
    expect((await services().checkIns.run(ids.workspaceId)).wrappedUp).toBe(0);
    const [wrapUp] = await deliveries('okr.wrap_up');
    expect(wrapUp?.channelId).toBe('C0LIVEOPS');
    const blocks = (wrapUp?.payload as { blocks?: unknown[] } | undefined)?.blocks;
    expect(textOf(blockById(blocks, OKR_BLOCKS.wrapUp))).toContain('KR-1');
    // Live Ops (a demo department) speaks Chinese: its channel gets the wrap-up in Chinese.
    expect(textOf(blockById(blocks, OKR_BLOCKS.wrapUp))).toContain('OKR 复盘小结');
    expect(textOf(blockById(blocks, OKR_BLOCKS.wrapUpAnswered))).not.toContain('U0DEMOLIN'); // not named by default
    expect(textOf(blockById(blocks, OKR_BLOCKS.wrapUpBlockers))).toContain('No studio slot');

    const late = await clickButton('U0DEMOLIN', OKR_ACTIONS.openCheckIn, JSON.stringify({ w: ids.window }));
    expect(
      await submit('U0DEMOLIN', late, { [`${OKR_FIELDS.donePrefix}${ids.studio}`]: select('yes') }),
    ).toBeUndefined();
    expect(await db().okrCheckIn.findFirstOrThrow({ where: { keyResultId: ids.studio } })).toMatchObject({
      late: true,
      done: true,
    });

    const frozen = await clickButton(
      'U0DEMOCHEN',
      OKR_ACTIONS.openCheckIn,
      JSON.stringify({ w: ids.window }),
    );
    expect(
      await submit('U0DEMOCHEN', frozen, { [`${OKR_FIELDS.valuePrefix}${ids.conversion}`]: text('2.6') }),
    ).toEqual({ [`${OKR_FIELDS.valuePrefix}${ids.conversion}`]: expect.stringContaining('KR-1') });
  });

  it('refuses someone who owns none of the window’s key results', async () => {
    slack().reset();
    await state.driver.blockActions({
      userId: 'U0DEMOSAM',
      channelId: 'D0DM',
      actions: [
        {
          action_id: OKR_ACTIONS.openCheckIn,
          block_id: 'b',
          type: 'button',
          value: JSON.stringify({ w: ids.window }),
        },
      ],
    });
    await Promise.any([
      slack().waitForCall('chat.postEphemeral', undefined, 10_000),
      slack().waitForCall('chat.postMessage', undefined, 10_000),
      slack().waitForCall('response_url', undefined, 10_000),
    ]);
    expect(slack().currentModal('U0DEMOSAM')).toBeUndefined();
  });

  it('reviews the quarter per department: score, confidence trend, the rules’ narrative and its sources', async () => {
    const reply = await okr('U0DEMOSAM', 'review');
    const review = textOf(blockById(reply?.blocks, OKR_BLOCKS.review));
    expect(review).toContain('2036-Q4');
    expect(review).toContain('Live Ops');
    expect(review).toContain('Confidence: Mon 1 Dec 2036 0%'); // the one rated answer was at risk, dated in the one style
    expect(review).toContain('1 of 2 key results done or on target');
    expect(review).toContain('2 check-ins answered (1 late)');
    expect(review).toContain('From check-ins of Mon 1 Dec 2036.');
    expect((await okr('U0DEMOSAM', 'review someday'))?.text).toContain('someday');
  });
});
