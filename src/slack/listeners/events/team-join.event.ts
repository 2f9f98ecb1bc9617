import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { profileFromSlackUser, type SlackUserObject } from '../../people-directory.js';

type Args = SlackEventMiddlewareArgs<'team_join'> & AllMiddlewareArgs;

/** A new member of the workspace: stored at once (audited), without waiting for the nightly sync. */
export function teamJoin(deps: SlackDeps) {
  return async ({ event, body, context }: Args): Promise<void> => {
    const profile = profileFromSlackUser(event.user as SlackUserObject);
    if (!profile) return;
    const workspace = await deps.workspaces.forTeam({
      teamId: body.team_id,
      enterpriseId: context.enterpriseId,
    });
    const change = await deps.directory.service.applyProfile(workspace.id, profile);
    deps.people.forget(workspace.id, profile.slackUserId);
    deps.logger.debug({ slackUserId: profile.slackUserId, change }, 'new member applied');
  };
}
