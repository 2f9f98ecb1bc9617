import type { z } from 'zod';
import type { MessageKey } from '../../i18n/catalog.js';
import { DomainError } from '../../modules/shared/domain-error.types.js';

/** How to refuse what cannot be read, and what an empty text stands for. */
export interface MetadataReading {
  /** The DomainError's code, for the logs: `view.bad_metadata`, `action_items.bad_button`… */
  code: string;
  /** What the person reads, in their language: what went wrong and what to do next. */
  message: MessageKey;
  /** What was being read, for the logs: "department modal metadata", "liaison.item.redate carried". */
  what: string;
  /**
   * The value an empty text stands for (a new department's modal carries none). Without it,
   * an empty or missing text is unreadable like any other.
   */
  whenEmpty?: unknown;
}

/**
 * Reads the small JSON Liaison put in a view's private_metadata or a button's value, now
 * coming back from Slack: the typed value, or a DomainError with a polite localized message
 * (a modal shows it under a field, a click gets it privately). Never trusted for who acts.
 */
export function readMetadata<T>(
  text: string | null | undefined,
  schema: z.ZodType<T>,
  reading: MetadataReading,
): T {
  let json: unknown;
  if (!text) json = reading.whenEmpty;
  else {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  const parsed = json === undefined ? undefined : schema.safeParse(json);
  if (!parsed?.success)
    throw new DomainError(
      reading.code,
      { key: reading.message },
      { detail: `${reading.what} ${String(text).slice(0, 100)}` },
    );
  return parsed.data;
}
