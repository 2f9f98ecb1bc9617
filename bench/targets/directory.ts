import type { SlackStandIn, StandInUser } from '../../src/console/slack-stand-in/index.js';
import { DEMO_PEOPLE } from '../../src/modules/demo/demo.data.js';
import type { ResponseSlot } from '../lib/protocol.js';

/** The demo people as Slack's directory knows them (as tests/harness/liaison-under-test.ts does). */
export const DEMO_SLACK_USERS: StandInUser[] = DEMO_PEOPLE.map((p) => ({
  id: p.slackUserId,
  name: p.displayName,
  displayName: p.displayName,
  realName: p.realName,
  tz: p.timeZone,
  locale: p.locale,
  isAdmin: p.isWorkspaceAdmin,
}));

/**
 * One response_url per request, each bound to its own channel id, so a reply that lands
 * proves which request it answers (the stand-in records the URL's channel on the ephemeral).
 * Users rotate through `userIds` in the same order the generator uses them.
 */
export function createSlots(standIn: SlackStandIn, count: number, userIds: string[]): ResponseSlot[] {
  const slots: ResponseSlot[] = [];
  for (let i = 0; i < count; i += 1) {
    const channelId = `C0BENCH${String(i).padStart(6, '0')}`;
    const userId = userIds[i % userIds.length] ?? 'U0DEMOLIN';
    slots.push({ url: standIn.createResponseUrl({ channelId, userId }), channelId });
  }
  return slots;
}
