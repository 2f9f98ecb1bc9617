import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { profileFromSlackUser, type SlackUserObject } from '../../people-directory.js';

type Args = SlackEventMiddlewareArgs<'user_change'> & AllMiddlewareArgs;

/** Keeps a person's name, time zone, language and status fresh when Slack says they changed. */
export function userChange(deps: SlackDeps) {
  return async ({ event, body }: Args): Promise<void> => {
    const profile = profileFromSlackUser(event.user as SlackUserObject);
    if (!profile) return;
    const workspace = await deps.workspaces.forTeam({ teamId: body.team_id });
    const change = await deps.people.applyProfile(workspace.id, profile);
    deps.logger.debug({ slackUserId: profile.slackUserId, change }, 'profile change applied');
  };
}
