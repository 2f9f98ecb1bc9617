import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { applySlackProfile } from '../../directory/apply-slack-profile.handler.js';

type Args = SlackEventMiddlewareArgs<'user_change'> & AllMiddlewareArgs;

/** Keeps a person's name, time zone, language and status fresh when Slack says they changed. */
export function userChange(deps: SlackDeps) {
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
