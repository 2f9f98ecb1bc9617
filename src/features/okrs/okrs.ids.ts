import { COMMANDS } from '../../slack/ids.js';

/** The ids Slack sends back for OKRs: the command, modals, buttons and the blocks tests read. */
export const OKR_COMMAND = COMMANDS.okr;

export const OKR_VIEWS = {
  newObjective: 'okr.create_objective',
  newKeyResult: 'okr.add_key_result',
  checkIn: 'okr.check_in',
  import: 'okr.import',
  importSummary: 'okr.import_summary',
  importRejected: 'okr.import_rejected',
} as const;

export const OKR_ACTIONS = {
  openCheckIn: 'okr.open_check_in',
  escalateBlocker: 'okr.escalate_blocker',
} as const;

/** Modal input blocks (their one element's action id is `value`, as readViewState expects). */
export const OKR_FIELDS = {
  title: 'okr_title',
  level: 'okr_level',
  parent: 'okr_parent',
  krTitle: 'okr_kr_title',
  kind: 'okr_kind',
  start: 'okr_start',
  target: 'okr_target',
  unit: 'okr_unit',
  owner: 'okr_owner',
  kpi: 'okr_kpi',
  csv: 'okr_csv',
  /** Check-in fields, one set per key result: `${prefix}${keyResultId}`. */
  valuePrefix: 'okr_value.',
  donePrefix: 'okr_done.',
  confidencePrefix: 'okr_conf.',
  commentPrefix: 'okr_comment.',
  blockersPrefix: 'okr_blockers.',
} as const;

export const OKR_BLOCKS = {
  list: 'okr.list',
  show: 'okr.show',
  showKeyResults: 'okr.show_key_results',
  showChildren: 'okr.show_children',
  prompt: 'okr.prompt',
  promptActions: 'okr.prompt_actions',
  saved: 'okr.saved',
  blockerPrefix: 'okr.blocker.',
  wrapUp: 'okr.wrap_up',
  wrapUpAnswered: 'okr.wrap_up_answered',
  wrapUpBlockers: 'okr.wrap_up_blockers',
  alert: 'okr.alert',
  review: 'okr.review',
  reviewNarrative: 'okr.review.narrative',
  settings: 'okr.settings',
  import: 'okr.import',
  importSummary: 'okr.import_summary',
  importRejected: 'okr.import_rejected',
} as const;
