import { peopleExportSection } from '../../modules/people/people.export.prisma-repository.js';
import { workspaceExportSection } from '../../modules/workspaces/workspaces.export.prisma-repository.js';
import { COMMANDS } from '../../slack/ids.js';
import { helpSubcommand } from '../../slack/listeners/commands/liaison/help.subcommand.js';
import { whoamiSubcommand } from '../../slack/listeners/commands/liaison/whoami.subcommand.js';
import { liaisonCommand } from '../../slack/listeners/commands/liaison.command.js';
import { defineFeature, onCommand } from '../feature.types.js';

/**
 * `/liaison` itself (its subcommands come from every feature), `/liaison help` and
 * `/liaison whoami`: what Liaison does, and who you are to it.
 */
export const coreFeature = defineFeature({
  name: 'core',
  exportSections: ({ db }) => [workspaceExportSection(db.prisma), peopleExportSection(db.prisma)],
  listeners: [onCommand(COMMANDS.liaison, liaisonCommand)],
  subcommands: [helpSubcommand, whoamiSubcommand],
  help: [{ key: 'help.commandHelp' }, { key: 'help.commandWhoami' }],
});
