import { auditSubcommand } from '../../slack/listeners/commands/liaison/audit.subcommand.js';
import { defineFeature } from '../feature.types.js';

/** The audit log, for admins. */
export const auditFeature = defineFeature({
  name: 'audit',
  subcommands: [auditSubcommand],
  help: [{ key: 'audit.help', adminOnly: true }],
});
