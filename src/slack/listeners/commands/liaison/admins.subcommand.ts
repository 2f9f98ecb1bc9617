import { DomainError } from '../../../../modules/shared/domain-error.types.js';
import { parseUserReference } from '../../../parsers/user-reference.parser.js';
import { slackPeopleDirectory } from '../../../people-directory.js';
import { adminsListMessage, adminsResultMessage } from '../../../views/admins.view.js';
import type { Subcommand } from './subcommand.types.js';

function usage(text: string): DomainError {
  return new DomainError(
    'admins.usage',
    { key: 'admins.errors.usage' },
    { detail: `/liaison admins ${text.slice(0, 200)}` },
  );
}

/** `/liaison admins [add|remove @person]`: who the admins are; admins grant and take back. */
export const adminsSubcommand: Subcommand = {
  names: ['admins', 'admin'],
  async run({ deps, actor, parsed, args, reply }) {
    const text = parsed.args.trim();
    const [verb = '', ...rest] = text.split(/\s+/);
    const action = verb.toLowerCase();
    if (action === '') {
      await reply(adminsListMessage(actor.t, await deps.admins.list(actor.subject)));
      return;
    }
    if (action !== 'add' && action !== 'remove') throw usage(text);
    const target = parseUserReference(rest.join(' '));
    if (!target) throw usage(text);
    if (action === 'add') {
      const { person, changed } = await deps.admins.grant(
        actor.subject,
        target,
        slackPeopleDirectory(args.client),
      );
      const key = changed ? 'admins.granted' : 'admins.alreadyAdmin';
      await reply(adminsResultMessage(actor.t(key, { user: person.slackUserId })));
      return;
    }
    const { person, changed } = await deps.admins.revoke(actor.subject, target);
    const key = changed ? 'admins.revoked' : 'admins.notAdmin';
    await reply(adminsResultMessage(actor.t(key, { user: person.slackUserId })));
  },
};
