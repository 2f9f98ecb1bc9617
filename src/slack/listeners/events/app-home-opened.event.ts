import type { SlackDeps } from '../../deps.js';
import type { EventArgs } from '../../listener-args.types.js';

/**
 * Publishes the person's dashboard when they open the Home tab (views.publish is Tier 4),
 * and remembers that they look at it, so later changes refresh it (src/slack/home).
 * A failed publish throws: the event is not marked done, and Slack's retry publishes.
 */
export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, client, context }: EventArgs<'app_home_opened'>): Promise<void> => {
    if (event.tab !== 'home') return;
    const actor = await context.actor();
    deps.homeTab.noteOpened(actor.workspace.id, actor.person.slackUserId, actor.person.id);
    const rendered = await deps.homeTab.render(actor.person.id);
    if (!rendered) return;
    await client.views.publish({ user_id: event.user, view: rendered.view });
  };
}
