import { auditExportSection } from '../../modules/audit/audit.export.prisma-repository.js';
import { auditSubcommand } from '../../slack/listeners/commands/liaison/audit.subcommand.js';
import { defineFeature } from '../feature.types.js';

/** The audit log, for admins. */
export const auditFeature = defineFeature({
  name: 'audit',
  exportSections: ({ db }) => [auditExportSection(db.prisma)],
  subcommands: [auditSubcommand],
  help: [{ key: 'audit.help', adminOnly: true }],
});
