import type { webApi } from '@slack/bolt';
import type { ThreadMessage } from '../../modules/ai/action-item-drafts.types.js';
import type { ReadCardThreads } from './action-item-drafts.service.js';

/** The most replies one card's thread gives a draft. */
const REPLIES_PER_THREAD = 50;

/**
 * The escalation cards' threads, for drafting, when the admin granted the optional
 * `channels:history` scope (manifest: `bot_optional`): a private channel's thread is never
 * read (its content would reach people outside it), and without the scope — or on any other
 * error — the thread is silently left out and the draft rests on what Liaison holds.
 */
export function slackCardThreads(client: webApi.WebClient): ReadCardThreads {
  return async (cards) => {
    const messages: ThreadMessage[] = [];
    for (const card of cards) {
      try {
        const info = await client.conversations.info({ channel: card.channelId });
        if (info.channel?.is_private !== false || info.channel?.is_im || info.channel?.is_mpim) continue;
        const replies = await client.conversations.replies({
          channel: card.channelId,
          ts: card.ts,
          limit: REPLIES_PER_THREAD + 1,
        });
        for (const message of replies.messages ?? []) {
          // The card itself is Liaison's own text; only people's replies add something.
          if (message.ts === card.ts || message.bot_id || !message.user || !message.text) continue;
          messages.push({ author: message.user, text: message.text });
        }
      } catch {
        // missing_scope, not_in_channel, channel_not_found…: the thread is optional.
      }
    }
    return messages.slice(0, REPLIES_PER_THREAD);
  };
}
