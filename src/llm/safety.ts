/**
 * What stands between Slack text, the model and a posted message: secrets masked before
 * anything leaves Liaison, data fenced off from instructions, and model output made inert
 * for Slack (escaped, no broadcast or person mentions, no links outside an allow-list,
 * length-capped). Callers post the result with unfurling off.
 */

/** The most characters one data input may carry into a prompt (a 2 MB message is cut here). */
export const DATA_INPUT_MAX_CHARS = 24_000;

const SECRET_PATTERNS: readonly RegExp[] = [
  /\bxox[a-z]-[A-Za-z0-9-]{6,}/gi,
  /\bxapp-[A-Za-z0-9-]{6,}/gi,
  /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{16,}/g,
  /\bAKIA[0-9A-Z]{16}\b/g,
  /\bgh[pousr]_[A-Za-z0-9]{20,}/g,
  /\bglpat-[A-Za-z0-9_-]{20,}/g,
  /\bAIza[0-9A-Za-z_-]{30,}/g,
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g,
  /\bBearer\s+[A-Za-z0-9._~+/-]{12,}=*/gi,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  /\b((?:api[_-]?key|secret|token|password|passwd)\s*[:=]\s*)["']?[^\s"']{6,}/gi,
];

/** Replaces Slack tokens, API keys and password assignments with [secret]. */
export function maskSecrets(text: string): string {
  let masked = text;
  for (const pattern of SECRET_PATTERNS) {
    masked = masked.replace(pattern, (...args) => {
      const prefix = typeof args[1] === 'string' && /[:=]\s*$/.test(args[1]) ? args[1] : '';
      return `${prefix}[secret]`;
    });
  }
  return masked;
}

const DATA_OPEN = (name: string) => `<<<DATA ${name}`;
const DATA_CLOSE = (name: string) => `DATA ${name}>>>`;

/** A data input as the model sees it: secrets masked, capped, fenced by markers it cannot forge. */
export function asDataBlock(name: string, value: string): string {
  let text = value.length > DATA_INPUT_MAX_CHARS ? `${value.slice(0, DATA_INPUT_MAX_CHARS)} […]` : value;
  text = maskSecrets(text).replace(/<<<|>>>/g, '');
  return `${DATA_OPEN(name)}\n${text}\n${DATA_CLOSE(name)}`;
}

export interface SlackSafeOptions {
  maxLength: number;
  /** URL prefixes a link may start with (e.g. the workspace's permalinks); others are removed. */
  allowedLinks?: readonly string[];
}

/** Control characters and zero-width or direction marks (which can hide text from a reader). */
function stripInvisible(text: string): string {
  return [...text]
    .filter((char) => {
      const code = char.codePointAt(0) ?? 0;
      if (code === 0x0a || code === 0x09) return true;
      return !(
        code < 0x20 ||
        code === 0x7f ||
        (code >= 0x200b && code <= 0x200f) ||
        (code >= 0x2028 && code <= 0x202e) ||
        (code >= 0x2060 && code <= 0x2064) ||
        code === 0xfeff
      );
    })
    .join('');
}

const URL_PATTERN = /\b(?:https?|ftp|mailto|slack):\/*[^\s<>()]+/gi;

/**
 * Model text made inert as plain text: secrets masked, one line, no Slack markup (`<!channel>`, `<@U…>`,
 * `<url|label>`), no @channel/@here/@everyone, links only from the allow-list, no angle
 * brackets left (so it stays inert even if nobody escapes it), at most `maxLength` characters.
 */
export function plainSafeText(text: string, options: SlackSafeOptions): string {
  const allowed = options.allowedLinks ?? [];
  let safe = maskSecrets(stripInvisible(text))
    .replace(/<([^<>]*)>/g, (_, inner: string) => {
      // Slack markup: keep an allowed link's URL, drop mentions and special commands.
      const url = inner.split('|')[0] ?? '';
      return allowed.some((prefix) => url.startsWith(prefix)) ? url : '';
    })
    .replace(/[@＠]\s*(channel|here|everyone)\b/gi, '$1')
    .replace(URL_PATTERN, (url) => (allowed.some((prefix) => url.startsWith(prefix)) ? url : ''))
    .replace(/\s+/g, ' ')
    .trim();
  safe = safe.replace(/</g, '‹').replace(/>/g, '›');
  if (safe.length > options.maxLength) safe = `${safe.slice(0, options.maxLength - 1).trimEnd()}…`;
  return safe;
}

/** `plainSafeText` escaped for a mrkdwn field (& < >). */
export function slackSafeText(text: string, options: SlackSafeOptions): string {
  return escapeMrkdwn(plainSafeText(text, options));
}

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
