import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { resolveActor } from '../../request-actor.js';

type Args = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/**
 * Publishes the person's dashboard when they open the Home tab (views.publish is Tier 4),
 * and remembers that they look at it, so later changes refresh it (src/slack/home).
 * A failed publish throws: the event is not marked done, and Slack's retry publishes.
 */
export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, body, client, context }: Args): Promise<void> => {
    if (event.tab !== 'home') return;
    const actor = await resolveActor(deps, {
      // The installation's team (from the event's authorizations): in a channel shared with
      // another workspace, the envelope's team_id can be theirs.
      teamId: context.teamId ?? body.team_id,
      enterpriseId: context.enterpriseId,
      userId: event.user,
      client,
      context,
    });
    deps.homeTab.noteOpened(actor.workspace.id, actor.person.slackUserId, actor.person.id);
    const rendered = await deps.homeTab.render(actor.person.id);
    if (!rendered) return;
    await client.views.publish({ user_id: event.user, view: rendered.view });
  };
}
