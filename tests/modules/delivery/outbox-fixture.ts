import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { DeliveryWorkerOptions } from '../../../src/modules/delivery/delivery-worker.service.js';
import { createDemoPrismaRepository } from '../../../src/modules/demo/demo.prisma-repository.js';
import { ensureDemoWorkspace } from '../../../src/modules/demo/demo.service.js';
import type { Clock } from '../../../src/modules/shared/clock.types.js';
import { createPacedSlackSender } from '../../../src/slack/delivery/paced-slack-sender.js';
import { type BulkRates, SLACK_FLOOR_RATES, scaleRates } from '../../../src/slack/delivery/rate-floors.js';
import { createBulkClient } from '../../../src/slack/delivery/slack-clients.js';
import { buildDeliveryWorker, buildNotificationsDeps } from '../../../src/wiring/notifications.wiring.js';
import { type SlackStandIn, startFakeSlack } from '../../harness/fake-slack.js';
import { DEMO_SLACK_USERS } from '../../harness/liaison-under-test.js';
import { openTestDatabase, type TestDatabase } from '../../harness/test-database.js';

export const silent = pino({ level: 'silent' });

/** The demo workspace and its people, as the outbox tests address them. */
export async function seedDemo(db: TestDatabase) {
  await ensureDemoWorkspace({
    repo: createDemoPrismaRepository(db.prisma),
    defaults: { locale: 'en', timeZone: 'UTC' },
  });
  const people = await db.prisma.person.findMany({
    select: { id: true, slackUserId: true, workspaceId: true },
  });
  const byUser = (slackUserId: string) => {
    const person = people.find((p) => p.slackUserId === slackUserId);
    if (!person) throw new Error(`demo person ${slackUserId} missing`);
    return person;
  };
  return {
    workspaceId: byUser('U0DEMOALEX').workspaceId,
    lin: byUser('U0DEMOLIN'),
    alex: byUser('U0DEMOALEX'),
  };
}

/** A fresh "process": its own services, paced sender and worker (a restart is a new one). */
export function startProcess(input: {
  db: TestDatabase;
  slack: SlackStandIn;
  clock: Clock;
  rates?: BulkRates;
  options?: DeliveryWorkerOptions;
}) {
  const notifications = buildNotificationsDeps({ db: input.db, clock: input.clock });
  const sender = createPacedSlackSender({
    client: createBulkClient({ token: input.slack.botToken, apiUrl: input.slack.url }),
    // Twenty times Slack's floors unless a test is about pacing: same behaviour, shorter waits.
    rates: input.rates ?? scaleRates(SLACK_FLOOR_RATES, 20),
  });
  const worker = buildDeliveryWorker({
    db: input.db,
    clock: input.clock,
    logger: silent,
    sender,
    notifications,
    ...(input.options ? { options: input.options } : {}),
  });
  return { notifications, sender, worker };
}

/**
 * One database with the demo workspace and one fake Slack for a whole test file, reset
 * before each test: no deliveries, mutes or snoozes, no cached DM channels, default caps.
 */
export function outboxForThisFile() {
  const state = {} as { db: TestDatabase; slack: SlackStandIn; demo: Awaited<ReturnType<typeof seedDemo>> };
  beforeAll(async () => {
    state.db = await openTestDatabase();
    state.slack = await startFakeSlack({ users: DEMO_SLACK_USERS });
    state.demo = await seedDemo(state.db);
  });
  afterAll(async () => {
    await state.slack?.close();
    await state.db?.close();
  });
  beforeEach(async () => {
    state.slack.reset();
    await state.db.prisma.delivery.deleteMany();
    await state.db.prisma.notificationMute.deleteMany();
    await state.db.prisma.notificationSnooze.deleteMany();
    await state.db.prisma.person.updateMany({ data: { dmChannelId: null, dailyNotificationCap: null } });
  });
  return state;
}
