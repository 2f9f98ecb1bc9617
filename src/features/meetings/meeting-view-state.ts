import { readViewState } from '../../slack/parsers/view-state.parser.js';

/**
 * Reads a meeting modal's inputs with the shared view-state parser (one zod shape for every
 * modal); here an absent field reads empty, so the service's schema judges it under its field.
 */
export function readMeetingState(values: unknown) {
  const state = readViewState(values, 'meetings.errors.badButton');
  return {
    text: (block: string) => (state.text(block) ?? '').trim(),
    option: (block: string) => state.option(block) ?? null,
    options: (block: string) => state.options(block) ?? [],
    conversation: (block: string) => state.conversation(block) ?? null,
    /** A single users_select, or the first of a multi_users_select. */
    user: (block: string) => state.user(block) ?? null,
    date: (block: string) => state.date(block) ?? null,
  };
}
export type MeetingState = ReturnType<typeof readMeetingState>;

/** A whole number typed in a field, or NaN (the service's schema refuses it under that field). */
export function wholeNumber(text: string): number {
  return /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
}
