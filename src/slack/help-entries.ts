import type { MessageKey } from '../i18n/catalog.js';

/**
 * What `/liaison help` lists: every command that works, one line each, in the reader's
 * language. A feature adds its lines when it lands — never before.
 */
export interface HelpEntry {
  /** The message key of the line (usage and what it does). */
  key: MessageKey;
  /** Shown only to workspace admins. */
  adminOnly?: boolean;
}

export const HELP_ENTRIES: readonly HelpEntry[] = [
  { key: 'help.commandHelp' },
  { key: 'help.commandWhoami' },
  { key: 'departments.help.list' },
  { key: 'departments.help.manage' },
  { key: 'departments.help.all', adminOnly: true },
  { key: 'departments.help.import', adminOnly: true },
  { key: 'departments.help.quick', adminOnly: true },
  { key: 'departments.help.setup', adminOnly: true },
  { key: 'admins.help.list' },
  { key: 'admins.help.manage', adminOnly: true },
  { key: 'audit.help', adminOnly: true },
  { key: 'scheduling.help.commandSchedules', adminOnly: true },
  { key: 'directory.help.sync', adminOnly: true },
  { key: 'calendar.help.away' },
  { key: 'calendar.help.back' },
  { key: 'calendar.help.hours' },
  { key: 'calendar.help.calendar' },
  { key: 'calendar.help.use' },
  { key: 'calendar.help.add', adminOnly: true },
  { key: 'calendar.help.remove', adminOnly: true },
  { key: 'calendar.help.default', adminOnly: true },
  { key: 'calendar.help.department', adminOnly: true },
  { key: 'calendar.help.list', adminOnly: true },
  { key: 'calendar.help.notice', adminOnly: true },
  { key: 'notifications.help.show' },
  { key: 'notifications.help.quiet' },
  { key: 'notifications.help.mute' },
  { key: 'notifications.help.snooze' },
  { key: 'actionItems.help' },
  { key: 'escalationRaise.help.raise' },
  { key: 'escalations.help.list' },
  { key: 'escalations.help.search' },
  { key: 'escalationReport.help' },
  { key: 'export.help.me' },
  { key: 'export.help.workspace', adminOnly: true },
];
