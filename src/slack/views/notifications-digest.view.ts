import type { KnownBlock } from '@slack/types';
import { translator } from '../../i18n/catalog.js';
import type { ComposeDigest } from '../../modules/notifications/held-release.service.js';
import { escapeMrkdwn } from './escape.js';
import { NOTIFICATION_BLOCKS } from './notifications.view.js';

/** Section text is capped at 3,000 characters by Slack: list what fits, count the rest. */
const MAX_ITEMS_TEXT = 2_800;
const MAX_ITEM_CHARS = 280;

/** One "while you were away" DM listing what the budget held, in the person's language. */
export const notificationDigestMessage: ComposeDigest = (locale, items) => {
  const t = translator(locale === 'zh-CN' ? 'zh-CN' : 'en');
  const lines: string[] = [];
  let length = 0;
  for (const item of items) {
    const text = item.text.length > MAX_ITEM_CHARS ? `${item.text.slice(0, MAX_ITEM_CHARS)}…` : item.text;
    // Fallback texts are plain: escape them so they cannot mention or link anyone.
    const line = `• ${escapeMrkdwn(text)}`;
    if (length + line.length > MAX_ITEMS_TEXT) break;
    lines.push(line);
    length += line.length + 1;
  }
  if (lines.length < items.length)
    lines.push(t('notifications.digest.more', { count: items.length - lines.length }));
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      block_id: NOTIFICATION_BLOCKS.digestHeader,
      text: { type: 'plain_text', text: t('notifications.digest.title') },
    },
    {
      type: 'section',
      block_id: NOTIFICATION_BLOCKS.digestItems,
      text: {
        type: 'mrkdwn',
        text: [t('notifications.digest.intro', { count: items.length }), ...lines].join('\n'),
      },
    },
  ];
  return { text: t('notifications.digest.fallback', { count: items.length }), blocks };
};
