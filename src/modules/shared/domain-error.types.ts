import type { MessageKey, MessageParams } from '../../i18n/catalog.js';

/**
 * An error the user can act on. It carries a message key (rendered in the person's
 * language where they are) instead of text, and optionally the modal field it belongs to.
 * The message (English) goes to logs and carries the ids involved.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly userMessage: { key: MessageKey; params?: MessageParams },
    options: { field?: string; detail?: string } = {},
  ) {
    super(options.detail ? `${code}: ${options.detail}` : code);
    this.name = 'DomainError';
    this.field = options.field;
  }
  readonly field: string | undefined;
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
