import { zonedActor } from '../../../request-actor.js';
import { notificationDoneMessage } from '../../../views/notifications.view.js';
import type { Subcommand } from './subcommand.types.js';

/** `/liaison unmute <kind>`. */
export const unmuteSubcommand: Subcommand = {
  names: ['unmute'],
  async run({ deps, actor, parsed, reply }) {
    const { kind, wasMuted } = await deps.notifications.settings.unmute(
      zonedActor(actor),
      parsed.args.trim(),
    );
    const key = wasMuted ? 'notifications.done.unmuted' : 'notifications.done.notMuted';
    await reply(notificationDoneMessage(actor.t(key, { kind })));
  },
};
