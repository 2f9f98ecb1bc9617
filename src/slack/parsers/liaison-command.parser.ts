import { DomainError } from '../../modules/shared/domain-error.types.js';

/** Slack sends at most this many characters of a slash command's text. */
export const MAX_COMMAND_TEXT = 4000;

export interface ParsedLiaisonCommand {
  /** The first word, lower-cased; `help` when the text is empty. */
  subcommand: string;
  /** Everything after the first word, trimmed. */
  args: string;
  raw: string;
}

/**
 * Slack sends `&`, `<` and `>` typed by the person as HTML entities (its own markup — user
 * and channel references, links — uses real angle brackets). Decoded here once, so a reason
 * like "R&D offsite" is stored as typed and escaped exactly once when shown again.
 */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : '>',
  );
}

/**
 * A slash command's text as the person typed it (entities decoded). Longer than Slack's
 * limit cannot come from Slack's own box; it is refused with a clear error, not read as
 * something else (an empty command, help).
 */
export function commandTextOf(text: unknown): string {
  const typed = decodeSlackEntities(typeof text === 'string' ? text : '');
  const length = [...typed].length;
  if (length > MAX_COMMAND_TEXT)
    throw new DomainError(
      'command.too_long',
      { key: 'errors.commandTooLong', params: { length, max: MAX_COMMAND_TEXT } },
      { detail: `command text of ${length} characters` },
    );
  return typed;
}

/** Splits `/liaison` text into a subcommand and its arguments. */
export function parseLiaisonCommand(text: unknown): ParsedLiaisonCommand {
  const raw = commandTextOf(text).trim();
  const [first = '', ...rest] = raw.split(/\s+/);
  // The subcommand is echoed back in errors; keep it short and printable.
  const subcommand = (first.toLowerCase() || 'help').slice(0, 40).replace(/[^\p{L}\p{N}_-]/gu, '');
  return { subcommand: subcommand || 'help', args: rest.join(' '), raw };
}
