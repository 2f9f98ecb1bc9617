// Public API of console input: typed lines in, Slack interaction payload pieces out. Pure.
export type { BuildActionOptions, BuiltAction } from './build-action.js';
export { buildActionFromControl } from './build-action.js';
export { buildViewStateValues } from './build-view-state.js';
export type {
  ConsoleInput,
  ConsoleInputError,
  ConsoleInputErrorCode,
  ConsoleResult,
  ControlCommand,
} from './console-input.types.js';
export type { ConsoleLocale } from './help-text.js';
export { consoleHelpText } from './help-text.js';
export { parseConsoleInput } from './parse-input.js';
export { parseSlackDate, parseSlackDateTime, parseSlackTime } from './pickers.js';
export { findControl, resolveControlInput } from './resolve-control-input.js';
export type {
  SelectedOption,
  SlackBlockAction,
  SlackStateValue,
  SlackViewStateValues,
} from './slack-payload.types.js';
export { validateSubmission } from './validate-submission.js';
