import { SlackApiError } from '../errors.js';
import { flag, type MethodHandler, optionalString, requiredString } from './context.js';

export const conversationMethods: Record<string, MethodHandler> = {
  'conversations.open': ({ args, directory }) => {
    const channelArg = optionalString(args, 'channel');
    const usersArg = optionalString(args, 'users');
    const returnIm = flag(args, 'return_im') ?? false;
    const wire = (channel: NonNullable<ReturnType<typeof directory.channel>>) =>
      returnIm
        ? directory.toWireChannel(channel, { includeLocale: false, includeNumMembers: false })
        : { id: channel.id };
    if (channelArg) {
      const channel = directory.channel(channelArg);
      if (!channel || !(channel.isIm || channel.isMpim)) throw new SlackApiError('channel_not_found');
      return { no_op: true, already_open: true, channel: wire(channel) };
    }
    if (!usersArg) throw new SlackApiError('users_list_not_supplied');
    const userIds = usersArg
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    if (userIds.length > 8) throw new SlackApiError('too_many_users');
    for (const id of userIds) {
      if (!directory.user(id)) throw new SlackApiError('user_not_found');
    }
    const { channel, alreadyOpen } = directory.open(userIds);
    return { ...(alreadyOpen ? { no_op: true, already_open: true } : {}), channel: wire(channel) };
  },

  'conversations.info': ({ args, directory }) => {
    const channel = directory.channel(requiredString(args, 'channel'));
    if (!channel) throw new SlackApiError('channel_not_found');
    return {
      channel: directory.toWireChannel(channel, {
        includeLocale: flag(args, 'include_locale') ?? false,
        includeNumMembers: flag(args, 'include_num_members') ?? false,
      }),
    };
  },

  /** Top-level messages, newest first, as Slack pages them (no cursor support: `limit` only). */
  'conversations.history': ({ args, directory, messages }) => {
    const channel = directory.channel(requiredString(args, 'channel'));
    if (!channel) throw new SlackApiError('channel_not_found');
    const limit = Number(args.limit ?? 100) || 100;
    const topLevel = messages
      .list(channel.id)
      .filter((message) => !message.thread_ts || message.thread_ts === message.ts)
      .reverse();
    return {
      messages: topLevel.slice(0, limit).map(({ channel: _channel, ...message }) => message),
      has_more: topLevel.length > limit,
      response_metadata: { next_cursor: '' },
    };
  },

  /** The parent followed by its replies, oldest first. */
  'conversations.replies': ({ args, directory, messages }) => {
    const channel = directory.channel(requiredString(args, 'channel'));
    if (!channel) throw new SlackApiError('channel_not_found');
    const ts = requiredString(args, 'ts');
    const thread = messages
      .list(channel.id)
      .filter((message) => message.ts === ts || message.thread_ts === ts);
    if (thread.length === 0) throw new SlackApiError('thread_not_found');
    return {
      messages: thread.map(({ channel: _channel, ...message }) => message),
      has_more: false,
      response_metadata: { next_cursor: '' },
    };
  },
};
