import { rolesOf } from '../../../../modules/access/access.rules.js';
import { whoamiMessage } from '../../../views/whoami.view.js';
import type { Subcommand } from './subcommand.types.js';

export const whoamiSubcommand: Subcommand = {
  names: ['whoami', 'me'],
  async run({ deps, actor, reply }) {
    const memberships = await deps.people.membershipsOf(actor.person.id);
    const roles = rolesOf(actor.subject);
    await reply(whoamiMessage(actor.t, { ...actor, memberships, roles }));
  },
};
