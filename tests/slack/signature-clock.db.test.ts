import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/slack/ids.js';
import { calendarLiaisonForThisFile } from './calendar-test-setup.js';

// An app whose clock says January 2025, long before the wall clock: Slack's five-minute
// replay window is judged on the app's clock, once, not on the wall clock by Bolt again.
const { state } = calendarLiaisonForThisFile('2025-01-06T02:00:00Z');

async function help(timestampOffsetSec = 0) {
  state.liaison.slack.reset();
  return state.driver.slashCommand({
    command: COMMANDS.liaison,
    text: 'help',
    userId: 'U0DEMOALEX',
    channelId: 'C0GENERAL',
    tamper: { timestampOffsetSec },
  });
}

describe('the signature window on the app’s clock', () => {
  it('accepts a request signed at the app’s now, however far the wall clock is', async () => {
    expect((await help()).status).toBe(200);
    const reply = await state.liaison.slack.waitForCall('response_url', undefined, 10_000);
    expect(JSON.stringify(reply.args)).toContain('/liaison help');
  });

  it('refuses one six minutes stale on the app’s clock, and runs no listener', async () => {
    expect((await help(-360)).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(state.liaison.slack.calls()).toEqual([]);
  });
});
