import type { MessageKey } from '../../i18n/catalog.js';
import { DomainError } from '../shared/domain-error.types.js';
import type { AccessRepository } from './access.repository.js';
import { isAllowed } from './access.rules.js';
import type { AccessObject, AccessSubject, Permission } from './access.types.js';

/** What a refused person reads, per permission (en and zh-CN in src/i18n/access.*.ts). */
const REFUSAL_MESSAGES: Record<Permission, MessageKey> = {
  'departments.manage': 'access.refused.adminOnly',
  'departments.import': 'access.refused.adminOnly',
  'departments.edit': 'access.refused.leadOrAdmin',
  'setup.demo': 'access.refused.adminOnly',
  'directory.sync': 'access.refused.adminOnly',
  'admins.manage': 'access.refused.adminOnly',
  'audit.read': 'access.refused.adminOnly',
  'export.workspace': 'access.refused.adminOnly',
  'ai.status': 'access.refused.adminOnly',
  'report.read': 'access.refused.leadOrExecutive',
  'action_items.manage': 'access.refused.ownerLeadOrAdmin',
  'okrs.edit': 'okrs.errors.refused',
  'kpis.edit': 'access.refused.leadOrAdmin',
  'kpis.record': 'access.refused.memberOrAdmin',
  'kpis.tokens': 'access.refused.adminOnly',
  'okrs.settings': 'access.refused.adminOnly',
};

export interface Authorization {
  /** The actor's admin flags and memberships, read fresh (roles change). */
  subjectOf(personId: string): Promise<AccessSubject>;
  /** The same roles when they are remembered and fresh (no query); else undefined. */
  rememberedSubjectOf(personId: string): AccessSubject | undefined;
  /**
   * Returns when allowed. Otherwise records an 'authorization.refused' audit entry and throws
   * a DomainError the error handler shows privately; the caller has changed nothing yet.
   */
  require(subject: AccessSubject, permission: Permission, object?: AccessObject): Promise<void>;
}

export function createAuthorization(deps: {
  repo: AccessRepository;
  /** Roles answered from memory (src/modules/access/subject-cache.ts); none without it. */
  remembered?: (personId: string) => AccessSubject | undefined;
}): Authorization {
  return {
    rememberedSubjectOf: (personId) => deps.remembered?.(personId),

    async subjectOf(personId) {
      const subject = await deps.repo.subjectOf(personId);
      if (!subject) {
        throw new DomainError(
          'person.not_found',
          { key: 'access.refused.unknownPerson' },
          {
            detail: `no person ${personId}`,
          },
        );
      }
      return subject;
    },

    async require(subject, permission, object = {}) {
      if (isAllowed(subject, permission, object)) return;
      await deps.repo.recordRefusal(subject, permission, object.departmentId);
      throw new DomainError(
        'authorization.refused',
        { key: REFUSAL_MESSAGES[permission] },
        { detail: `${subject.slackUserId} may not ${permission} in workspace ${subject.workspaceId}` },
      );
    },
  };
}
