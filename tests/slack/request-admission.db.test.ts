import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { BLOCKS, COMMANDS } from '../../src/slack/ids.js';
import { blockById, textOf } from '../harness/blocks.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';

/**
 * Issue 16: a burst faster than Liaison's work must not pile that work up in memory without
 * bound. Beyond the requests it is working on, a request waits before it is processed (its
 * acknowledgement with it) and goes ahead when one finishes.
 */

const HOLD = '/liaison-test-hold';
let release: (() => void) | undefined;
let holding: Promise<void> | undefined;
let started: (() => void) | undefined;

/** A command whose work after its ack lasts until the test releases it. */
function holdingCommand(app: App): void {
  app.command(HOLD, async ({ ack }) => {
    await ack();
    started?.();
    await holding;
  });
}

const file = liaisonForThisFile({
  seedDemo: true,
  extend: holdingCommand,
  admission: { limit: 1, maxWaitMs: 60_000 },
});

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met within 15 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('requests beyond those Liaison works on at once', () => {
  it('wait their turn, acknowledgement included, and are answered once a request finishes', async () => {
    const { driver, slack, logs } = file.liaison;
    holding = new Promise<void>((resolve) => {
      release = resolve;
    });
    const isWorking = new Promise<void>((resolve) => {
      started = resolve;
    });
    const held = await driver.slashCommand({
      command: HOLD,
      text: '',
      userId: 'U0DEMOALEX',
      channelId: 'C0GENERAL',
    });
    expect(held.status).toBe(200);
    await isWorking;

    slack.reset();
    let acknowledged = false;
    const whoami = driver
      .slashCommand({
        command: COMMANDS.liaison,
        text: 'whoami',
        userId: 'U0DEMOALEX',
        channelId: 'C0GENERAL',
      })
      .then((response) => {
        acknowledged = true;
        return response;
      });
    await until(() => logs().some((line) => String(line.msg).includes('wait their turn')));
    expect(logs().find((line) => String(line.msg).includes('wait their turn'))).toMatchObject({
      waiting: 1,
      limit: 1,
    });
    // Queued behind the held request: not acknowledged, nothing posted.
    expect(acknowledged).toBe(false);
    expect(slack.callsTo('response_url')).toEqual([]);

    release?.();
    expect((await whoami).status).toBe(200);
    await slack.waitForCall('response_url', undefined, 15_000);
    const reply = slack.ephemerals('U0DEMOALEX', 'C0GENERAL').at(-1);
    expect(textOf(blockById(reply?.blocks, BLOCKS.whoami.header))).toBe('You, as Liaison knows you');
  });
});
