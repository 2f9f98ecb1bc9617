/**
 * Every identifier Slack sends back to us, in one place. A test keeps manifest.yml in
 * agreement with these (commands and events) so a listener is never registered for
 * something the app cannot receive, and nothing is declared that no listener handles.
 */
export const COMMANDS = {
  liaison: '/liaison',
} as const;

/** Events API subscriptions (bot events). */
export const EVENTS = {
  appHomeOpened: 'app_home_opened',
  userChange: 'user_change',
} as const;

export const BLOCKS = {
  help: {
    header: 'help.header',
    intro: 'help.intro',
    commands: 'help.commands',
    language: 'help.language',
    llm: 'help.llm',
  },
  whoami: {
    header: 'whoami.header',
    identity: 'whoami.identity',
    departments: 'whoami.departments',
    settings: 'whoami.settings',
    workspace: 'whoami.workspace',
  },
  home: { header: 'home.header', intro: 'home.intro', departments: 'home.departments', help: 'home.help' },
  error: { message: 'error.message' },
} as const;

/** Buttons on any notification (src/slack/views/notifications-controls.view.ts). */
export const NOTIFICATION_ACTIONS = {
  snoozeHour: 'notifications.snooze_hour',
  muteKind: 'notifications.mute_kind',
} as const;
