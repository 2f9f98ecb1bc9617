import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type RunningDeliveryWorker,
  startDeliveryWorker,
} from '../../../src/modules/delivery/delivery-worker-loop.service.js';
import { systemClock } from '../../../src/modules/shared/clock.types.js';
import { outboxForThisFile, silent, startProcess } from './outbox-fixture.js';

// The outbox worker loop as start-background-work runs it, on the wall clock: idle, it
// sleeps up to IDLE_MS (far longer than any wait below), so whatever arrives sooner was
// woken by an enqueue in this process or by a row's due time, not by polling.
const IDLE_MS = 30_000;
/** "At once", "at its time": late by less than this — a sixth of the idle interval, room for a busy machine. */
const LATE_MS = 5_000;
const file = outboxForThisFile();
let running: RunningDeliveryWorker | undefined;

beforeEach(async () => {
  // Quiet hours off: these tests run at whatever hour the machine's clock says.
  await file.db.prisma.person.updateMany({ data: { quietStartMinute: 0, quietEndMinute: 0 } });
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

/**
 * Resolves once the loop has looked for the next due row (the last statement of a pass that
 * found nothing to do) and gone to sleep; after 10 s regardless, so a test fails on what it
 * expects rather than hanging.
 */
async function nextLook(): Promise<void> {
  let looked!: () => void;
  const look = new Promise<void>((resolve) => {
    looked = resolve;
  });
  const stopObserving = file.db.statements.observe((event) => {
    if (event.type === 'statement' && event.sql.includes('LEAST(')) looked();
  });
  const late = setTimeout(looked, 10_000);
  await look;
  clearTimeout(late);
  stopObserving();
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/** A process with its loop started; resolves once the loop's first pass has found nothing and it sleeps. */
async function startIdleLoop() {
  const started = startProcess({ db: file.db, slack: file.slack, clock: systemClock });
  const idle = nextLook();
  running = startDeliveryWorker({
    worker: started.worker,
    wake: started.notifications.deliveryWake,
    clock: systemClock,
    logger: silent,
    timing: { idleMs: IDLE_MS },
  });
  await idle;
  return started;
}

const channelPost = (key: string, notBefore?: Date) => ({
  workspaceId: file.demo.workspaceId,
  key,
  kind: 'kpi.digest',
  channelId: 'C0GENERAL',
  message: { text: key },
  ...(notBefore ? { notBefore } : {}),
});
const postOf = (text: string, timeoutMs = LATE_MS) =>
  file.slack.waitForCall(
    'chat.postMessage',
    (call) => call.response.ok === true && call.args.text === text,
    timeoutMs,
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the outbox worker loop', () => {
  it('sends what this process enqueues at once, though idle for up to 30 s', async () => {
    const { notifications } = await startIdleLoop();
    const enqueuedAt = Date.now();
    await notifications.delivery.enqueue(channelPost('wake:enqueue'));
    expect((await postOf('wake:enqueue')).at - enqueuedAt).toBeLessThan(LATE_MS);

    await nextLook(); // idle again
    const notifiedAt = Date.now();
    await notifications.notify({
      workspaceId: file.demo.workspaceId,
      personId: file.demo.alex.id,
      kind: 'action_item.reminder',
      key: 'wake:notify',
      message: { text: 'wake:notify' },
    });
    expect((await postOf('wake:notify')).at - notifiedAt).toBeLessThan(LATE_MS);

    await nextLook();
    // notifyMany: the path of OKR check-in prompts to many owners.
    const batchedAt = Date.now();
    await notifications.notifyMany(
      [file.demo.lin, file.demo.alex].map((person) => ({
        workspaceId: file.demo.workspaceId,
        personId: person.id,
        kind: 'action_item.reminder',
        key: `wake:many:${person.id}`,
        message: { text: `wake:many:${person.id}` },
      })),
    );
    for (const person of [file.demo.lin, file.demo.alex])
      expect((await postOf(`wake:many:${person.id}`)).at - batchedAt).toBeLessThan(LATE_MS);
  });

  it('sends a row queued for later at its time, not an idle interval later', async () => {
    const { notifications } = await startIdleLoop();
    const due = new Date(Date.now() + 1_500);
    await notifications.delivery.enqueue(channelPost('wake:scheduled', due));
    const posted = await postOf('wake:scheduled', 1_500 + LATE_MS);
    expect(posted.at).toBeGreaterThanOrEqual(due.getTime());
    expect(posted.at - due.getTime()).toBeLessThan(LATE_MS);
  });

  it('retries a failed post when its backoff ends, not an idle interval later', async () => {
    const { notifications } = await startIdleLoop();
    // A transient error: retried after backoffMs(1) = 2 s.
    file.slack.failNext('chat.postMessage', { error: 'service_unavailable' });
    await notifications.delivery.enqueue(channelPost('wake:retry'));
    const failed = await file.slack.waitForCall('chat.postMessage', undefined, LATE_MS);
    expect(failed.response).toMatchObject({ ok: false, error: 'service_unavailable' });
    const posted = await postOf('wake:retry', 2_000 + LATE_MS);
    expect(posted.at - failed.at).toBeGreaterThanOrEqual(2_000);
    expect(posted.at - failed.at).toBeLessThan(2_000 + LATE_MS);
  });

  it('releases a held notification when the snooze that held it ends', async () => {
    const { notifications } = await startIdleLoop();
    const until = new Date(Date.now() + 1_500);
    await file.db.prisma.notificationSnooze.create({
      data: { personId: file.demo.lin.id, kind: null, until },
    });
    const held = await notifications.notify({
      workspaceId: file.demo.workspaceId,
      personId: file.demo.lin.id,
      kind: 'action_item.reminder',
      key: 'wake:held',
      message: { text: 'wake:held' },
    });
    expect(held.decision).toMatchObject({ action: 'hold', reason: 'snoozed' });
    const posted = await postOf('wake:held', 1_500 + LATE_MS);
    expect(posted.at).toBeGreaterThanOrEqual(until.getTime());
    expect(posted.at - until.getTime()).toBeLessThan(LATE_MS);
  });

  it('idle, makes one pass and one look, then no statement until something is due', async () => {
    // Polling every second made about 3 statements a second (6 in these 2 s, idle).
    let statements = 0;
    const stop = file.db.statements.observe((event) => {
      if (event.type === 'statement') statements += 1;
    });
    try {
      const { notifications } = await startIdleLoop();
      // One pass (lease recovery, held release, claim; PostgreSQL adds the COMMIT of the
      // recovery's implicit transaction) and one look for the next due row.
      expect(statements).toBeLessThanOrEqual(5);
      // A row due in a minute: the loop sleeps towards it (capped by the idle interval).
      const looked = nextLook();
      await notifications.delivery.enqueue(channelPost('wake:later', new Date(Date.now() + 60_000)));
      await looked; // the pass the enqueue woke, and its look
      const afterEnqueue = statements;
      await sleep(2_000);
      expect(statements - afterEnqueue).toBe(0);
      expect(file.slack.callsTo('chat.postMessage')).toHaveLength(0);
    } finally {
      stop();
    }
  });

  it('stops promptly while idle', async () => {
    await startIdleLoop();
    const asked = Date.now();
    await running?.stop();
    running = undefined;
    expect(Date.now() - asked).toBeLessThan(500);
  });
});
