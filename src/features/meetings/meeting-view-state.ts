import { z } from 'zod';
import { DomainError } from '../../modules/shared/domain-error.types.js';
import { FIELD_ACTION } from './meetings.ids.js';

const USER_ID = z.string().regex(/^[UW][A-Z0-9]{2,30}$/);

/** What the meeting modals send back, checked: only the element shapes they contain. */
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
      selected_users: z.array(USER_ID).max(50).nullish(),
      selected_options: z
        .array(z.object({ value: z.string().max(150) }))
        .max(100)
        .nullish(),
      selected_option: z.object({ value: z.string().max(150) }).nullish(),
      selected_date: z.string().max(40).nullish(),
    }),
  ),
);

/** Reads a meeting modal's inputs (one element per block, `FIELD_ACTION`); absent fields read empty. */
export function readMeetingState(values: unknown) {
  const parsed = stateValues.safeParse(values);
  if (!parsed.success)
    throw new DomainError(
      'view.bad_state',
      { key: 'meetings.errors.badButton' },
      { detail: `unreadable view state: ${parsed.error.message.slice(0, 300)}` },
    );
  const field = (block: string) => parsed.data[block]?.[FIELD_ACTION];
  return {
    text: (block: string) => (field(block)?.value ?? '').trim(),
    option: (block: string) => field(block)?.selected_option?.value ?? null,
    options: (block: string) => [...new Set((field(block)?.selected_options ?? []).map((o) => o.value))],
    conversation: (block: string) => field(block)?.selected_conversation ?? null,
    /** A single users_select, or the first of a multi_users_select. */
    user: (block: string) => field(block)?.selected_user ?? field(block)?.selected_users?.[0] ?? null,
    date: (block: string) => field(block)?.selected_date ?? null,
  };
}
export type MeetingState = ReturnType<typeof readMeetingState>;

/** A whole number typed in a field, or NaN (the service's schema refuses it under that field). */
export function wholeNumber(text: string): number {
  return /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
}
