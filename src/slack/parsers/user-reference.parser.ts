/** A person named in command text. */
export type UserReference = { slackUserId: string } | { handle: string };

const ESCAPED_MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;
const USER_ID = /^[UW][A-Z0-9]{2,}$/;
const HANDLE = /^@([\p{L}\p{N}._-]{1,80})$/u;

/**
 * Reads one person from command text: Slack's escaped mention `<@U123|name>` (what a slash
 * command with escaping on sends), `<@U123>`, a bare user id, or `@handle` as typed where
 * nothing escapes it (the local console). Null for anything else.
 */
export function parseUserReference(text: string): UserReference | null {
  const trimmed = text.trim();
  const mention = ESCAPED_MENTION.exec(trimmed);
  if (mention?.[1]) return { slackUserId: mention[1] };
  if (USER_ID.test(trimmed)) return { slackUserId: trimmed };
  const handle = HANDLE.exec(trimmed);
  if (handle?.[1]) return { handle: handle[1] };
  return null;
}
