import type { MessageKey } from '../../i18n/catalog.js';
import { DomainError } from '../../modules/shared/domain-error.types.js';
import type { RequestActor } from '../request-actor.js';

/** A localized "usage: …" error quoting the command's help line (calendar, away, back, hours). */
export function usageError(actor: RequestActor, helpKey: MessageKey, typed: string): DomainError {
  return new DomainError(
    'calendar.usage',
    { key: 'calendar.errors.usage', params: { usage: actor.t(helpKey) } },
    { detail: `person ${actor.person.slackUserId} typed "${typed}"` },
  );
}
