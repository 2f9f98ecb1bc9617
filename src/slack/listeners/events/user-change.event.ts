import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { profileFromSlackUser, type SlackUserObject } from '../../people-directory.js';

type Args = SlackEventMiddlewareArgs<'user_change'> & AllMiddlewareArgs;

/**
 * Keeps a person's name, time zone, language and status fresh when Slack says they changed.
 * Goes through the directory service, so a deactivation (deleted: true) cancels what was
 * waiting for them and flags their open items to their leads, as the nightly sync does.
 */
export function userChange(deps: SlackDeps) {
  return async ({ event, body, context }: Args): Promise<void> => {
    const profile = profileFromSlackUser(event.user as SlackUserObject);
    if (!profile) return;
    const workspace = await deps.workspaces.forTeam({
      teamId: body.team_id,
      enterpriseId: context.enterpriseId,
    });
    const change = await deps.directory.service.applyProfile(workspace.id, profile);
    deps.people.forget(workspace.id, profile.slackUserId);
    deps.logger.debug({ slackUserId: profile.slackUserId, change }, 'profile change applied');
    // Their Home tab shows their name and roles in their language: refresh it if they look at it.
    const homeOwner = deps.homeTab.openedBy(workspace.id, profile.slackUserId);
    if (homeOwner && (change === 'updated' || change === 'reactivated'))
      deps.home.requestRefresh(workspace.id, [homeOwner]);
  };
}
