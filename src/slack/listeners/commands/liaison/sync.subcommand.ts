import { DomainError } from '../../../../modules/shared/domain-error.types.js';
import { syncStartedMessage, syncStatusMessage } from '../../../views/directory.view.js';
import type { Subcommand } from './subcommand.types.js';

/**
 * `/liaison sync` (admins): reads the Slack directory now, answering at once while the
 * pages are read in the background; the admin gets a DM with the summary at the end.
 * `/liaison sync status`: the last run.
 */
export const syncSubcommand: Subcommand = {
  names: ['sync'],
  async run({ deps, actor, parsed, reply }) {
    await deps.authorization.require(actor.subject, 'directory.sync');
    const { timeZone } = actor;
    const argument = parsed.args.trim().toLowerCase();
    if (argument === 'status') {
      await reply(
        syncStatusMessage(actor.t, await deps.directory.service.lastRun(actor.workspace.id), timeZone),
      );
      return;
    }
    if (argument !== '') {
      throw new DomainError(
        'directory.sync_usage',
        { key: 'directory.sync.usage' },
        { detail: `user ${actor.person.slackUserId} typed "sync ${parsed.args}"` },
      );
    }
    const outcome = await deps.directory.runner.start({
      workspaceId: actor.workspace.id,
      startedBySlackId: actor.person.slackUserId,
    });
    await reply(syncStartedMessage(actor.t, outcome, timeZone));
  },
};
