import { isRecord } from '../blocks.js';
import { invalidArguments, SlackApiError } from '../errors.js';
import {
  integer,
  jsonArg,
  type MethodContext,
  type MethodHandler,
  optionalString,
  requiredString,
} from './context.js';

const MAX_TEXT = 40_000;

/** files.uploadV2 in @slack/web-api: getUploadURLExternal per file, POST the bytes, one completeUploadExternal. */
export const fileMethods: Record<string, MethodHandler> = {
  'files.getUploadURLExternal': (ctx) => {
    const filename = requiredString(ctx.args, 'filename');
    const length = integer(ctx.args, 'length');
    if (length === undefined) throw invalidArguments('missing required field: length');
    // Slack: "Typically only occurs when the `length` provided is 0."
    if (length <= 0) throw new SlackApiError('missing_argument');
    const altText = optionalString(ctx.args, 'alt_txt') ?? optionalString(ctx.args, 'alt_text');
    if (altText && altText.length > 1000) throw new SlackApiError('alt_txt_too_large');
    const snippetType = optionalString(ctx.args, 'snippet_type');
    const { fileId, uploadUrl } = ctx.files.reserve({
      filename,
      length,
      ...(altText ? { altText } : {}),
      ...(snippetType ? { snippetType } : {}),
    });
    return { upload_url: uploadUrl, file_id: fileId };
  },

  'files.completeUploadExternal': (ctx) => {
    const entries = fileEntries(ctx);
    const channelId = destination(ctx);
    const threadTs = optionalString(ctx.args, 'thread_ts');
    const comment = optionalString(ctx.args, 'initial_comment');
    if (comment !== undefined && comment.length > MAX_TEXT) throw new SlackApiError('msg_too_long');
    if (threadTs && !channelId) throw invalidArguments('thread_ts needs channel_id');
    const records = entries.map(({ id, title }) => {
      const record = ctx.files.uploaded(id);
      if (!record) throw new SlackApiError('file_not_found');
      return { record, title };
    });
    for (const { record, title } of records) ctx.files.complete(record, title, channelId);
    if (channelId) {
      // Slack shares the files as one message from the bot, the comment as its text.
      ctx.messages.post({
        channel: channelId,
        user: ctx.ws.botUserId,
        fromBot: true,
        content: { text: comment ?? '', files: records.map(({ record }) => ctx.files.toWire(record)) },
        ...(threadTs ? { threadTs } : {}),
      });
    }
    return {
      files: records.map(({ record }) => ({ id: record.id, title: record.title ?? record.filename })),
    };
  },
};

function fileEntries(ctx: MethodContext): { id: string; title?: string }[] {
  if (ctx.args.files === undefined) throw invalidArguments('missing required field: files');
  const files = jsonArg(ctx.args, 'files', 'invalid_arguments');
  if (!Array.isArray(files) || files.length === 0) throw invalidArguments('files must be a non-empty array');
  return files.map((entry) => {
    if (!isRecord(entry) || typeof entry.id !== 'string' || entry.id === '')
      throw invalidArguments('each entry of files needs an id');
    return {
      id: entry.id,
      ...(typeof entry.title === 'string' && entry.title ? { title: entry.title } : {}),
    };
  });
}

/** `channel_id`, or a single id in the legacy `channels`; an unknown channel is channel_not_found. */
function destination(ctx: MethodContext): string | undefined {
  const channelId = optionalString(ctx.args, 'channel_id');
  const channels = optionalString(ctx.args, 'channels');
  const ids = channelId
    ? [channelId]
    : (channels
        ?.split(',')
        .map((id) => id.trim())
        .filter(Boolean) ?? []);
  if (ids.length > 1) throw invalidArguments('share files with one channel at a time');
  const [id] = ids;
  if (!id) return undefined;
  const channel = ctx.directory.channel(id);
  if (!channel) throw new SlackApiError('channel_not_found');
  if (channel.isArchived) throw new SlackApiError('is_archived');
  return channel.id;
}
