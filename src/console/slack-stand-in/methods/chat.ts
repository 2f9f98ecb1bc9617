import { blockProblem } from '../blocks.js';
import type { ChannelRecord } from '../directory.js';
import { SlackApiError } from '../errors.js';
import type { MessageContent } from '../message-store.js';
import type { StoredMessage } from '../types.js';
import {
  flag,
  jsonArg,
  type MethodContext,
  type MethodHandler,
  optionalString,
  requiredString,
} from './context.js';

const MAX_TEXT = 40_000;
const MAX_MESSAGE_BLOCKS = 50;

export const chatMethods: Record<string, MethodHandler> = {
  'chat.postMessage': (ctx) => {
    const channel = postableChannel(ctx);
    const content = readContent(ctx, true);
    const threadTs = optionalString(ctx.args, 'thread_ts');
    const unfurlLinks = flag(ctx.args, 'unfurl_links');
    const unfurlMedia = flag(ctx.args, 'unfurl_media');
    const message = ctx.messages.post({
      channel: channel.id,
      user: ctx.ws.botUserId,
      fromBot: true,
      content,
      ...(threadTs ? { threadTs } : {}),
      ...(unfurlLinks !== undefined ? { unfurlLinks } : {}),
      ...(unfurlMedia !== undefined ? { unfurlMedia } : {}),
    });
    return { channel: channel.id, ts: message.ts, message: wireMessage(ctx, message) };
  },

  'chat.postEphemeral': (ctx) => {
    const channel = postableChannel(ctx);
    const userId = requiredString(ctx.args, 'user');
    if (!ctx.directory.user(userId)) throw new SlackApiError('user_not_found');
    if (channel.members && !channel.members.includes(userId)) throw new SlackApiError('user_not_in_channel');
    const threadTs = optionalString(ctx.args, 'thread_ts');
    const ephemeral = ctx.messages.postEphemeral({
      channel: channel.id,
      recipient: userId,
      content: readContent(ctx, true),
      ...(threadTs ? { threadTs } : {}),
      source: 'chat.postEphemeral',
    });
    return { message_ts: ephemeral.ts };
  },

  'chat.update': (ctx) => {
    const { channel, message } = existingMessage(ctx);
    if (!message.bot_id) throw new SlackApiError('cant_update_message');
    const updated = ctx.messages.update(message, readContent(ctx, false));
    return { channel: channel.id, ts: updated.ts, text: updated.text, message: wireMessage(ctx, updated) };
  },

  'chat.delete': (ctx) => {
    const { channel, message } = existingMessage(ctx);
    if (!message.bot_id) throw new SlackApiError('cant_delete_message');
    ctx.messages.delete(message);
    return { channel: channel.id, ts: message.ts };
  },

  'chat.getPermalink': (ctx) => {
    const { channel, message } = existingMessage(ctx, 'message_ts');
    return {
      channel: channel.id,
      permalink: `https://${ctx.ws.teamDomain}.slack.com/archives/${channel.id}/p${message.ts.replace('.', '')}`,
    };
  },
};

/** Resolves `channel` (id, #name, or a user id meaning "DM that user") and checks it accepts posts. */
function postableChannel(ctx: MethodContext): ChannelRecord {
  const target = requiredString(ctx.args, 'channel');
  const channel = ctx.directory.channel(target) ?? dmFor(ctx, target);
  if (!channel) throw new SlackApiError('channel_not_found');
  if (channel.isArchived) throw new SlackApiError('is_archived');
  return channel;
}

function dmFor(ctx: MethodContext, target: string): ChannelRecord | undefined {
  if (!/^[UW]/.test(target) || !ctx.directory.user(target)) return undefined;
  return ctx.directory.open([target]).channel;
}

function existingMessage(
  ctx: MethodContext,
  tsKey = 'ts',
): { channel: ChannelRecord; message: StoredMessage } {
  const channel = ctx.directory.channel(requiredString(ctx.args, 'channel'));
  if (!channel) throw new SlackApiError('channel_not_found');
  const message = ctx.messages.find(channel.id, requiredString(ctx.args, tsKey));
  if (!message) throw new SlackApiError('message_not_found');
  return { channel, message };
}

/** Reads text/blocks/attachments/metadata with Slack's checks; a new message needs at least one. */
function readContent(ctx: MethodContext, required: boolean): MessageContent {
  const text = optionalString(ctx.args, 'text');
  const blocks = jsonArg(ctx.args, 'blocks', 'invalid_blocks_format');
  const attachments = jsonArg(ctx.args, 'attachments', 'invalid_attachments');
  const metadata = jsonArg(ctx.args, 'metadata', 'invalid_metadata_format');
  if (text !== undefined && text.length > MAX_TEXT) throw new SlackApiError('msg_too_long');
  if (blocks !== undefined) {
    const problem = blockProblem(blocks, MAX_MESSAGE_BLOCKS);
    if (problem)
      throw new SlackApiError('invalid_blocks', { response_metadata: { messages: [`[ERROR] ${problem}`] } });
  }
  if (attachments !== undefined && !Array.isArray(attachments))
    throw new SlackApiError('invalid_attachments');
  if (Array.isArray(attachments) && attachments.length > 100) throw new SlackApiError('too_many_attachments');
  const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
  const hasAttachments = Array.isArray(attachments) && attachments.length > 0;
  if (required && !text && !hasBlocks && !hasAttachments) throw new SlackApiError('no_text');
  return {
    ...(text !== undefined ? { text } : {}),
    ...(Array.isArray(blocks) ? { blocks } : {}),
    ...(Array.isArray(attachments) ? { attachments } : {}),
    ...(metadata !== undefined ? { metadata } : {}),
  };
}

/** The message object Slack echoes back: the stored message minus the channel key, plus bot_profile. */
function wireMessage(ctx: MethodContext, message: StoredMessage): Record<string, unknown> {
  const { channel: _channel, ...rest } = message;
  return {
    ...rest,
    bot_profile: {
      id: ctx.ws.botId,
      app_id: ctx.ws.appId,
      user_id: ctx.ws.botUserId,
      name: ctx.ws.botName,
      deleted: false,
      team_id: ctx.ws.teamId,
      icons: { image_36: '', image_48: '', image_72: '' },
    },
  };
}
