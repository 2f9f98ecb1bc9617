import type { ViewOutput } from '@slack/bolt';
import { z } from 'zod';
import type { MessageKey } from '../../i18n/catalog.js';
import { DomainError, isDomainError } from '../../modules/shared/domain-error.types.js';
import { DEPARTMENT_FIELD_ACTION } from '../ids.js';

const USER_ID = z.string().regex(/^[UW][A-Z0-9]{2,30}$/);

/** The input values Slack sends back, checked: only the shapes our modals contain. */
const stateValues = z.record(
  z.string(),
  z.record(
    z.string(),
    z.object({
      type: z.string(),
      value: z.string().max(5_000).nullish(),
      selected_conversation: z
        .string()
        .regex(/^[CGD][A-Z0-9]{2,30}$/)
        .nullish(),
      selected_user: USER_ID.nullish(),
      selected_users: z.array(USER_ID).max(500).nullish(),
      selected_options: z.array(z.object({ value: z.string().max(150) })).nullish(),
      selected_option: z.object({ value: z.string().max(150) }).nullish(),
      // Judged by parseCalendarDate where it is used, so a bad date is an error under its field.
      selected_date: z.string().max(40).nullish(),
    }),
  ),
);

export interface ViewState {
  /** Text of a plain_text_input: undefined when the modal had no such block, '' when left empty. */
  text(block: string): string | undefined;
  users(block: string): string[] | undefined;
  /** A users_select's person, or the first of a multi_users_select: null when nobody is chosen. */
  user(block: string): string | null | undefined;
  conversation(block: string): string | null | undefined;
  checked(block: string, value: string): boolean | undefined;
  /** The value of a static select or radio group: null when nothing is chosen. */
  option(block: string): string | null | undefined;
  /** The values chosen in a multi select or checkbox group. */
  options(block: string): string[] | undefined;
  /** A datepicker's value as sent (YYYY-MM-DD from Slack), unchecked: null when left empty. */
  date(block: string): string | null | undefined;
}

/**
 * Reads a submitted modal's inputs (one element per block, `DEPARTMENT_FIELD_ACTION` — every
 * feature's modals use the same action id, 'value'). `badStateKey`: what the person reads when
 * the state is unreadable (the feature's own wording).
 */
export function readViewState(
  values: unknown,
  badStateKey: MessageKey = 'departments.errors.badSubmission',
): ViewState {
  const parsed = stateValues.safeParse(values);
  if (!parsed.success)
    throw new DomainError(
      'view.bad_state',
      { key: badStateKey },
      { detail: `unreadable view state: ${parsed.error.message.slice(0, 300)}` },
    );
  const field = (block: string) => parsed.data[block]?.[DEPARTMENT_FIELD_ACTION];
  return {
    text: (block) => {
      const value = field(block);
      return value === undefined ? undefined : (value.value ?? '');
    },
    users: (block) => {
      const value = field(block);
      return value === undefined ? undefined : [...new Set(value.selected_users ?? [])];
    },
    user: (block) => {
      const value = field(block);
      return value === undefined ? undefined : (value.selected_user ?? value.selected_users?.[0] ?? null);
    },
    conversation: (block) => {
      const value = field(block);
      return value === undefined ? undefined : (value.selected_conversation ?? null);
    },
    checked: (block, option) => {
      const value = field(block);
      return value === undefined ? undefined : (value.selected_options ?? []).some((o) => o.value === option);
    },
    option: (block) => {
      const value = field(block);
      return value === undefined ? undefined : (value.selected_option?.value ?? null);
    },
    options: (block) => {
      const value = field(block);
      return value === undefined
        ? undefined
        : [...new Set((value.selected_options ?? []).map((o) => o.value))];
    },
    date: (block) => {
      const value = field(block);
      return value === undefined ? undefined : (value.selected_date ?? null);
    },
  };
}

/** The first input block of the submitted view: where a refusal is shown, so the modal says why. */
export function firstInputBlock(view: ViewOutput): string | undefined {
  const blocks = (view as { blocks?: { type?: string; block_id?: string }[] }).blocks ?? [];
  return blocks.find((block) => block.type === 'input' && block.block_id)?.block_id;
}

/**
 * Runs a submission's work so that every domain error lands in the open modal: under the
 * field it names (mapped to a block id), or under `fallbackBlock` (refusals, unknown ids).
 * The modal-field-errors middleware acknowledges with the errors.
 */
export async function withModalErrors<T>(
  fields: Readonly<Record<string, string>>,
  fallbackBlock: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const mapped = error.field ? fields[error.field] : undefined;
    const block = mapped ?? fallbackBlock;
    if (!block || block === error.field) throw error;
    throw new DomainError(error.code, error.userMessage, { field: block, detail: error.message });
  }
}
