import type { MessageKey } from '../../i18n/catalog.js';
import type { Styler } from './ansi.js';
import { consoleWords } from './console-words.js';
import type { Control, FieldValue } from './control.types.js';
import type { RenderContext } from './render.types.js';

// How one control looks on screen. The number comes first so the user can read it off
// and type it; the way a value is shown mirrors what Slack's widget would display.

const FIELD_INDENT = '    ';

/** The inline label of a button-like control, e.g. `[1] Approve`. */
export function buttonLabel(control: Control, style: Styler): string {
  const text = `[${control.index}] ${control.label}`;
  const styled =
    control.style === 'primary'
      ? style.primary(text)
      : control.style === 'danger'
        ? style.danger(text)
        : text;
  return control.url === undefined ? styled : `${styled} (${control.url})`;
}

function selectedOf(value: FieldValue | undefined): string[] {
  return value?.kind === 'selection' ? value.selected : [];
}

const MULTI_KINDS: ReadonlySet<string> = new Set([
  'checkboxes',
  'multi_static_select',
  'multi_users_select',
  'multi_conversations_select',
  'multi_channels_select',
  'multi_external_select',
]);

const ID_PREFIX: Partial<Record<Control['kind'], string>> = {
  users_select: '@',
  multi_users_select: '@',
  conversations_select: '#',
  multi_conversations_select: '#',
  channels_select: '#',
  multi_channels_select: '#',
};

function choiceLines(
  control: Control,
  value: FieldValue | undefined,
  ctx: RenderContext,
  style: Styler,
): string[] {
  const selected = selectedOf(value);
  const multi = MULTI_KINDS.has(control.kind);
  const lines = control.options.map((option) => {
    const on = selected.includes(option.value);
    const marker = multi ? (on ? '[x]' : '[ ]') : on ? '(•)' : '( )';
    const description = option.description === undefined ? '' : style.dim(` — ${option.description}`);
    return `${FIELD_INDENT}${marker} ${option.number}. ${option.label}${description}`;
  });
  // Ids outside the listed choices (an initial_user not in the demo directory) still show.
  const known = new Set(control.options.map((option) => option.value));
  const prefix = ID_PREFIX[control.kind] ?? '';
  const resolve = (id: string) =>
    prefix === '@' ? (ctx.resolveUser?.(id) ?? id) : prefix === '#' ? (ctx.resolveChannel?.(id) ?? id) : id;
  const extra = selected.filter((id) => !known.has(id)).map((id) => `${prefix}${resolve(id)}`);
  if (extra.length > 0) lines.push(`${FIELD_INDENT}> ${extra.join(', ')}`);
  if (lines.length === 0)
    lines.push(`${FIELD_INDENT}${style.dim(consoleWords(ctx)('console.render.nothingSelected'))}`);
  return lines;
}

const EMPTY_HINT: Partial<Record<Control['kind'], MessageKey>> = {
  datepicker: 'console.render.hints.date',
  timepicker: 'console.render.hints.time',
  datetimepicker: 'console.render.hints.dateTime',
  number_input: 'console.render.hints.number',
  email_text_input: 'console.render.hints.email',
  url_text_input: 'console.render.hints.url',
};

function formatEpoch(epochSeconds: number): string {
  return `${new Date(epochSeconds * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function valueText(value: FieldValue | undefined): string | undefined {
  switch (value?.kind) {
    case 'text':
      return value.text === '' ? undefined : value.text;
    case 'date':
      return value.date ?? undefined;
    case 'time':
      return value.time ?? undefined;
    case 'datetime':
      return value.epochSeconds === null ? undefined : formatEpoch(value.epochSeconds);
    default:
      return undefined;
  }
}

function entryLines(
  control: Control,
  value: FieldValue | undefined,
  ctx: RenderContext,
  style: Styler,
): string[] {
  const t = consoleWords(ctx);
  if (control.kind === 'file_input')
    return [`${FIELD_INDENT}${style.dim(t('console.render.fileInputUnavailable'))}`];
  const text = valueText(value);
  if (text !== undefined) return text.split('\n').map((line) => `${FIELD_INDENT}> ${line}`);
  const element = control.element;
  const placeholder = 'placeholder' in element ? element.placeholder?.text : undefined;
  const hint = EMPTY_HINT[control.kind];
  const empty = placeholder ?? t(hint ?? 'console.render.empty');
  return [`${FIELD_INDENT}> ${style.dim(empty)}`];
}

/** The lines under a control's heading that show its value or choices. */
export function valueLines(
  control: Control,
  value: FieldValue | undefined,
  ctx: RenderContext,
  style: Styler,
): string[] {
  switch (control.kind) {
    case 'button':
    case 'workflow_button':
      return [];
    case 'overflow':
      // Overflow items are pressed directly, so they show the exact `press N.M` to type.
      return control.options.map(
        (option) => `${FIELD_INDENT}[${control.index}.${option.number}] ${option.label}`,
      );
    case 'static_select':
    case 'multi_static_select':
    case 'external_select':
    case 'multi_external_select':
    case 'users_select':
    case 'multi_users_select':
    case 'conversations_select':
    case 'multi_conversations_select':
    case 'channels_select':
    case 'multi_channels_select':
    case 'radio_buttons':
    case 'checkboxes':
      return choiceLines(control, value, ctx, style);
    default:
      return entryLines(control, value, ctx, style);
  }
}
