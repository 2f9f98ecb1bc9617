import type { MessageKey } from '../../../../i18n/catalog.js';
import type { CalendarActor } from '../../../../modules/calendar/index.js';
import { DomainError } from '../../../../modules/shared/domain-error.js';
import type { RequestActor } from '../../../request-actor.js';

/** What the calendar and absence subcommands (calendar, away, back) share. */

export function calendarActor(actor: RequestActor): CalendarActor {
  return {
    workspaceId: actor.workspace.id,
    personId: actor.person.id,
    slackUserId: actor.person.slackUserId,
    isWorkspaceAdmin: actor.person.isAdmin,
  };
}

/** A localized "usage: …" error quoting the command's help line. */
export function usageError(actor: RequestActor, helpKey: MessageKey, typed: string): DomainError {
  return new DomainError(
    'calendar.usage',
    { key: 'calendar.errors.usage', params: { usage: actor.t(helpKey) } },
    { detail: `person ${actor.person.slackUserId} typed "${typed}"` },
  );
}
