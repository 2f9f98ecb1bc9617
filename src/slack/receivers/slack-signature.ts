import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's replay window: a request signed longer ago than this is refused. */
const MAX_AGE_SECONDS = 5 * 60;

/**
 * Whether Slack signed `rawBody` with `signingSecret` (`v0=` HMAC-SHA256 of
 * `v0:<timestamp>:<body>`) within its replay window, as Slack documents it
 * (https://api.slack.com/authentication/verifying-requests-from-slack).
 *
 * Bolt's own check does the same, but compares through tsscmp, which draws random bytes and
 * computes two more HMACs per request, and hashes the body re-encoded from a string: this
 * hashes the bytes as received and compares with `crypto.timingSafeEqual` — a third of the
 * work on every acknowledgement (bench/README.md, issue 16).
 */
export function hasValidSlackSignature(input: {
  signingSecret: string;
  rawBody: Buffer;
  signature: string;
  timestampSeconds: number;
  nowMilliseconds: number;
}): boolean {
  const { signature, timestampSeconds } = input;
  if (!input.signingSecret || !Number.isInteger(timestampSeconds)) return false;
  if (timestampSeconds < Math.floor(input.nowMilliseconds / 1000) - MAX_AGE_SECONDS) return false;
  if (!signature.startsWith('v0=')) return false;
  const expected = createHmac('sha256', input.signingSecret)
    .update(`v0:${timestampSeconds}:`)
    .update(input.rawBody)
    .digest();
  const given = Buffer.from(signature.slice(3), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
