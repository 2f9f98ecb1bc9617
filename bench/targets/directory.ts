import { demoSlackUsers } from '../../src/console/demo-slack-users.js';
import type { SlackStandIn, StandInUser } from '../../src/console/slack-stand-in/index.js';
import type { ResponseSlot } from '../lib/protocol.js';

/** The demo people as Slack's directory knows them, so users.info answers for them. */
export const DEMO_SLACK_USERS: StandInUser[] = demoSlackUsers();

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
