import type { WebClient } from '@slack/web-api';
import type { ExportFile } from '../../modules/export/export.types.js';

/**
 * Slack shows at most 10 files on one message (and files.completeUploadExternal has been
 * seen failing with more than 14), so larger sets go as several messages.
 */
export const MAX_FILES_PER_MESSAGE = 10;

/**
 * Sends files to a person's DM with Liaison: conversations.open (im:write) for the
 * channel, then files.uploadV2 with every file of a part in one
 * files.completeUploadExternal, so they arrive as one message with its comment.
 */
export async function deliverFilesToDm(
  client: WebClient,
  input: {
    slackUserId: string;
    files: readonly ExportFile[];
    comment: (part: number, parts: number) => string;
  },
): Promise<{ channelId: string; fileIds: string[] }> {
  const opened = await client.conversations.open({ users: input.slackUserId });
  const channelId = opened.channel?.id;
  if (!channelId) throw new Error(`conversations.open gave no channel for ${input.slackUserId}`);
  const parts: ExportFile[][] = [];
  for (let at = 0; at < input.files.length; at += MAX_FILES_PER_MESSAGE)
    parts.push(input.files.slice(at, at + MAX_FILES_PER_MESSAGE));
  const fileIds: string[] = [];
  for (const [index, part] of parts.entries()) {
    const uploaded = await client.filesUploadV2({
      channel_id: channelId,
      initial_comment: input.comment(index + 1, parts.length),
      file_uploads: part.map((file) => ({
        content: file.content,
        filename: file.filename,
        title: file.title,
      })),
    });
    for (const completion of uploaded.files as { files?: { id?: string }[] }[])
      for (const file of completion.files ?? []) if (file.id) fileIds.push(file.id);
  }
  return { channelId, fileIds };
}
