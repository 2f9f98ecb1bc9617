import {
  type Control,
  consoleWords,
  currentFieldValue,
  type FieldValue,
  type FieldValues,
} from '../render/index.js';

// Slack's client refuses to submit a modal with an empty required field or text shorter
// than min_length, and the app never hears about it. The console must refuse the same
// way, or handlers would see submissions real users cannot produce.

function isEmpty(value: FieldValue | undefined): boolean {
  switch (value?.kind) {
    case undefined:
      return true;
    case 'text':
      return value.text.trim() === '';
    case 'date':
      return value.date === null;
    case 'time':
      return value.time === null;
    case 'datetime':
      return value.epochSeconds === null;
    case 'selection':
      return value.selected.length === 0;
  }
}

/**
 * Client-side errors by block_id, in Slack's wording and the person's language (`locale`,
 * English by default); empty when the modal may be submitted.
 */
export function validateSubmission(
  controls: readonly Control[],
  values: FieldValues,
  locale?: string,
): Record<string, string> {
  const t = consoleWords({ locale });
  const errors: Record<string, string> = {};
  for (const control of controls) {
    if (control.field === undefined) continue;
    const value = currentFieldValue(values, control);
    if (isEmpty(value)) {
      if (!control.field.optional) errors[control.blockId] = t('console.render.requiredField');
      continue;
    }
    const element = control.element;
    const minLength = element.type === 'plain_text_input' ? element.min_length : undefined;
    if (minLength !== undefined && value?.kind === 'text' && [...value.text].length < minLength) {
      errors[control.blockId] = t('console.render.minLength', { min: minLength });
    }
  }
  return errors;
}
