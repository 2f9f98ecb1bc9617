import { z } from 'zod';

const commandText = z.string().max(4000).default('');

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

/** Splits `/liaison` text into a subcommand and its arguments. */
export function parseLiaisonCommand(text: unknown): ParsedLiaisonCommand {
  const raw = decodeSlackEntities(commandText.catch('').parse(text)).trim();
  const [first = '', ...rest] = raw.split(/\s+/);
  // The subcommand is echoed back in errors; keep it short and printable.
  const subcommand = (first.toLowerCase() || 'help').slice(0, 40).replace(/[^\p{L}\p{N}_-]/gu, '');
  return { subcommand: subcommand || 'help', args: rest.join(' '), raw };
}
