// Public API of the console renderer: Slack surfaces in, printable text and numbered
// controls out. Pure; the terminal wiring lives elsewhere.
export type { Styler } from './ansi.js';
export { createStyler } from './ansi.js';
export { consoleWords } from './console-words.js';
export type {
  Control,
  ControlElement,
  ControlField,
  ControlKind,
  ControlOption,
  FieldValue,
  FieldValues,
} from './control.types.js';
export { currentFieldValue, getFieldValue, setFieldValue } from './field-values.js';
export { renderMessage } from './message.js';
export { mrkdwnToText, unescapeEntities } from './mrkdwn.js';
export type {
  ConsoleMessage,
  DirectoryEntry,
  RenderContext,
  RenderedSurface,
  ViewRenderOptions,
} from './render.types.js';
export { richTextToLines } from './rich-text.js';
export { charWidth, displayWidth, stripAnsi } from './text-width.js';
export { renderView } from './view.js';
export { wrapText } from './wrap.js';
