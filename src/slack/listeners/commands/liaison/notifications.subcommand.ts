import { notificationSettingsMessage } from '../../../views/notifications.view.js';
import { muteSubcommand } from './mute.subcommand.js';
import { quietSubcommand } from './quiet.subcommand.js';
import { snoozeSubcommand } from './snooze.subcommand.js';
import type { Subcommand } from './subcommand.types.js';
import { unmuteSubcommand } from './unmute.subcommand.js';

/** `/liaison notifications`: quiet hours, daily limit, mutes and snoozes. */
export const notificationsSubcommand: Subcommand = {
  names: ['notifications', 'notification'],
  async run({ deps, actor, reply }) {
    const settings = await deps.notifications.settings.settingsOf(actor.person.id);
    await reply(notificationSettingsMessage(actor.t, settings, deps.clock.now()));
  },
};

/** The notification budget's subcommands, registered together in index.ts. */
export const NOTIFICATION_SUBCOMMANDS: readonly Subcommand[] = [
  notificationsSubcommand,
  quietSubcommand,
  muteSubcommand,
  unmuteSubcommand,
  snoozeSubcommand,
];
