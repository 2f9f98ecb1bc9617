import { DEMO_PEOPLE } from '../modules/demo/demo.data.js';
import type { StandInUser } from './slack-stand-in/index.js';

/**
 * The demo people as a Slack stand-in's directory answers for them (users.info, users.list):
 * the local console's, the tests' and the benches' fake Slack alike.
 */
export function demoSlackUsers(): StandInUser[] {
  return DEMO_PEOPLE.map((p) => ({
    id: p.slackUserId,
    name: p.displayName,
    displayName: p.displayName,
    realName: p.realName,
    email: p.email,
    tz: p.timeZone,
    locale: p.locale,
    isAdmin: p.isWorkspaceAdmin,
  }));
}
