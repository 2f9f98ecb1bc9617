import { z } from 'zod';
import type { RaiseInput } from '../../modules/escalations/escalations.types.js';
import { readMetadata } from '../parsers/metadata.parser.js';

/** Slack's limit on a view's private_metadata. */
export const PRIVATE_METADATA_MAX = 3000;
/** The longest quote of a message carried into (and stored with) an escalation. */
export const QUOTE_MAX = 500;

const CHANNEL_ID = z.string().regex(/^[CGD][A-Z0-9]{2,30}$/);
const MESSAGE_TS = z.string().regex(/^\d{1,12}\.\d{1,8}$/);

/**
 * The raise modal's only state: where to answer the raiser (`c`, the channel they typed in)
 * and, from the shortcut, the message escalated (`s`). Who raises comes from the signed
 * payload, never from here.
 */
const metadataSchema = z.strictObject({
  c: CHANNEL_ID.optional(),
  s: z
    .strictObject({
      c: CHANNEL_ID,
      t: MESSAGE_TS,
      p: z
        .url({ protocol: /^https$/ })
        .max(1000)
        .nullable(),
      q: z.string().max(QUOTE_MAX).nullable(),
    })
    .optional(),
});

type Source = NonNullable<RaiseInput['source']>;

/** At most `max` UTF-16 units (what JSON and zod count), never splitting an emoji. */
function withinLength(text: string, max: number): string {
  let kept = '';
  for (const char of text) {
    if (kept.length + char.length > max) break;
    kept += char;
  }
  return kept;
}

export interface RaiseMetadata {
  replyChannelId: string | null;
  source: Source | null;
}

/** JSON for private_metadata, the quote shortened until it fits Slack's limit. */
export function encodeRaiseMetadata(metadata: RaiseMetadata): string {
  const { replyChannelId, source } = metadata;
  let quote = source?.quote ? withinLength(source.quote, QUOTE_MAX) : null;
  for (;;) {
    const json = JSON.stringify({
      ...(replyChannelId ? { c: replyChannelId } : {}),
      ...(source
        ? { s: { c: source.channelId, t: source.messageTs, p: source.permalink ?? null, q: quote } }
        : {}),
    });
    if (json.length <= PRIVATE_METADATA_MAX) return json;
    if (!quote) throw new Error(`raise metadata too long without a quote (${json.length} chars)`);
    quote = withinLength(quote, Math.floor(quote.length / 2)) || null;
  }
}

export function decodeRaiseMetadata(text: string): RaiseMetadata {
  const { c, s } = readMetadata(text, metadataSchema, {
    code: 'view.bad_metadata',
    message: 'escalationRaise.errors.badSubmission',
    what: 'raise modal metadata',
    whenEmpty: {},
  });
  return {
    replyChannelId: c ?? null,
    source: s ? { channelId: s.c, messageTs: s.t, permalink: s.p, quote: s.q } : null,
  };
}
