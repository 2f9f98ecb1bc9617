import { describe, expect, it } from 'vitest';
import { digestFeature } from '../../../src/features/digest/digest.feature.js';
import { DIGEST_BLOCKS } from '../../../src/features/digest/digest.view.js';
import { DIGEST_SEND_KIND, digestSendJob } from '../../../src/features/digest/digest-send.job.js';
import { ensureStandingSchedules, servicesOf } from '../../../src/features/feature-registry.js';
import { actionItemRef } from '../../../src/modules/action-items/action-item-digest.service.js';
import { createPacedSlackSender } from '../../../src/slack/delivery/paced-slack-sender.js';
import { SLACK_FLOOR_RATES, scaleRates } from '../../../src/slack/delivery/rate-floors.js';
import { createBulkClient } from '../../../src/slack/delivery/slack-clients.js';
import { buildDeliveryWorker } from '../../../src/wiring/notifications.wiring.js';
import { blockById, textOf } from '../../harness/blocks.js';
import { silent } from '../../modules/delivery/outbox-fixture.js';
import { calendarLiaisonForThisFile } from '../../slack/calendar-test-setup.js';

// Monday 1 December 2036, 02:00 UTC: 10:00 in Shanghai, Sunday 21:00 in New York.
const { state, replyTo, personId } = calendarLiaisonForThisFile('2036-12-01T02:00:00Z');
const db = () => state.db.prisma;
const deps = () => state.liaison.deps;
const digest = () => servicesOf(deps(), digestFeature).digest;

async function departmentId(key: string) {
  return (await db().department.findFirstOrThrow({ where: { key }, select: { id: true } })).id;
}

async function drainDms() {
  const { slack } = state.liaison;
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
  // A send whose socket the stand-in closed is retried a moment later, as in production.
  for (let attempt = 0; attempt < 3; attempt++) {
    await worker.drain();
    if ((await db().delivery.count({ where: { status: 'QUEUED' } })) === 0) return;
    state.clock.advance(5_000);
  }
}

function lastDigestDm(slackUserId: string) {
  const { slack } = state.liaison;
  const messages = slack.messages(slack.dmChannelId(slackUserId) ?? '');
  const dm = messages
    .filter((m) => (m.blocks ?? []).some((b) => (b as { block_id?: string }).block_id === DIGEST_BLOCKS.risk))
    .at(-1);
  if (!dm) throw new Error(`no digest DM to ${slackUserId}`);
  return dm;
}

const digestDeliveries = async (slackUserId: string) =>
  db().delivery.findMany({
    where: { kind: 'digest.managers', recipientPersonId: await personId(slackUserId) },
    select: { key: true, status: true },
  });

describe('/liaison digest', () => {
  it('shows an eligible lead the weekly default in their zone', async () => {
    const reply = await replyTo('U0DEMOALEX', 'digest');
    expect(reply.text).toContain('Your digest comes every *Monday* at *09:00* (America/New_York).');
    expect(reply.text).toContain('Next one: Mon, Dec 1, 2036, 9:00 AM');
  });

  it('answers in Chinese for a Chinese-speaking lead', async () => {
    const reply = await replyTo('U0DEMOLIN', 'digest');
    expect(reply.text).toContain('你的摘要每*周一* *09:00*（Asia/Shanghai）发送。');
  });

  it('politely refuses a plain member, in their language', async () => {
    const reply = await replyTo('U0DEMOSAM', 'digest weekly mon 09:00');
    expect(reply.text).toContain('The managers’ digest is for executives, heads and leads');
    expect(await db().digestSubscription.count({ where: { personId: await personId('U0DEMOSAM') } })).toBe(0);
  });

  it('stores a new weekly time in the person’s zone and says when the next one comes', async () => {
    const reply = await replyTo('U0DEMOPRIYA', 'digest weekly fri 17:30');
    expect(reply.text).toContain('Saved. Your digest comes every *Friday* at *17:30* (Europe/Berlin).');
    const row = await db().digestSubscription.findUniqueOrThrow({
      where: { personId: await personId('U0DEMOPRIYA') },
    });
    expect(row).toMatchObject({ cadence: 'WEEKLY', weekday: 5, timeOfDay: '17:30' });
    expect(row.nextDueAt?.toISOString()).toBe('2036-12-05T16:30:00.000Z');
  });

  it('turns it off, and daily on again', async () => {
    expect((await replyTo('U0DEMOZHANG', 'digest off')).text).toContain('你的摘要已*关闭*');
    expect((await replyTo('U0DEMOZHANG', 'digest daily 08:30')).text).toContain('你的摘要每天 *08:30*');
    const row = await db().digestSubscription.findUniqueOrThrow({
      where: { personId: await personId('U0DEMOZHANG') },
    });
    expect(row).toMatchObject({ cadence: 'DAILY', weekday: null, timeOfDay: '08:30' });
    expect(row.nextDueAt?.toISOString()).toBe('2036-12-02T00:30:00.000Z');
  });

  it('refuses what it cannot read with a localized error and changes nothing', async () => {
    expect((await replyTo('U0DEMOALEX', 'digest fortnightly 25:00')).text).toContain(
      'I could not read “fortnightly 25:00”',
    );
    expect((await replyTo('U0DEMOLIN', 'digest weekly 周八')).text).toContain('无法识别“weekly 周八”');
    expect(await db().digestSubscription.count({ where: { personId: await personId('U0DEMOALEX') } })).toBe(
      0,
    );
  });
});

describe('the digest job', () => {
  it('has its standing schedule in every workspace, once', async () => {
    const workspace = await deps().workspaces.forTeam({ teamId: 'T0LIAISON' });
    await ensureStandingSchedules(deps(), workspace);
    await ensureStandingSchedules(deps(), workspace);
    expect(await db().schedule.count({ where: { kind: DIGEST_SEND_KIND } })).toBe(1);
  });

  it('sends each due digest once per person and period, whatever the retries and replicas', async () => {
    const lin = await deps().authorization.subjectOf(await personId('U0DEMOLIN'));
    const tech = await departmentId('tech');
    await deps().escalations.raise(lin, {
      title: 'Checkout times out during the 20:00 live stream',
      blocked: 'Live orders',
      impact: 'Lost sales',
      decisionNeeded: 'Who scales the payment gateway?',
      options: [],
      severity: 'URGENT',
      raiserDepartmentId: await departmentId('live-ops'),
      counterpartDepartmentIds: [tech],
    });
    const alex = await personId('U0DEMOALEX');
    const [overdue, soon] = await deps().actionItems.createMany([
      {
        workspaceId: lin.workspaceId,
        title: 'Load-test the gateway',
        ownerPersonId: alex,
        ownerDepartmentId: tech,
        due: { date: '2036-11-28' },
        sourceType: 'escalation',
      },
      {
        workspaceId: lin.workspaceId,
        title: 'Write the <!channel> runbook',
        ownerPersonId: alex,
        ownerDepartmentId: tech,
        due: { date: '2036-12-03' },
        sourceType: 'escalation',
      },
    ]);
    const job = digestSendJob({ digest: digest() });
    const run = () => job.run({ workspaceId: lin.workspaceId } as never);

    // Eligible people without a setting get the weekly default; Monday 09:00 New York has not come.
    expect(await run()).toMatchObject({ result: { sent: 0 } });
    expect(await db().digestSubscription.count({ where: { personId: alex } })).toBe(1);

    state.clock.set('2036-12-01T14:05:00Z'); // Monday 09:05 in New York
    const first = (await run()) as { result: { sent: number } };
    expect(first.result.sent).toBeGreaterThanOrEqual(1);
    expect(await run()).toMatchObject({ result: { sent: 0, alreadySent: 0 } });

    // A crash before the slot moved on, then two replicas at once: still one digest.
    await db().digestSubscription.update({
      where: { personId: alex },
      data: { nextDueAt: new Date('2036-12-01T14:00:00Z') },
    });
    await Promise.all([run(), run()]);
    expect(await digestDeliveries('U0DEMOALEX')).toEqual([
      { key: `digest.managers:${alex}:weekly:2036-W49`, status: 'QUEUED' },
    ]);
    const row = await db().digestSubscription.findUniqueOrThrow({ where: { personId: alex } });
    expect(row.nextDueAt?.toISOString()).toBe('2036-12-08T14:00:00.000Z');
    expect(row.lastPeriodKey).toBe('weekly:2036-W49');

    await drainDms();
    const dm = lastDigestDm('U0DEMOALEX');
    expect(textOf(blockById(dm.blocks, DIGEST_BLOCKS.header))).toBe(
      'Your weekly digest — week to Dec 1, 2036',
    );
    const waiting = textOf(blockById(dm.blocks, DIGEST_BLOCKS.group('escalations', 0)));
    expect(waiting).toContain('_Waiting on you_ (1)');
    expect(waiting).toContain('• ESC-1 Checkout times out during the 20:00 live stream — urgent, level 1');
    const items = [
      textOf(blockById(dm.blocks, DIGEST_BLOCKS.group('action-items', 0))),
      textOf(blockById(dm.blocks, DIGEST_BLOCKS.group('action-items', 1))),
    ];
    expect(items[0]).toContain(
      `• ${actionItemRef(overdue?.id ?? '')} Load-test the gateway — Alex Morgan, Tech, due`,
    );
    // Text from people is escaped: no broadcast mention.
    expect(items[1]).toContain(`${actionItemRef(soon?.id ?? '')} Write the &lt;!channel&gt; runbook`);
    const risk = textOf(blockById(dm.blocks, DIGEST_BLOCKS.risk));
    expect(risk.split('\n')[0]).toBe('*Risk summary*');
    expect(risk.split('\n')[1]).toBe(
      '• Act now: ESC-1 “Checkout times out during the 20:00 live stream”: urgent, level 1, deadline passed — waiting 12 h. (ESC-1)',
    );
    expect(risk).toContain(`(${actionItemRef(overdue?.id ?? '')})`);
    expect(textOf(blockById(dm.blocks, DIGEST_BLOCKS.writtenBy))).toContain('Written by rules');
    expect(dm.blocks?.length).toBeLessThanOrEqual(50);
  });

  it('`digest now` sends one at once, in Chinese for a Chinese reader', async () => {
    state.clock.set('2036-12-02T02:00:00Z'); // Tuesday 10:00 in Shanghai
    const reply = await replyTo('U0DEMOLIN', 'digest now');
    expect(reply.text).toContain('你的摘要正在发往你的私信。');
    await drainDms();
    const dm = lastDigestDm('U0DEMOLIN');
    expect(textOf(blockById(dm.blocks, DIGEST_BLOCKS.section('escalations')))).toBe('*升级事项*');
    expect(textOf(blockById(dm.blocks, DIGEST_BLOCKS.group('escalations', 1)))).toContain('_已超过时限_');
    const risk = textOf(blockById(dm.blocks, DIGEST_BLOCKS.risk));
    expect(risk).toContain('*风险摘要*');
    expect(risk).toContain('需立即处理：ESC-1「Checkout times out during the 20:00 live stream」');
    expect(textOf(blockById(dm.blocks, DIGEST_BLOCKS.writtenBy))).toContain('由规则根据以上事项生成');
    expect((await replyTo('U0DEMOLIN', 'digest now')).text).toContain('刚刚已给你发送了一份摘要');
  });
});
