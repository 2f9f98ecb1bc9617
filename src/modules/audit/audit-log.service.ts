import type { Authorization } from '../access/authorization.service.js';
import { DomainError } from '../shared/domain-error.types.js';
import type { AuditEntryDto, AuditFilter, AuditLogRepository } from './audit-log.repository.js';

/** How many entries `/liaison audit` shows. */
export const AUDIT_PAGE = 20;

/** What the reader asked for, before it is resolved to stored ids. */
export type AuditQuery =
  | { kind: 'all' }
  | { kind: 'department'; key: string }
  | { kind: 'person'; slackUserId: string }
  | { kind: 'handle'; handle: string }
  | { kind: 'object'; objectType: string; objectId: string };

export interface AuditLogService {
  /** The latest entries, newest first; admins only (a refusal is itself audited). */
  recent(
    actor: { workspaceId: string; personId: string },
    query: AuditQuery,
  ): Promise<{ entries: AuditEntryDto[]; filter: AuditFilter }>;
}

export function createAuditLogService(deps: {
  repo: AuditLogRepository;
  authorization: Authorization;
}): AuditLogService {
  const { repo } = deps;

  function unknown(text: string): DomainError {
    return new DomainError(
      'audit.unknown_object',
      { key: 'audit.errors.unknownObject', params: { object: text } },
      { detail: `nothing called ${text}` },
    );
  }

  async function resolve(workspaceId: string, query: AuditQuery): Promise<AuditFilter> {
    switch (query.kind) {
      case 'all':
        return { kind: 'all' };
      case 'object':
        return { kind: 'object', objectType: query.objectType, objectId: query.objectId };
      case 'department': {
        const id = await repo.departmentIdByKey(workspaceId, query.key);
        if (!id) throw unknown(query.key);
        return { kind: 'object', objectType: 'department', objectId: id };
      }
      case 'person':
        return {
          kind: 'person',
          slackUserId: query.slackUserId,
          personId: await repo.personIdBySlackId(workspaceId, query.slackUserId),
        };
      case 'handle': {
        const [slackUserId, ...others] = await repo.slackIdsByHandle(workspaceId, query.handle);
        if (!slackUserId || others.length > 0) throw unknown(`@${query.handle}`);
        return resolve(workspaceId, { kind: 'person', slackUserId });
      }
    }
  }

  return {
    async recent(actor, query) {
      const subject = await deps.authorization.subjectOf(actor.personId);
      await deps.authorization.require(subject, 'audit.read');
      const filter = await resolve(actor.workspaceId, query);
      return { entries: await repo.recent(actor.workspaceId, filter, AUDIT_PAGE), filter };
    },
  };
}
