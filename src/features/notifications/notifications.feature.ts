import { deliveriesExportSection } from '../../modules/delivery/delivery.export.prisma-repository.js';
import {
  notificationMutesExportSection,
  notificationSnoozesExportSection,
} from '../../modules/notifications/notifications.export.prisma-repository.js';
import { NOTIFICATION_ACTIONS } from '../../slack/ids.js';
import {
  muteNotificationButton,
  snoozeNotificationButton,
} from '../../slack/listeners/actions/notifications.actions.js';
import { NOTIFICATION_SUBCOMMANDS } from '../../slack/listeners/commands/liaison/notifications.subcommand.js';
import { defineFeature, onAction } from '../feature.types.js';

/** The notification budget: quiet hours, daily limit, mutes and snoozes, and their buttons. */
export const notificationsFeature = defineFeature({
  name: 'notifications',
  summary: 'notifications.about',
  exportSections: ({ db }) => [
    notificationMutesExportSection(db.prisma),
    notificationSnoozesExportSection(db.prisma),
    deliveriesExportSection(db.prisma),
  ],
  subcommands: NOTIFICATION_SUBCOMMANDS,
  listeners: [
    onAction(NOTIFICATION_ACTIONS.snoozeHour, snoozeNotificationButton),
    onAction(NOTIFICATION_ACTIONS.muteKind, muteNotificationButton),
  ],
  help: [
    { key: 'notifications.help.show' },
    { key: 'notifications.help.quiet' },
    { key: 'notifications.help.mute' },
    { key: 'notifications.help.snooze' },
  ],
});
