import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCKS, COMMANDS } from '../../src/slack/ids.js';
import { blockById, textOf } from '../harness/blocks.js';
import { type LiaisonUnderTest, startLiaisonUnderTest } from '../harness/liaison-under-test.js';
import { openTestDatabase, type TestDatabase } from '../harness/test-database.js';

let db: TestDatabase;
let liaison: LiaisonUnderTest;

beforeAll(async () => {
  db = await openTestDatabase();
  liaison = await startLiaisonUnderTest({ db, seedDemo: true });
});

afterAll(async () => {
  await liaison?.stop();
  await db?.close();
});

describe('when the database goes away after start', () => {
  it('answers with an apology quoting a reference id that is in the log, and /healthz says 503', async () => {
    expect((await fetch(`${liaison.baseUrl}/healthz`)).status).toBe(200);
    await db.close();

    const response = await liaison.driver.slashCommand({
      command: COMMANDS.liaison,
      text: 'whoami',
      userId: 'U0DEMOALEX',
      channelId: 'C0GENERAL',
    });
    expect(response.status).toBe(200);
    await liaison.slack.waitForCall('response_url', undefined, 10_000);
    const shown = textOf(
      blockById(liaison.slack.ephemerals('U0DEMOALEX').at(-1)?.blocks, BLOCKS.error.message),
    );
    expect(shown).toContain('cannot reach its database');
    const referenceId = /ERR-[0-9A-F]{8}/.exec(shown)?.[0];
    expect(referenceId).toBeDefined();

    const logged = liaison.logs().find((line) => line.referenceId === referenceId);
    expect(logged).toMatchObject({
      level: 50,
      msg: 'request failed',
      databaseDown: true,
      userId: 'U0DEMOALEX',
    });
    expect(JSON.stringify(liaison.logs())).not.toContain(liaison.slack.botToken);

    const health = await fetch(`${liaison.baseUrl}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable' });
  });
});
