import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { formatLocal } from '../../../modules/notifications/notification-input.rules.js';
import { DomainError } from '../../../modules/shared/domain-error.js';
import { notificationActor } from '../../../wiring/notifications.wiring.js';
import type { SlackDeps } from '../../deps.js';
import { resolveActor } from '../../request-actor.js';
import { notificationAfterChoice } from '../../views/notifications-controls.view.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

const buttonValue = z.object({ k: z.string().min(1).max(1_000) });

function deliveryKeyOf(action: ButtonAction): string {
  const parsed = buttonValue.safeParse(safeJson(action.value));
  if (!parsed.success) {
    throw new DomainError(
      'notifications.bad_button',
      { key: 'notifications.errors.unknownNotification' },
      { detail: `button ${action.action_id} carried ${String(action.value).slice(0, 100)}` },
    );
  }
  return parsed.data.k;
}

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}

/** Shared shape of both buttons: ack, who pressed, record the choice, replace the buttons. */
function notificationButton(
  deps: SlackDeps,
  choose: (args: {
    deps: SlackDeps;
    actor: Awaited<ReturnType<typeof resolveActor>>;
    key: string;
  }) => Promise<{ outcome: string; message: { text: string; blocks?: unknown[] } }>,
) {
  return async (args: ButtonArgs): Promise<void> => {
    const { ack, body, action, client, context, respond } = args;
    await ack();
    const actor = await resolveActor(deps, {
      teamId: body.team?.id ?? context.teamId ?? '',
      ...(body.enterprise?.id ? { enterpriseId: body.enterprise.id } : {}),
      userId: body.user.id,
      userName: body.user.name,
      client,
      context,
    });
    const { outcome, message } = await choose({ deps, actor, key: deliveryKeyOf(action) });
    await respond({ replace_original: true, ...notificationAfterChoice(message, outcome) });
  };
}

/** "Snooze 1 hour": this kind waits an hour, and this notification comes back then. */
export function snoozeNotificationButton(deps: SlackDeps) {
  return notificationButton(deps, async ({ deps, actor, key }) => {
    const who = notificationActor(actor);
    const { until, delivery } = await deps.notifications.settings.snoozeNotification(who, key);
    const shown = formatLocal(until, deps.clock.now(), who.timeZone);
    return {
      outcome: actor.t('notifications.buttons.snoozedUntil', { until: shown }),
      message: delivery.message,
    };
  });
}

/** "Mute this kind": no more notifications of this kind until `/liaison unmute`. */
export function muteNotificationButton(deps: SlackDeps) {
  return notificationButton(deps, async ({ deps, actor, key }) => {
    const { kind, delivery } = await deps.notifications.settings.muteNotification(
      notificationActor(actor),
      key,
    );
    return { outcome: actor.t('notifications.buttons.mutedKind', { kind }), message: delivery.message };
  });
}
