import { describe, expect, it } from 'vitest';
import { createDeliveryPrismaRepository } from '../../../src/modules/delivery/delivery.prisma-repository.js';
import { createInteractiveClient } from '../../../src/slack/delivery/slack-clients.js';
import { fixedClock } from '../../fakes/fixed-clock.js';
import { outboxForThisFile, startProcess } from './outbox-fixture.js';

// Noon in New York: no quiet hours in the way (these are channel posts and plain enqueues anyway).
const clock = fixedClock('2026-12-01T17:00:00Z');
const file = outboxForThisFile();

const dm = (personId: string, key: string, text = key) => ({
  workspaceId: file.demo.workspaceId,
  key,
  kind: 'kpi.digest',
  recipientPersonId: personId,
  message: { text },
});

describe('the outbox', () => {
  it('enqueues a key once: a retried job posts one message', async () => {
    const { notifications, worker } = startProcess({ db: file.db, slack: file.slack, clock });
    const first = await notifications.delivery.enqueue(dm(file.demo.alex.id, 'digest:2026-12-01'));
    const again = await notifications.delivery.enqueue(dm(file.demo.alex.id, 'digest:2026-12-01', 'changed'));
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, delivery: { id: first.delivery.id } });
    expect(await worker.drain()).toMatchObject({ sent: 1 });
    await notifications.delivery.enqueue(dm(file.demo.alex.id, 'digest:2026-12-01'));
    expect(await worker.drain()).toMatchObject({ sent: 0 });
    const channel = file.slack.dmChannelId('U0DEMOALEX') ?? '';
    expect(file.slack.messages(channel).map((m) => m.text)).toEqual(['digest:2026-12-01']);
    expect(await notifications.delivery.findByKey(file.demo.workspaceId, 'digest:2026-12-01')).toMatchObject({
      status: 'SENT',
      slackTs: file.slack.messages(channel)[0]?.ts,
    });
  });

  it('survives a restart: claimed and half-sent rows go out exactly once from a new worker', async () => {
    const before = startProcess({ db: file.db, slack: file.slack, clock });
    for (const n of [1, 2, 3, 4])
      await before.notifications.delivery.enqueue(dm(file.demo.lin.id, `restart:${n}`));
    // The old process claimed everything, posted row 1 (Slack accepted it), then died before
    // marking anything SENT.
    const claimed = await createDeliveryPrismaRepository(file.db.prisma).claimDue({
      now: clock.now(),
      leaseMs: 60_000,
      limit: 10,
    });
    expect(claimed).toHaveLength(4);
    const channel =
      (await before.sender.openDm('U0DEMOLIN')).kind === 'ok' ? file.slack.dmChannelId('U0DEMOLIN') : '';
    const first = claimed.find((c) => c.key === 'restart:1');
    await before.sender.post({
      channelId: channel ?? '',
      message: first?.message ?? { text: '' },
      deliveryKey: 'restart:1',
    });

    const after = startProcess({ db: file.db, slack: file.slack, clock });
    expect(await after.worker.drain()).toMatchObject({ sent: 0 }); // still leased to the dead worker
    clock.advance(61_000);
    expect(await after.worker.drain()).toMatchObject({ sent: 4, failed: 0 });
    expect(
      file.slack
        .messages(channel ?? '')
        .map((m) => m.text)
        .sort(),
    ).toEqual(['restart:1', 'restart:2', 'restart:3', 'restart:4']);
  });

  it('opens each person’s DM once and keeps the channel id on the person', async () => {
    const first = startProcess({ db: file.db, slack: file.slack, clock });
    await first.notifications.delivery.enqueue(dm(file.demo.lin.id, 'cache:1'));
    await first.notifications.delivery.enqueue(dm(file.demo.lin.id, 'cache:2'));
    await first.worker.drain();
    const second = startProcess({ db: file.db, slack: file.slack, clock });
    await second.notifications.delivery.enqueue(dm(file.demo.lin.id, 'cache:3'));
    await second.worker.drain();
    expect(file.slack.callsTo('conversations.open')).toHaveLength(1);
    expect(file.slack.callsTo('chat.postMessage', { ok: true })).toHaveLength(3);
    const person = await file.db.prisma.person.findUnique({
      where: { id: file.demo.lin.id },
      select: { dmChannelId: true },
    });
    expect(person?.dmChannelId).toBe(file.slack.dmChannelId('U0DEMOLIN'));
  });

  it('honours Retry-After on a 429', async () => {
    const { notifications, worker } = startProcess({ db: file.db, slack: file.slack, clock });
    await notifications.delivery.enqueue({
      workspaceId: file.demo.workspaceId,
      key: 'channel:1',
      kind: 'kpi.digest',
      channelId: 'C0GENERAL',
      message: { text: 'KPI digest' },
    });
    file.slack.failNext('chat.postMessage', { status: 429, retryAfterSec: 1 });
    expect(await worker.drain()).toMatchObject({ sent: 1 });
    const [limited, accepted] = file.slack.callsTo('chat.postMessage');
    expect(limited?.status).toBe(429);
    expect((accepted?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
    expect(file.slack.messages('C0GENERAL')).toHaveLength(1);
  });

  it('a 429 on bulk traffic does not delay a person’s interactive call', async () => {
    const { notifications, worker } = startProcess({ db: file.db, slack: file.slack, clock });
    for (const n of [1, 2, 3]) {
      await notifications.delivery.enqueue({
        workspaceId: file.demo.workspaceId,
        key: `bulk:${n}`,
        kind: 'kpi.digest',
        channelId: 'C0GENERAL',
        message: { text: `bulk ${n}` },
      });
    }
    file.slack.failNext('chat.postMessage', { status: 429, retryAfterSec: 2 });
    const draining = worker.drain();
    await file.slack.waitForCall('chat.postMessage', (call) => call.status === 429);
    const interactive = createInteractiveClient({ token: file.slack.botToken, apiUrl: file.slack.url });
    const started = performance.now();
    await interactive.chat.postEphemeral({ channel: 'C0GENERAL', user: 'U0DEMOALEX', text: 'your answer' });
    const interactiveMs = performance.now() - started;
    const drainStillWaiting = file.slack.callsTo('chat.postMessage', { ok: true }).length === 0;
    await draining;
    expect(drainStillWaiting).toBe(true);
    expect(interactiveMs).toBeLessThan(500);
    expect(file.slack.messages('C0GENERAL')).toHaveLength(3);
  });

  it('knows when it next has work: the earliest queued or held row, or a lease running out', async () => {
    const { notifications, worker } = startProcess({ db: file.db, slack: file.slack, clock });
    expect(await worker.nextDueAt()).toBeNull();
    const inAMinute = new Date(clock.now().getTime() + 60_123);
    await notifications.delivery.enqueue({ ...dm(file.demo.lin.id, 'next:1'), notBefore: inAMinute });
    await notifications.delivery.enqueue({
      ...dm(file.demo.alex.id, 'next:2'),
      notBefore: new Date(inAMinute.getTime() + 1_000),
    });
    const zone = process.env.TZ;
    try {
      // Whatever the process's zone: the instant is read back as UTC, as Prisma stores it.
      process.env.TZ = 'Asia/Shanghai';
      expect((await worker.nextDueAt())?.toISOString()).toBe(inAMinute.toISOString());
    } finally {
      process.env.TZ = zone;
    }
    // Another worker's claim of it: it may have work again when the lease runs out.
    const leased = await createDeliveryPrismaRepository(file.db.prisma).claimDue({
      now: inAMinute,
      leaseMs: 500,
      limit: 1,
    });
    expect(leased.map((row) => row.key)).toEqual(['next:1']);
    expect(await worker.nextDueAt()).toEqual(new Date(inAMinute.getTime() + 500));
  });
});
