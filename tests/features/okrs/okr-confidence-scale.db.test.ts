import { beforeAll, describe, expect, it } from 'vitest';
import { servicesOf } from '../../../src/features/feature-registry.js';
import { okrsFeature } from '../../../src/features/okrs/okrs.feature.js';
import { OKR_ACTIONS, OKR_BLOCKS, OKR_FIELDS } from '../../../src/features/okrs/okrs.ids.js';
import { blockById, textOf } from '../../harness/blocks.js';
import { calendarLiaisonForThisFile } from '../../slack/calendar-test-setup.js';
import { liveOpsConversionObjective, okrDriver, select, text } from './okr-helpers.js';

// Monday 1 December 2036, 10:00 in Shanghai: the check-in goes out on the first pass.
const { state } = calendarLiaisonForThisFile('2036-12-01T02:00:00Z');
const { submit, okr } = okrDriver(state);
const db = () => state.db.prisma;
const slack = () => state.liaison.slack;
const services = () => servicesOf(state.liaison.deps, okrsFeature);

const ids = { workspaceId: '', conversion: '', window: '', objective: 0 };
const person = (slackUserId: string) => db().person.findFirstOrThrow({ where: { slackUserId } });
const alerts = () =>
  db().delivery.findMany({
    where: { kind: 'okr.confidence_alert' },
    select: { recipientPersonId: true, payload: true },
  });

beforeAll(async () => {
  const { workspaceId, objective } = await liveOpsConversionObjective(state);
  ids.workspaceId = workspaceId;
  ids.conversion = objective.keyResults[0]?.id ?? '';
  ids.objective = objective.number;
});

async function openCheckIn(userId: string) {
  slack().reset();
  await state.driver.blockActions({
    userId,
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
  await slack().waitForCall('views.open', undefined, 10_000);
  const modal = slack().currentModal(userId);
  if (!modal) throw new Error('no check-in modal');
  return modal;
}

describe('the confidence scale: three steps by default, 1–10 by workspace setting', () => {
  it('is three-step by default, and only an admin changes it (audited, in their language)', async () => {
    expect((await okr('U0DEMOALEX', 'settings'))?.text).toContain('on track / at risk / off track');

    const refused = await okr('U0DEMOALEX', 'settings confidence 1-10');
    expect(refused?.text).toContain('Only Liaison admins');
    expect(
      (await db().workspace.findUniqueOrThrow({ where: { id: ids.workspaceId } })).okrConfidenceScale,
    ).toBe('three-step');

    expect((await okr('U0DEMOALEX', 'settings confidence 1-5'))?.text).toContain(
      '/okr settings confidence 1-10',
    );

    const saved = await okr('U0DEMOLIN', 'settings confidence 1-10');
    expect(saved?.text).toContain('1–10 分'); // Lin reads Chinese
    expect(
      (await db().workspace.findUniqueOrThrow({ where: { id: ids.workspaceId } })).okrConfidenceScale,
    ).toBe('1-10');
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'okr.confidence_scale_set' } });
    expect(audit).toMatchObject({
      actorSlackId: 'U0DEMOLIN',
      before: { confidenceScale: 'three-step' },
      after: { confidenceScale: '1-10' },
    });
    expect((await okr('U0DEMOALEX', 'settings'))?.text).toContain('score from 1 to 10');
  });

  it('asks for a score from 1 to 10 in the check-in modal', async () => {
    expect((await services().checkIns.run(ids.workspaceId)).prompted).toBe(1);
    ids.window = (await db().okrCheckInWindow.findFirstOrThrow()).id;
    const modal = await openCheckIn('U0DEMOCHEN');
    const field = blockById(modal.blocks, `${OKR_FIELDS.confidencePrefix}${ids.conversion}`) as {
      element: { type: string; options: { value: string; text: { text: string } }[] };
    };
    expect(field.element.type).toBe('static_select');
    expect(field.element.options.map((o) => o.value)).toEqual([
      '10',
      '9',
      '8',
      '7',
      '6',
      '5',
      '4',
      '3',
      '2',
      '1',
    ]);
    expect(field.element.options.find((o) => o.value === '4')?.text.text).toBe('🟡 4/10');
  });

  it('stores the score, alerts the lead on a drop of two points, and shows "4/10" in show and the wrap-up', async () => {
    let modal = await openCheckIn('U0DEMOCHEN');
    expect(
      await submit('U0DEMOCHEN', modal, {
        [`${OKR_FIELDS.valuePrefix}${ids.conversion}`]: text('2.3'),
        [`${OKR_FIELDS.confidencePrefix}${ids.conversion}`]: select('7'),
      }),
    ).toBeUndefined();
    expect(await db().okrCheckIn.findFirstOrThrow()).toMatchObject({
      confidenceScore: 7,
      confidence: 'AT_RISK',
    });
    expect(await alerts()).toHaveLength(0); // a first answer of 7 is no drop

    modal = await openCheckIn('U0DEMOCHEN');
    const prefilled = blockById(modal.blocks, `${OKR_FIELDS.confidencePrefix}${ids.conversion}`) as {
      element: { initial_option?: { value: string } };
    };
    expect(prefilled.element.initial_option?.value).toBe('7');
    expect(
      await submit('U0DEMOCHEN', modal, {
        [`${OKR_FIELDS.valuePrefix}${ids.conversion}`]: text('2.3'),
        [`${OKR_FIELDS.confidencePrefix}${ids.conversion}`]: select('4'),
      }),
    ).toBeUndefined();
    // 7 → 4 stays "at risk" on three steps: the score's drop of 3 is what alerts.
    expect(await db().okrCheckIn.findFirstOrThrow()).toMatchObject({
      confidenceScore: 4,
      confidence: 'AT_RISK',
    });
    expect(await db().okrKeyResult.findUniqueOrThrow({ where: { id: ids.conversion } })).toMatchObject({
      lastConfidence: 'AT_RISK',
      lastConfidenceScore: 4,
    });
    const lin = await person('U0DEMOLIN');
    const sent = await alerts();
    expect(sent.map((a) => a.recipientPersonId)).toEqual([lin.id]);
    expect(JSON.stringify(sent[0]?.payload)).toContain('7/10');
    expect(JSON.stringify(sent[0]?.payload)).toContain('4/10');

    expect(JSON.stringify((await okr('U0DEMOALEX', `show O-${ids.objective}`))?.blocks)).toContain('4/10');

    state.clock.set('2036-12-03T02:15:00Z');
    expect((await services().checkIns.run(ids.workspaceId)).wrappedUp).toBe(1);
    const [wrapUp] = await db().delivery.findMany({
      where: { kind: 'okr.wrap_up' },
      select: { payload: true },
    });
    const blocks = (wrapUp?.payload as { blocks?: unknown[] } | undefined)?.blocks;
    expect(textOf(blockById(blocks, OKR_BLOCKS.wrapUp))).toContain('🟡 4/10');
  });
});
