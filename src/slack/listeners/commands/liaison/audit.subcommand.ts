import type { AuditQuery } from '../../../../modules/audit/audit-log.service.js';
import { DomainError } from '../../../../modules/shared/domain-error.types.js';
import { parseUserReference } from '../../../parsers/user-reference.parser.js';
import { auditMessage } from '../../../views/audit.view.js';
import { escapeMrkdwn } from '../../../views/escape.js';
import type { Subcommand } from './subcommand.types.js';

const OBJECT = /^([a-z_]{1,40}):([\w-]{1,80})$/i;
const KEY = /^[\p{L}\p{N}_-]{1,80}$/u;

/** What follows `/liaison audit`: nothing, a department key, a person, or `type:id`. */
export function parseAuditQuery(text: string): AuditQuery | null {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'all' };
  const person = parseUserReference(trimmed);
  if (person)
    return 'handle' in person ? { kind: 'handle', handle: person.handle } : { kind: 'person', ...person };
  const object = OBJECT.exec(trimmed);
  if (object?.[1] && object[2])
    return { kind: 'object', objectType: object[1].toLowerCase(), objectId: object[2] };
  if (KEY.test(trimmed)) return { kind: 'department', key: trimmed.toLowerCase() };
  return null;
}

function title(query: AuditQuery): string | null {
  switch (query.kind) {
    case 'all':
      return null;
    case 'department':
      return query.key;
    case 'person':
      return query.slackUserId;
    case 'handle':
      return `@${query.handle}`;
    case 'object':
      return `${query.objectType}:${query.objectId}`;
  }
}

/** `/liaison audit [KEY | @person | type:id]`: the latest entries, for admins. */
export const auditSubcommand: Subcommand = {
  names: ['audit'],
  async run({ deps, actor, parsed, reply }) {
    const query = parseAuditQuery(parsed.args);
    if (!query)
      throw new DomainError(
        'audit.unknown_object',
        { key: 'audit.errors.unknownObject', params: { object: escapeMrkdwn(parsed.args.slice(0, 80)) } },
        { detail: `/liaison audit ${parsed.args.slice(0, 200)}` },
      );
    const { entries } = await deps.auditLog.recent(
      { workspaceId: actor.workspace.id, personId: actor.person.id },
      query,
    );
    const zone = actor.person.timeZone ?? actor.workspace.defaultTimeZone;
    await reply(auditMessage(actor.t, actor.locale, { entries, zone, object: title(query) }));
  },
};
