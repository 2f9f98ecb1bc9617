import type { KnownBlock } from '@slack/types';
import { translator } from '../../i18n/catalog.js';
import type { DeliveryMessage } from '../../modules/delivery/delivery.types.js';
import type { AddNotificationControls } from '../../modules/notifications/notify.service.js';
import { NOTIFICATION_ACTIONS } from '../ids.js';
import { NOTIFICATION_BLOCKS } from './notifications.view.js';

/** What a button carries: the delivery key, validated on the way back in. */
export interface NotificationButtonValue {
  k: string;
}

function withoutControls(blocks: unknown[] | undefined): unknown[] {
  return (blocks ?? []).filter(
    (b) =>
      (b as { block_id?: unknown }).block_id !== NOTIFICATION_BLOCKS.controls &&
      (b as { block_id?: unknown }).block_id !== NOTIFICATION_BLOCKS.outcome,
  );
}

function sectionOf(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/**
 * Appends "Snooze 1 hour" and "Mute this kind" to any notification, in the reader's
 * language. A message with only text gets a section with that text, so it still shows.
 */
export const addNotificationControls: AddNotificationControls = (message, { key, kind, locale }) => {
  const t = translator(locale === 'zh-CN' ? 'zh-CN' : 'en');
  const value = JSON.stringify({ k: key } satisfies NotificationButtonValue);
  const body = withoutControls(message.blocks);
  const controls: KnownBlock = {
    type: 'actions',
    block_id: NOTIFICATION_BLOCKS.controls,
    elements: [
      {
        type: 'button',
        action_id: NOTIFICATION_ACTIONS.snoozeHour,
        text: { type: 'plain_text', text: t('notifications.buttons.snoozeHour') },
        value,
      },
      {
        type: 'button',
        action_id: NOTIFICATION_ACTIONS.muteKind,
        text: { type: 'plain_text', text: t('notifications.buttons.muteKind') },
        value,
        accessibility_label: `${t('notifications.buttons.muteKind')}: ${kind}`,
      },
    ],
  };
  return {
    text: message.text,
    blocks: [...(body.length > 0 ? body : [sectionOf(message.text)]), controls],
    // Files (a digest's charts) travel with the message.
    ...(message.files ? { files: message.files } : {}),
  };
};

/** The notification after a button: its content, the buttons replaced by what happened. */
export function notificationAfterChoice(original: DeliveryMessage, outcome: string) {
  const body = withoutControls(original.blocks);
  return {
    text: original.text,
    blocks: [
      ...(body.length > 0 ? body : [sectionOf(original.text)]),
      {
        type: 'context',
        block_id: NOTIFICATION_BLOCKS.outcome,
        elements: [{ type: 'mrkdwn', text: outcome }],
      },
    ] as KnownBlock[],
  };
}
