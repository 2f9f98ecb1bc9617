/**
 * Every identifier Slack sends back to us, in one place. A test keeps manifest.yml in
 * agreement with these (commands and events) so a listener is never registered for
 * something the app cannot receive, and nothing is declared that no listener handles.
 */
export const COMMANDS = {
  liaison: '/liaison',
  escalate: '/escalate',
  okr: '/okr',
  kpi: '/kpi',
  /** Joint meetings (src/features/meetings). */
  meeting: '/meeting',
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
  /** A message in a DM with Liaison (Bolt's `message` event); a CSV file shared there is imported as KPI values. */
  messageIm: 'message.im',
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
    escalations: 'home.escalations',
    /** Admins only: calendars in use running out of holiday data. */
    holidayData: 'home.holiday_data',
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
  language: 'departments.language',
  leads: 'departments.leads',
  heads: 'departments.heads',
  executives: 'departments.executives',
  members: 'departments.members',
  archived: 'departments.archived',
  csv: 'departments.csv',
} as const;
export const DEPARTMENT_FIELD_ACTION = 'value';

/**
 * Adding a year by pasting the State Council's notice (`/liaison calendar notice`): the paste
 * form, then its preview, whose submit stores the dates. The preview carries what was read in
 * private_metadata; both are checked again on submit.
 */
export const CALENDAR_VIEWS = {
  notice: 'calendar.notice',
  noticePreview: 'calendar.notice_preview',
} as const;

/** The paste form's text box (block_id; element `DEPARTMENT_FIELD_ACTION`). */
export const CALENDAR_FIELDS = {
  noticeText: 'calendar.notice_text',
} as const;

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

/** Message shortcuts (manifest `features.shortcuts`, type message). */
export const SHORTCUTS = {
  escalateThis: 'escalations.escalate_this',
} as const;

/** The raise modal (callback_id), from `/escalate` or the "Escalate this" shortcut. */
export const ESCALATION_RAISE_VIEW = 'escalations.raise';

/**
 * The raise modal's input blocks (block_id, also the key of a field error). The element inside
 * each is `DEPARTMENT_FIELD_ACTION` ('value'), which readViewState reads.
 */
export const ESCALATION_RAISE_FIELDS = {
  title: 'escalations.raise.title',
  blocked: 'escalations.raise.blocked',
  raiserDepartment: 'escalations.raise.raiser_department',
  counterparts: 'escalations.raise.counterparts',
  impact: 'escalations.raise.impact',
  decisionNeeded: 'escalations.raise.decision_needed',
  options: 'escalations.raise.options',
  severity: 'escalations.raise.severity',
  wantedBy: 'escalations.raise.wanted_by',
} as const;

/**
 * Buttons on an escalation's card in department channels and on the DMs asking someone to act
 * (src/slack/views/escalation-card.view.ts). Each carries the escalation number as its value.
 */
export const ESCALATION_ACTIONS = {
  acknowledge: 'escalations.acknowledge',
  propose: 'escalations.propose',
  accept: 'escalations.accept',
  reject: 'escalations.reject',
  escalate: 'escalations.escalate',
  reassign: 'escalations.reassign',
  resolve: 'escalations.resolve',
  reopen: 'escalations.reopen',
  markForMeeting: 'escalations.mark_for_meeting',
} as const;

/** The modals those buttons open (callback_id); private_metadata is `{"n": <escalation number>}`. */
export const ESCALATION_STEP_VIEWS = {
  propose: 'escalations.step.propose',
  reject: 'escalations.step.reject',
  escalate: 'escalations.step.escalate',
  reassign: 'escalations.step.reassign',
  resolve: 'escalations.step.resolve',
  reopen: 'escalations.step.reopen',
} as const;

/**
 * The step modals' input blocks (element `DEPARTMENT_FIELD_ACTION`). Action item rows are
 * `${itemTitle}${n}`, `${itemOwner}${n}`, `${itemDue}${n}` for n = 1…3.
 */
export const ESCALATION_STEP_FIELDS = {
  proposal: 'escalations.step.proposal',
  reason: 'escalations.step.reason',
  assignee: 'escalations.step.assignee',
  decision: 'escalations.step.decision',
  options: 'escalations.step.options',
  itemTitle: 'escalations.step.item_title_',
  itemOwner: 'escalations.step.item_owner_',
  itemDue: 'escalations.step.item_due_',
} as const;
