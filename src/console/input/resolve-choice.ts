import type { Control, ControlKind, ControlOption } from '../render/index.js';
import { CHOICE_KINDS, fail, MULTI_KINDS, ok, type Resolved, SETTABLE_KINDS } from './control-kinds.js';

// Raw Slack ids are accepted even when the demo directory does not list them.
const RAW_ID: Partial<Record<ControlKind, RegExp>> = {
  users_select: /^[UW][A-Z0-9]{2,}$/,
  multi_users_select: /^[UW][A-Z0-9]{2,}$/,
  conversations_select: /^[CGD][A-Z0-9]{2,}$/,
  multi_conversations_select: /^[CGD][A-Z0-9]{2,}$/,
  channels_select: /^C[A-Z0-9]{2,}$/,
  multi_channels_select: /^C[A-Z0-9]{2,}$/,
};

function describeChoices(control: Control): string {
  if (control.options.length === 0) return 'there are no listed choices';
  return `choose 1-${control.options.length} or one of: ${control.options.map((option) => option.label).join(', ')}`;
}

function findOption(control: Control, choice: string): ControlOption | string | undefined {
  if (/^\d+$/.test(choice)) {
    const byNumber = control.options.find((option) => option.number === Number(choice));
    if (byNumber !== undefined) return byNumber;
  }
  const byValue = control.options.find((option) => option.value === choice);
  if (byValue !== undefined) return byValue;
  const name = choice.replace(/^[@#]/, '').toLowerCase();
  const byLabel = control.options.find((option) => option.label.toLowerCase() === name);
  if (byLabel !== undefined) return byLabel;
  return RAW_ID[control.kind]?.test(choice) ? choice : undefined;
}

/** `choose N …`: option numbers, values, labels or raw ids → a selection. */
export function resolveChoose(control: Control, choices: readonly string[]): Resolved {
  if (control.kind === 'external_select' || control.kind === 'multi_external_select') {
    // Their options come from the app's block_suggestion handler, which this path cannot call.
    return fail(
      control,
      'unsupported',
      `[${control.index}] ${control.label} loads options from the app; not available in the console.`,
    );
  }
  if (!CHOICE_KINDS.has(control.kind)) {
    const hint = SETTABLE_KINDS.has(control.kind) ? ` Use \`set ${control.index} <value>\`.` : '';
    return fail(
      control,
      'not-choosable',
      `[${control.index}] ${control.label} has no options to choose.${hint}`,
    );
  }
  const multi = MULTI_KINDS.has(control.kind);
  // Unticking every checkbox is a real Slack gesture; `none` is how to type it.
  if (multi && choices.length === 1 && choices[0]?.toLowerCase() === 'none') {
    return ok({ kind: 'selection', selected: [] });
  }
  if (!multi && choices.length > 1) {
    return fail(
      control,
      'too-many-choices',
      `[${control.index}] ${control.label} takes one choice, got ${choices.length}.`,
    );
  }
  const selected: string[] = [];
  for (const choice of choices) {
    const found = findOption(control, choice);
    if (found === undefined) {
      return fail(
        control,
        'no-such-option',
        `"${choice}" is not a choice of [${control.index}]: ${describeChoices(control)}.`,
      );
    }
    const value = typeof found === 'string' ? found : found.value;
    if (!selected.includes(value)) selected.push(value);
  }
  const element = control.element;
  const max = 'max_selected_items' in element ? element.max_selected_items : undefined;
  if (max !== undefined && selected.length > max) {
    return fail(
      control,
      'too-many-choices',
      `[${control.index}] ${control.label} allows at most ${max} choices.`,
    );
  }
  return ok({ kind: 'selection', selected });
}
