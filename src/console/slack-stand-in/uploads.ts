import type { IncomingMessage } from 'node:http';
import { type FileStore, UPLOAD_PREFIX } from './file-store.js';

/** Slack's upload service takes files up to 1 GB; the stand-in keeps them in memory. */
const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

export interface UploadAnswer {
  status: number;
  text: string;
  bytes: number;
}

async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_UPLOAD_BYTES) throw new Error(`upload over ${MAX_UPLOAD_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The POST to an upload_url. Slack takes the bytes raw or multipart-encoded (WebClient
 * sends a form with one file part); it answers 200 "OK - <bytes>", and needs no token:
 * the URL itself is the credential.
 */
export async function answerUpload(
  req: IncomingMessage,
  pathname: string,
  files: FileStore,
): Promise<UploadAnswer> {
  const token = pathname.slice(UPLOAD_PREFIX.length);
  const raw = await readBytes(req);
  if (req.method !== 'POST') return { status: 405, text: 'method not allowed', bytes: 0 };
  const contentType = req.headers['content-type'] ?? '';
  let bytes = raw;
  if (contentType.toLowerCase().startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const part = [...form.values()].find((value) => typeof value !== 'string') as Blob | undefined;
    if (!part) return { status: 400, text: 'no file in form', bytes: 0 };
    bytes = Buffer.from(await part.arrayBuffer());
  }
  if (!files.receive(token, bytes)) return { status: 404, text: 'not found', bytes: 0 };
  return { status: 200, text: `OK - ${bytes.length}`, bytes: bytes.length };
}
