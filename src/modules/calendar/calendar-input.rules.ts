import { DomainError } from '../shared/domain-error.js';
import { isLocalDate, type LocalDate } from './local-date.js';

/** A date typed by a person, 'YYYY-MM-DD'; anything else is a localized error naming what was typed. */
export function parseDateArgument(text: string | undefined): LocalDate {
  const typed = (text ?? '').slice(0, 40);
  if (!isLocalDate(typed))
    throw new DomainError(
      'calendar.bad_date',
      { key: 'calendar.errors.badDate', params: { text: typed || '—' } },
      { detail: `"${typed}" is not a YYYY-MM-DD date` },
    );
  return typed;
}
