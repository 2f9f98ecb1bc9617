import { randomToken } from './ids.js';
import type { StandInFile, StandInState } from './types.js';
import type { Workspace } from './workspace.js';

interface FileRecord {
  id: string;
  filename: string;
  /** What files.getUploadURLExternal was told; the bytes may differ (Slack keeps what arrived). */
  declaredLength: number;
  title?: string;
  altText?: string;
  snippetType?: string;
  uploadToken: string;
  bytes?: Buffer;
  completed: boolean;
  channels: string[];
  createdSec: number;
  /** Who shared it: the bot for uploads, a person for a file they shared in a conversation. */
  user?: string;
}

/** Where url_private_download points (Slack: files.slack.com/files-pri/…/download/…). */
export const DOWNLOAD_PREFIX = '/files-pri/';

/** Where files.getUploadURLExternal tells clients to POST the bytes (Slack: files.slack.com/upload/v1/…). */
export const UPLOAD_PREFIX = '/upload/v1/';

/**
 * Files uploaded the way files.uploadV2 does it: an upload URL and file id first
 * (files.getUploadURLExternal), the bytes POSTed to that URL, then
 * files.completeUploadExternal shares them, optionally into a channel with a comment.
 */
export class FileStore {
  readonly #byId = new Map<string, FileRecord>();
  readonly #byToken = new Map<string, FileRecord>();
  /** `http://127.0.0.1:PORT`, set once the server listens. */
  origin = '';

  constructor(private readonly ws: Workspace) {}

  reserve(input: { filename: string; length: number; altText?: string; snippetType?: string }): {
    fileId: string;
    uploadUrl: string;
  } {
    const record: FileRecord = {
      id: this.ws.nextId('F'),
      filename: input.filename,
      declaredLength: input.length,
      ...(input.altText ? { altText: input.altText } : {}),
      ...(input.snippetType ? { snippetType: input.snippetType } : {}),
      uploadToken: randomToken(16),
      completed: false,
      channels: [],
      createdSec: Math.floor(this.ws.now() / 1000),
    };
    this.#byId.set(record.id, record);
    this.#byToken.set(record.uploadToken, record);
    return { fileId: record.id, uploadUrl: `${this.origin}${UPLOAD_PREFIX}${record.uploadToken}` };
  }

  /** The POST to an upload URL; false when the URL was never handed out. */
  receive(uploadToken: string, bytes: Buffer): boolean {
    const record = this.#byToken.get(uploadToken);
    if (!record) return false;
    record.bytes = bytes;
    return true;
  }

  /** A reserved file whose bytes arrived, or undefined (Slack answers file_not_found either way). */
  uploaded(fileId: string): FileRecord | undefined {
    const record = this.#byId.get(fileId);
    return record?.bytes ? record : undefined;
  }

  complete(record: FileRecord, title: string | undefined, channelId: string | undefined): void {
    record.completed = true;
    if (title) record.title = title;
    if (channelId && !record.channels.includes(channelId)) record.channels.push(channelId);
  }

  /** The file object Slack puts in messages and answers (a subset of its fields). */
  toWire(record: FileRecord): Record<string, unknown> {
    const extension = /\.([A-Za-z0-9]+)$/.exec(record.filename)?.[1]?.toLowerCase() ?? 'text';
    const base = `${this.origin || 'https://files.slack.com'}${DOWNLOAD_PREFIX}${this.ws.teamId}-${record.id}`;
    return {
      id: record.id,
      created: record.createdSec,
      timestamp: record.createdSec,
      name: record.filename,
      title: record.title ?? record.filename,
      mimetype: MIME_TYPES[extension] ?? 'application/octet-stream',
      filetype: extension,
      user: record.user ?? this.ws.botUserId,
      size: record.bytes?.length ?? 0,
      is_external: false,
      url_private: `${base}/${encodeURIComponent(record.filename)}`,
      url_private_download: `${base}/download/${encodeURIComponent(record.filename)}`,
      channels: record.channels.filter((id) => id.startsWith('C')),
      groups: record.channels.filter((id) => id.startsWith('G')),
      ims: record.channels.filter((id) => id.startsWith('D')),
    };
  }

  /** A file a person shared in a conversation (a CSV dropped into a DM): its wire object. */
  shareAsUser(input: { userId: string; channelId: string; filename: string; bytes: Buffer }) {
    const { fileId } = this.reserve({ filename: input.filename, length: input.bytes.length });
    const record = this.#byId.get(fileId);
    if (!record) throw new Error('reserved file vanished');
    record.bytes = input.bytes;
    record.user = input.userId;
    this.complete(record, input.filename, input.channelId);
    return this.toWire(record);
  }

  /** GET of a url_private(_download): the bytes of a completed file, by the id in its path. */
  download(pathname: string): Buffer | undefined {
    const match = /^\/files-pri\/[^-/]+-([^/]+)\//.exec(pathname);
    return match?.[1] ? this.bytes(match[1]) : undefined;
  }

  /** Completed files, oldest first; with a channel, only those shared there. */
  list(channelId?: string): StandInFile[] {
    return [...this.#byId.values()]
      .filter((record) => record.completed && (!channelId || record.channels.includes(channelId)))
      .map((record) => ({
        id: record.id,
        name: record.filename,
        title: record.title ?? record.filename,
        channels: [...record.channels],
        size: record.bytes?.length ?? 0,
        content: record.bytes?.toString('utf8') ?? '',
      }));
  }

  /** The bytes of a completed file. */
  bytes(fileId: string): Buffer | undefined {
    const record = this.#byId.get(fileId);
    return record?.completed ? record.bytes : undefined;
  }

  /** Completed files as the console saves them. */
  exportCompleted(): StandInState['files'] {
    return [...this.#byId.values()]
      .filter((record) => record.completed)
      .map((record) => ({
        id: record.id,
        filename: record.filename,
        ...(record.title ? { title: record.title } : {}),
        channels: [...record.channels],
        createdSec: record.createdSec,
        base64: (record.bytes ?? Buffer.alloc(0)).toString('base64'),
      }));
  }

  /** A completed file an earlier run kept; its upload URL is long gone. */
  restore(file: StandInState['files'][number]): void {
    const bytes = Buffer.from(file.base64, 'base64');
    this.#byId.set(file.id, {
      id: file.id,
      filename: file.filename,
      declaredLength: bytes.length,
      ...(file.title ? { title: file.title } : {}),
      uploadToken: randomToken(16),
      bytes,
      completed: true,
      channels: [...file.channels],
      createdSec: file.createdSec,
    });
  }

  clear(): void {
    this.#byId.clear();
    this.#byToken.clear();
  }
}

const MIME_TYPES: Record<string, string> = {
  csv: 'text/csv',
  json: 'application/json',
  txt: 'text/plain',
  png: 'image/png',
  pdf: 'application/pdf',
};
