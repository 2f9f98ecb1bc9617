import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { resolveActor } from '../../request-actor.js';
import { homeView } from '../../views/home.view.js';

type Args = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/** Publishes the person's Home tab when they open it (views.publish is Tier 4). */
export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, body, client, context }: Args): Promise<void> => {
    if (event.tab !== 'home') return;
    const actor = await resolveActor(deps, {
      teamId: body.team_id,
      enterpriseId: context.enterpriseId,
      userId: event.user,
      client,
      context,
    });
    const memberships = await deps.people.membershipsOf(actor.person.id);
    await client.views.publish({
      user_id: event.user,
      view: homeView(actor.t, actor.person, memberships, actor.locale),
    });
  };
}
