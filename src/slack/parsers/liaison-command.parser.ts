import { z } from 'zod';

const commandText = z.string().max(4000).default('');

export interface ParsedLiaisonCommand {
  /** The first word, lower-cased; `help` when the text is empty. */
  subcommand: string;
  /** Everything after the first word, trimmed. */
  args: string;
  raw: string;
}

/** Splits `/liaison` text into a subcommand and its arguments. */
export function parseLiaisonCommand(text: unknown): ParsedLiaisonCommand {
  const raw = commandText.catch('').parse(text).trim();
  const [first = '', ...rest] = raw.split(/\s+/);
  // The subcommand is echoed back in errors; keep it short and printable.
  const subcommand = (first.toLowerCase() || 'help').slice(0, 40).replace(/[^\p{L}\p{N}_-]/gu, '');
  return { subcommand: subcommand || 'help', args: rest.join(' '), raw };
}
