import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { applySlackProfile } from '../../directory/apply-slack-profile.handler.js';

type Args = SlackEventMiddlewareArgs<'team_join'> & AllMiddlewareArgs;

/** A new member of the workspace: stored at once (audited), without waiting for the nightly sync. */
export function teamJoin(deps: SlackDeps) {
  return async ({ event, body, context }: Args): Promise<void> => {
    await applySlackProfile(deps, {
      user: event.user,
      // The installation's team (from the event's authorizations): in a channel shared with
      // another workspace, the envelope's team_id can be theirs.
      teamId: context.teamId ?? body.team_id,
      enterpriseId: context.enterpriseId,
    });
  };
}
