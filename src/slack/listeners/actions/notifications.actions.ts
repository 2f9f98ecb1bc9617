import type { ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { formatSoon } from '../../../i18n/format.js';
import type { SlackDeps } from '../../deps.js';
import type { ButtonArgs } from '../../listener-args.types.js';
import { readMetadata } from '../../parsers/metadata.parser.js';
import { type RequestActor, zonedActor } from '../../request-actor.js';
import { notificationAfterChoice } from '../../views/notifications-controls.view.js';

const buttonValue = z.object({ k: z.string().min(1).max(1_000) });

function deliveryKeyOf(action: ButtonAction): string {
  return readMetadata(action.value, buttonValue, {
    code: 'notifications.bad_button',
    message: 'notifications.errors.unknownNotification',
    what: `button ${action.action_id} carried`,
  }).k;
}

/** Shared shape of both buttons: ack, who pressed, record the choice, replace the buttons. */
function notificationButton(
  deps: SlackDeps,
  choose: (args: {
    deps: SlackDeps;
    actor: RequestActor;
    key: string;
  }) => Promise<{ outcome: string; message: { text: string; blocks?: unknown[] } }>,
) {
  return async (args: ButtonArgs): Promise<void> => {
    const { ack, action, context, respond } = args;
    await ack();
    const actor = await context.actor();
    const { outcome, message } = await choose({ deps, actor, key: deliveryKeyOf(action) });
    await respond({ replace_original: true, ...notificationAfterChoice(message, outcome) });
  };
}

/** "Snooze 1 hour": this kind waits an hour, and this notification comes back then. */
export function snoozeNotificationButton(deps: SlackDeps) {
  return notificationButton(deps, async ({ deps, actor, key }) => {
    const who = zonedActor(actor);
    const { until, delivery } = await deps.notifications.settings.snoozeNotification(who, key);
    const shown = formatSoon(until, deps.clock.now(), actor.locale, who.timeZone);
    return {
      outcome: actor.t('notifications.buttons.snoozedUntil', { until: shown }),
      message: delivery.message,
    };
  });
}

/** "Mute this kind": no more notifications of this kind until `/liaison unmute`. */
export function muteNotificationButton(deps: SlackDeps) {
  return notificationButton(deps, async ({ deps, actor, key }) => {
    const { kind, delivery } = await deps.notifications.settings.muteNotification(zonedActor(actor), key);
    return { outcome: actor.t('notifications.buttons.mutedKind', { kind }), message: delivery.message };
  });
}
