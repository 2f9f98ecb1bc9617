import type { IncomingMessage } from 'node:http';
import { isRecord } from './blocks.js';

/** Form fields @slack/web-api JSON-encodes because they are objects or arrays. */
const JSON_FIELDS = new Set([
  'blocks',
  'attachments',
  'view',
  'metadata',
  'unfurls',
  'user_auth_blocks',
  'profile',
]);
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export type ParsedCall =
  | { ok: true; args: Record<string, unknown>; token: string | undefined }
  | { ok: false; error: string; args: Record<string, unknown>; token: string | undefined };

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Reads a Web API call the way Slack does: form-encoded (token may be a field) or JSON
 * (token only in the Authorization header), plus query-string arguments for GETs.
 */
export function parseCall(req: IncomingMessage, rawBody: string, query: URLSearchParams): ParsedCall {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const args: Record<string, unknown> = Object.fromEntries(query);
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const fail = (error: string): ParsedCall => ({ ok: false, error, args, token: bearer });

  if (rawBody.length > 0) {
    if (contentType === 'application/x-www-form-urlencoded') {
      for (const [key, value] of new URLSearchParams(rawBody)) args[key] = decodeField(key, value);
    } else if (contentType === 'application/json') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(rawBody);
      } catch {
        return fail('invalid_json');
      }
      if (!isRecord(parsed)) return fail('invalid_json');
      Object.assign(args, parsed);
      // Slack ignores a token inside a JSON body; only the header counts.
      delete args.token;
    } else if (contentType === '') {
      return fail('missing_post_type');
    } else if (contentType === 'multipart/form-data') {
      return fail('invalid_form_data');
    } else {
      return fail('invalid_post_type');
    }
  }
  const fieldToken = typeof args.token === 'string' ? args.token : undefined;
  delete args.token;
  return { ok: true, args, token: bearer ?? fieldToken };
}

function decodeField(key: string, value: string): unknown {
  if (!JSON_FIELDS.has(key)) return value;
  try {
    return JSON.parse(value);
  } catch {
    // Handlers report the Slack error for their own field (invalid_blocks_format, …).
    return value;
  }
}
