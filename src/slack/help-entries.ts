import type { MessageKey } from '../i18n/catalog.js';

/**
 * What `/liaison help` lists: every command that works, one line each, in the reader's
 * language. A feature adds its lines when it lands — never before.
 */
export interface HelpEntry {
  /** The message key of the line (usage and what it does). */
  key: MessageKey;
  /** Shown only to workspace admins. */
  adminOnly?: boolean;
}

export const HELP_ENTRIES: readonly HelpEntry[] = [
  { key: 'help.commandHelp' },
  { key: 'help.commandWhoami' },
];
