import { exportSubcommand } from '../../slack/listeners/commands/liaison/export.subcommand.js';
import { defineFeature } from '../feature.types.js';

/** `/liaison export`: a person's own data, or the workspace's for admins. */
export const exportFeature = defineFeature({
  name: 'export',
  summary: 'export.about',
  subcommands: [exportSubcommand],
  help: [{ key: 'export.help.me' }, { key: 'export.help.workspace', adminOnly: true }],
});
