import { formatMinute } from '../../../../modules/notifications/notification-input.rules.js';
import { zonedActor } from '../../../request-actor.js';
import { escapeMrkdwn } from '../../../views/escape.js';
import { notificationDoneMessage } from '../../../views/notifications.view.js';
import type { Subcommand } from './subcommand.types.js';

/** `/liaison quiet 21:30-08:00` or `/liaison quiet off`. */
export const quietSubcommand: Subcommand = {
  names: ['quiet'],
  async run({ deps, actor, parsed, reply }) {
    const who = zonedActor(actor);
    const quiet = await deps.notifications.settings.setQuietHours(who, parsed.args);
    const text = quiet
      ? actor.t('notifications.done.quietSet', {
          start: formatMinute(quiet.startMinute),
          end: formatMinute(quiet.endMinute),
          timeZone: escapeMrkdwn(who.timeZone),
        })
      : actor.t('notifications.done.quietOff');
    await reply(notificationDoneMessage(text));
  },
};
