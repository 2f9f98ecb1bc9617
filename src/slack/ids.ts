/**
 * Every identifier Slack sends back to us, in one place. A test keeps manifest.yml in
 * agreement with these (commands and events) so a listener is never registered for
 * something the app cannot receive, and nothing is declared that no listener handles.
 */
export const COMMANDS = {
  liaison: '/liaison',
  escalate: '/escalate',
} as const;

/** Events API subscriptions (bot events). */
export const EVENTS = {
  appHomeOpened: 'app_home_opened',
  userChange: 'user_change',
  teamJoin: 'team_join',
  /** Liaison removed from a workspace (or org): revoke, pause its schedules. */
  appUninstalled: 'app_uninstalled',
  /** Tokens revoked; only bot tokens matter (same effect as an uninstall). */
  tokensRevoked: 'tokens_revoked',
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
  home: {
    header: 'home.header',
    intro: 'home.intro',
    departments: 'home.departments',
    roles: 'home.roles',
    actionItems: 'home.action_items',
    checkIns: 'home.check_ins',
    escalations: 'home.escalations',
    kpiHealth: 'home.kpi_health',
    admin: 'home.admin',
    help: 'home.help',
  },
  error: { message: 'error.message' },
} as const;

/** Department modals (callback_id), from `/liaison departments manage|import`. */
export const DEPARTMENT_VIEWS = {
  manage: 'departments.manage',
  import: 'departments.import',
} as const;

/**
 * The department modals' input blocks (block_id, also the key of a field error). The element
 * inside each is `DEPARTMENT_FIELD_ACTION`.
 */
export const DEPARTMENT_FIELDS = {
  key: 'departments.key',
  nameEn: 'departments.name_en',
  nameZh: 'departments.name_zh',
  description: 'departments.description',
  channel: 'departments.channel',
  leads: 'departments.leads',
  heads: 'departments.heads',
  executives: 'departments.executives',
  members: 'departments.members',
  archived: 'departments.archived',
  csv: 'departments.csv',
} as const;
export const DEPARTMENT_FIELD_ACTION = 'value';

/** Buttons on any notification (src/slack/views/notifications-controls.view.ts). */
export const NOTIFICATION_ACTIONS = {
  snoozeHour: 'notifications.snooze_hour',
  muteKind: 'notifications.mute_kind',
} as const;

/**
 * Buttons on action-item reminders and `/liaison actions` (src/slack/views/action-items.view.ts).
 * Done and Cancel carry the item id; Re-date is an overflow whose options carry the id and
 * a number of working days.
 */
export const ACTION_ITEM_ACTIONS = {
  done: 'action_items.done',
  cancel: 'action_items.cancel',
  redate: 'action_items.redate',
} as const;
