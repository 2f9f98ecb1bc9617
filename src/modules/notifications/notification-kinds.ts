/**
 * Kinds of notification people can mute, one line per kind. A feature that notifies adds
 * its kind here (and its label in src/i18n/notifications.*.ts) when it lands.
 */
export const NOTIFICATION_KINDS = [
  'checkin.prompt',
  'checkin.reminder',
  'meeting.reminder',
  'escalation.update',
  // Action items (src/jobs/action-item-reminders.job.ts): the day before, and when overdue.
  'action_item.reminder',
  'action_item.overdue',
  'kpi.alert',
  'kpi.digest',
  // Someone in your department was deactivated in Slack (src/modules/directory).
  'directory.deactivated',
  // To admins: a calendar in use is running out of holiday data (src/jobs/calendar-coverage.job.ts).
  'calendar.coverage',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The "while you were away" message itself: never capped, muted or held again. */
export const DIGEST_KIND = 'notifications.digest';

export function isKnownKind(kind: string): kind is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(kind);
}
