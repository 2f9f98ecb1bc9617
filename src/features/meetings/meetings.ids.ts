/** Ids of the joint-meetings feature: Slack sends these back (see docs/ARCHITECTURE.md). */

/** `/meeting new`'s modal (private_metadata: `{"c": channel id}`). */
export const MEETING_NEW_VIEW = 'meetings.create';
/** The agenda-item modal (private_metadata: `{"m": meeting id}` to add, `{"i": item id}` to edit). */
export const AGENDA_ITEM_VIEW = 'meetings.save_item';
/** The record-decision modal (private_metadata: `{"i": agenda item id}`). */
export const OUTCOME_VIEW = 'meetings.record_outcome';

export const MEETING_ACTIONS = {
  /** On the collection DM; value: the meeting id. */
  addItem: 'meetings.add_item',
  /** On the item's confirmation; value: the item id. */
  editItem: 'meetings.edit_item',
  withdrawItem: 'meetings.withdraw_item',
  /** On an agenda item; value: the item id. */
  recordOutcome: 'meetings.open_outcome',
  /** On the agenda: free-form notes → proposals, as `/meeting notes MTG-n`; value: the series number. */
  openNotes: 'meetings.open_notes',
} as const;

export const MEETING_NEW_FIELDS = {
  title: 'meetings.new.title',
  departments: 'meetings.new.departments',
  recurrence: 'meetings.new.recurrence',
  weekday: 'meetings.new.weekday',
  interval: 'meetings.new.interval',
  monthDay: 'meetings.new.month_day',
  nth: 'meetings.new.nth',
  time: 'meetings.new.time',
  timeZone: 'meetings.new.time_zone',
  duration: 'meetings.new.duration',
  channel: 'meetings.new.channel',
  facilitator: 'meetings.new.facilitator',
  opens: 'meetings.new.opens',
  closes: 'meetings.new.closes',
  holiday: 'meetings.new.holiday',
} as const;

export const AGENDA_ITEM_FIELDS = {
  title: 'meetings.item.title',
  description: 'meetings.item.description',
  department: 'meetings.item.department',
  urgency: 'meetings.item.urgency',
  link: 'meetings.item.link',
} as const;

/** Action item rows are `${actionTitle}${n}` … for n = 1…3. */
export const OUTCOME_FIELDS = {
  decision: 'meetings.outcome.decision',
  decidedBy: 'meetings.outcome.decided_by',
  actionTitle: 'meetings.outcome.action_title_',
  actionOwner: 'meetings.outcome.action_owner_',
  actionDue: 'meetings.outcome.action_due_',
  actionDays: 'meetings.outcome.action_days_',
} as const;
export const OUTCOME_ROWS = 3;

/** The element inside every input block (Slack wants one; the block id names the field). */
/** The same id as every modal's (`DEPARTMENT_FIELD_ACTION`): the shared view-state parser reads it. */
export const FIELD_ACTION = 'value';

export const MEETING_BLOCKS = {
  agendaHeader: 'meetings.agenda.header',
  preRead: 'meetings.agenda.pre_read',
  preReadBy: 'meetings.agenda.pre_read_by',
  followUps: 'meetings.agenda.follow_ups',
  notes: 'meetings.agenda.notes',
  itemPrefix: 'meetings.agenda.item.',
  ask: 'meetings.ask',
  itemSaved: 'meetings.item_saved',
  minutes: 'meetings.minutes',
} as const;
