import { zonedActor } from '../../../request-actor.js';
import { notificationDoneMessage } from '../../../views/notifications.view.js';
import type { Subcommand } from './subcommand.types.js';

/** `/liaison mute <kind>`; unknown kinds are refused with the list of known ones. */
export const muteSubcommand: Subcommand = {
  names: ['mute'],
  async run({ deps, actor, parsed, reply }) {
    const kind = await deps.notifications.settings.mute(zonedActor(actor), parsed.args.trim());
    await reply(notificationDoneMessage(actor.t('notifications.done.muted', { kind })));
  },
};
