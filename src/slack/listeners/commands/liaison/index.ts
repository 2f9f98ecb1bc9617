import { awaySubcommand } from './away.subcommand.js';
import { backSubcommand } from './back.subcommand.js';
import { calendarSubcommand } from './calendar.subcommand.js';
import { helpSubcommand } from './help.subcommand.js';
import { hoursSubcommand } from './hours.subcommand.js';
import { NOTIFICATION_SUBCOMMANDS } from './notifications.subcommand.js';
import { schedulesSubcommand } from './schedules.subcommand.js';
import type { Subcommand } from './subcommand.js';
import { whoamiSubcommand } from './whoami.subcommand.js';

/** Every `/liaison` subcommand. Add a feature's here, and its line to src/slack/help-entries.ts. */
export const LIAISON_SUBCOMMANDS: readonly Subcommand[] = [
  helpSubcommand,
  whoamiSubcommand,
  schedulesSubcommand,
  calendarSubcommand,
  awaySubcommand,
  backSubcommand,
  hoursSubcommand,
  ...NOTIFICATION_SUBCOMMANDS,
];

export function findSubcommand(name: string): Subcommand | undefined {
  return LIAISON_SUBCOMMANDS.find((subcommand) => subcommand.names.includes(name));
}
