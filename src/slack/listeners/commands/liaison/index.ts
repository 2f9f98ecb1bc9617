import { actionsSubcommand } from './actions.subcommand.js';
import { adminsSubcommand } from './admins.subcommand.js';
import { auditSubcommand } from './audit.subcommand.js';
import { awaySubcommand } from './away.subcommand.js';
import { backSubcommand } from './back.subcommand.js';
import { calendarSubcommand } from './calendar.subcommand.js';
import { departmentsSubcommand } from './departments.subcommand.js';
import { exportSubcommand } from './export.subcommand.js';
import { helpSubcommand } from './help.subcommand.js';
import { hoursSubcommand } from './hours.subcommand.js';
import { NOTIFICATION_SUBCOMMANDS } from './notifications.subcommand.js';
import { schedulesSubcommand } from './schedules.subcommand.js';
import { setupSubcommand } from './setup.subcommand.js';
import type { Subcommand } from './subcommand.js';
import { syncSubcommand } from './sync.subcommand.js';
import { whoamiSubcommand } from './whoami.subcommand.js';

/** Every `/liaison` subcommand. Add a feature's here, and its line to src/slack/help-entries.ts. */
export const LIAISON_SUBCOMMANDS: readonly Subcommand[] = [
  helpSubcommand,
  whoamiSubcommand,
  departmentsSubcommand,
  setupSubcommand,
  adminsSubcommand,
  auditSubcommand,
  schedulesSubcommand,
  calendarSubcommand,
  awaySubcommand,
  backSubcommand,
  hoursSubcommand,
  ...NOTIFICATION_SUBCOMMANDS,
  exportSubcommand,
  syncSubcommand,
  actionsSubcommand,
];

export function findSubcommand(name: string): Subcommand | undefined {
  return LIAISON_SUBCOMMANDS.find((subcommand) => subcommand.names.includes(name));
}
