import { afterAll, beforeAll } from 'vitest';
import { COMMANDS } from '../../src/slack/ids.js';
import { fixedClock } from '../fakes/fixed-clock.js';
import { answeredInAck, connectDriver } from '../harness/fake-slack.js';
import {
  type LiaisonUnderTest,
  SIGNING_SECRET,
  startLiaisonUnderTest,
} from '../harness/liaison-under-test.js';
import type { SlackDriver } from '../harness/slack-driver.js';
import { openTestDatabase, type TestDatabase } from '../harness/test-database.js';

/**
 * Liaison with the demo workspace and a clock the test moves. Requests are signed with the
 * same clock, because the receiver checks their timestamp against it.
 */
export function calendarLiaisonForThisFile(start: string) {
  const clock = fixedClock(start);
  const state = {} as {
    db: TestDatabase;
    liaison: LiaisonUnderTest;
    driver: SlackDriver;
    clock: typeof clock;
  };
  beforeAll(async () => {
    state.clock = clock;
    state.db = await openTestDatabase();
    state.liaison = await startLiaisonUnderTest({ db: state.db, seedDemo: true, clock });
    // These tests start from a workspace nobody has set a calendar up for: the demo's
    // China default and its US-based lead's own choice are removed (people fall back to none).
    await state.db.prisma.calendar.deleteMany({});
    await state.db.prisma.workspace.updateMany({ data: { defaultCalendarKey: null } });
    state.driver = connectDriver(state.liaison.slack, {
      baseUrl: state.liaison.baseUrl,
      signingSecret: SIGNING_SECRET,
      nowSec: () => Math.floor(clock.now().getTime() / 1000),
    });
  });
  afterAll(async () => {
    await state.liaison?.stop();
    await state.db?.close();
  });

  /** Sends `/liaison <text>` as the user and returns the private reply. */
  async function replyTo(userId: string, text: string) {
    state.liaison.slack.reset();
    const response = await state.driver.slashCommand({
      command: COMMANDS.liaison,
      text,
      userId,
      channelId: 'C0GENERAL',
    });
    if (response.status !== 200) throw new Error(`/liaison ${text} answered ${response.status}`);
    // Answered inside the ack (help, for a remembered person) or later through the response_url.
    if (!answeredInAck(response)) await state.liaison.slack.waitForCall('response_url');
    const reply = state.liaison.slack.ephemerals(userId, 'C0GENERAL').at(-1);
    if (!reply) throw new Error(`no reply to /liaison ${text}`);
    return reply;
  }

  async function personId(slackUserId: string) {
    const person = await state.db.prisma.person.findFirstOrThrow({
      where: { slackUserId },
      select: { id: true },
    });
    return person.id;
  }

  return { state, replyTo, personId };
}
