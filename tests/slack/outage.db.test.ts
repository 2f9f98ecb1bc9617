import { describe, expect, it } from 'vitest';
import { BLOCKS, COMMANDS } from '../../src/slack/ids.js';
import { blockById, textOf } from '../harness/blocks.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';

const file = liaisonForThisFile({ seedDemo: true });

describe('when the database goes away after start', () => {
  it('answers with an apology quoting a reference id that is in the log, and /healthz says 503', async () => {
    expect((await fetch(`${file.liaison.baseUrl}/healthz`)).status).toBe(200);
    await file.db.close();

    const response = await file.liaison.driver.slashCommand({
      command: COMMANDS.liaison,
      text: 'whoami',
      userId: 'U0DEMOALEX',
      channelId: 'C0GENERAL',
    });
    expect(response.status).toBe(200);
    await file.liaison.slack.waitForCall('response_url', undefined, 10_000);
    const shown = textOf(
      blockById(file.liaison.slack.ephemerals('U0DEMOALEX').at(-1)?.blocks, BLOCKS.error.message),
    );
    expect(shown).toContain('cannot reach its database');
    const referenceId = /ERR-[0-9A-F]{8}/.exec(shown)?.[0];
    expect(referenceId).toBeDefined();

    const logged = file.liaison.logs().find((line) => line.referenceId === referenceId);
    expect(logged).toMatchObject({
      level: 50,
      msg: 'request failed',
      databaseDown: true,
      userId: 'U0DEMOALEX',
    });
    expect(JSON.stringify(file.liaison.logs())).not.toContain(file.liaison.slack.botToken);

    const health = await fetch(`${file.liaison.baseUrl}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable' });
  });
});
