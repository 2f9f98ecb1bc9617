import { formatSoon } from '../../../../i18n/format.js';
import { zonedActor } from '../../../request-actor.js';
import { notificationDoneMessage } from '../../../views/notifications.view.js';
import type { Subcommand } from './subcommand.types.js';

/** `/liaison snooze 30m | 2h | until 14:00 | until 2026-12-01 09:00`: every notification waits. */
export const snoozeSubcommand: Subcommand = {
  names: ['snooze'],
  async run({ deps, actor, parsed, reply }) {
    const who = zonedActor(actor);
    const until = await deps.notifications.settings.snoozeAll(who, parsed.args);
    const shown = formatSoon(until, deps.clock.now(), actor.locale, who.timeZone);
    await reply(notificationDoneMessage(actor.t('notifications.done.snoozed', { until: shown })));
  },
};
