import { DomainError } from '../../../../modules/shared/domain-error.types.js';
import { setupDemoMessage } from '../../../views/departments.view.js';
import type { Subcommand } from './subcommand.types.js';

/** `/liaison setup demo`: the 12 departments of the brief in this workspace, idempotently. */
export const setupSubcommand: Subcommand = {
  names: ['setup'],
  async run({ deps, actor, parsed, reply }) {
    if (parsed.args.trim().toLowerCase() !== 'demo')
      throw new DomainError(
        'setup.usage',
        { key: 'departments.setup.usage' },
        { detail: `/liaison setup ${parsed.args.slice(0, 200)}` },
      );
    const result = await deps.departments.setupDemo(actor.subject);
    await reply(setupDemoMessage(actor.t, actor.locale, result));
  },
};
