import { describe, expect, it } from 'vitest';
import { IDENTITY_CACHE_MS } from '../../src/modules/people/people.service.js';
import { COMMANDS } from '../../src/slack/ids.js';
import { SUBJECT_CACHE_MS } from '../../src/wiring/access.wiring.js';
import { fixedClock } from '../fakes/fixed-clock.js';
import { answeredInAck } from '../harness/fake-slack.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';

/**
 * Issue 16: who a person is and their roles are remembered (a minute; roles 5 s on
 * PostgreSQL, where other replicas may change them). A person who keeps using Liaison must not fall off the end of that minute: their
 * entries are read again in the background, after a request in the entry's second half has
 * been answered, so `/liaison help` stays answered inside the acknowledgement.
 */

const clock = fixedClock(new Date());
const file = liaisonForThisFile({ seedDemo: true, clock });
const slack = () => file.liaison.slack;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `/liaison help` from `userId`: whether it was answered inside the ack (else its reply is awaited). */
async function helpInAck(userId: string): Promise<boolean> {
  slack().reset();
  const sent = await file.liaison.driver.slashCommand({
    command: COMMANDS.liaison,
    text: 'help',
    userId,
    channelId: 'C0GENERAL',
  });
  if (answeredInAck(sent)) return true;
  // Answered through the response_url: wait for that reply, so nothing of it is still in flight.
  for (let waited = 0; slack().ephemerals(userId, 'C0GENERAL').length === 0; waited += 20) {
    if (waited > 15_000) throw new Error(`no reply to ${userId}'s /liaison help`);
    await sleep(20);
  }
  return false;
}

/**
 * Waits until at least `atLeast` SQL statements were sent and then none for `quietMs` (the
 * background reads are done), at most 15 s.
 */
async function untilQuiet(atLeast = 0, quietMs = 300): Promise<string[]> {
  const statements: string[] = [];
  let last = Date.now();
  const stop = file.db.statements.observe((event) => {
    if (event.type !== 'statement') return;
    statements.push(event.sql);
    last = Date.now();
  });
  try {
    const deadline = Date.now() + 15_000;
    while ((statements.length < atLeast || Date.now() - last < quietMs) && Date.now() < deadline)
      await sleep(20);
    return statements;
  } finally {
    stop();
  }
}

describe('refresh-ahead on the request path', () => {
  it('keeps answering an active person inside the ack long past the time their entries were read', async () => {
    expect(await helpInAck('U0DEMOALEX')).toBe(false); // first contact: through the database
    await untilQuiet();
    expect(await helpInAck('U0DEMOALEX')).toBe(true);
    expect(await untilQuiet()).toEqual([]); // in an entry's first half nothing is read

    // A request every 80 % of the shorter lifetime, until past the longer one: each finds its
    // entries in their second half. Without the refresh they would end and help would go
    // through the database and the response_url.
    const shorter = Math.min(IDENTITY_CACHE_MS, SUBJECT_CACHE_MS[file.db.kind]);
    const step = Math.floor(0.8 * shorter);
    const readAfterAnswers: string[] = [];
    for (let elapsed = step; elapsed <= IDENTITY_CACHE_MS + step; elapsed += step) {
      clock.advance(step);
      // Every step finds the roles in their second half (the shorter lifetime): one read at least.
      const background = untilQuiet(1);
      expect(await helpInAck('U0DEMOALEX'), `${elapsed} ms after the first read`).toBe(true);
      readAfterAnswers.push(...(await background));
    }
    expect(readAfterAnswers.some((sql) => sql.includes('"Person"'))).toBe(true);
  });

  it('lets the entries of someone who stopped using Liaison end at their time', async () => {
    expect(await helpInAck('U0DEMOLIN')).toBe(false);
    await untilQuiet();
    expect(await helpInAck('U0DEMOLIN')).toBe(true);
    clock.advance(Math.max(IDENTITY_CACHE_MS, SUBJECT_CACHE_MS[file.db.kind]) + 1_000);
    expect(await helpInAck('U0DEMOLIN')).toBe(false);
  });
});
