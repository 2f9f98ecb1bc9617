import { helpSubcommand } from './help.subcommand.js';
import type { Subcommand } from './subcommand.js';
import { whoamiSubcommand } from './whoami.subcommand.js';

/** Every `/liaison` subcommand. Add a feature's here, and its line to src/slack/help-entries.ts. */
export const LIAISON_SUBCOMMANDS: readonly Subcommand[] = [helpSubcommand, whoamiSubcommand];

export function findSubcommand(name: string): Subcommand | undefined {
  return LIAISON_SUBCOMMANDS.find((subcommand) => subcommand.names.includes(name));
}
