import { adminsSubcommand } from '../../slack/listeners/commands/liaison/admins.subcommand.js';
import { defineFeature } from '../feature.types.js';

/** Liaison admins: who they are and why; granting and taking back. */
export const adminsFeature = defineFeature({
  name: 'admins',
  subcommands: [adminsSubcommand],
  help: [{ key: 'admins.help.list' }, { key: 'admins.help.manage', adminOnly: true }],
});
