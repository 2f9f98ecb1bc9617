import type { SlackDeps } from '../../deps.js';
import { openRaiseModal } from '../../escalations/open-raise-modal.js';
import { QUOTE_MAX } from '../../escalations/raise-metadata.js';
import type { MessageShortcutArgs } from '../../listener-args.types.js';
import { readableMessageText, truncateText } from '../../parsers/message-text.parser.js';

/** A title drawn from the message: its first line, short. The person edits it in the modal. */
const TITLE_FROM_MESSAGE_MAX = 80;

/**
 * "Escalate this" on a message: the raise modal with the message quoted and linked, its first
 * line as the title and its text as what is blocked. The link comes from chat.getPermalink
 * (no scope needed); without it the escalation still records the channel and message ts.
 */
export function escalateThisShortcut(deps: SlackDeps) {
  return async ({ ack, shortcut, client, context }: MessageShortcutArgs): Promise<void> => {
    await ack();
    const actor = await context.actor();
    const channelId = shortcut.channel.id;
    const messageTs = shortcut.message.ts ?? shortcut.message_ts;
    const text = readableMessageText(shortcut.message.text ?? '').trim();
    const permalink = await client.chat
      .getPermalink({ channel: channelId, message_ts: messageTs })
      .then((answer) => answer.permalink ?? null)
      .catch((error: unknown) => {
        deps.logger.warn({ err: error, channelId, messageTs }, 'no permalink for an escalated message');
        return null;
      });
    const firstLine =
      text
        .split('\n')
        .find((line) => line.trim().length > 0)
        ?.trim() ?? '';
    await openRaiseModal(deps, actor, {
      client,
      triggerId: shortcut.trigger_id,
      replyChannelId: channelId,
      source: {
        channelId,
        messageTs,
        permalink,
        quote: text ? truncateText(text, QUOTE_MAX) : null,
        authorSlackUserId: typeof shortcut.message.user === 'string' ? shortcut.message.user : null,
      },
      prefill: {
        ...(firstLine ? { title: truncateText(firstLine, TITLE_FROM_MESSAGE_MAX) } : {}),
        ...(text ? { blocked: text } : {}),
      },
    });
  };
}
