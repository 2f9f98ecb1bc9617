import type { Database } from '../db/database.js';
import type { StatementEvent } from '../db/statement-observer.js';
import { createAccessPrismaRepository } from '../modules/access/access.prisma-repository.js';
import { createAuthorization } from '../modules/access/authorization.service.js';
import { createSubjectCache, type SubjectCache } from '../modules/access/subject-cache.js';
import type { Clock } from '../modules/shared/clock.types.js';

/** The tables a person's roles are read from (access.prisma-repository.ts: subjectOf). */
const ROLE_TABLES = new Set(['Person', 'Membership', 'Department', '*']);

/**
 * How long roles are answered from memory. The embedded database has one process, which
 * sees every write, so the bound only limits memory. PostgreSQL may have other replicas
 * whose writes this process does not see: a role granted or revoked there counts here
 * within this time.
 */
export const SUBJECT_CACHE_MS = { embedded: 60_000, postgres: 5_000 } as const;

/** Authorization whose roles are remembered and forgotten on every write that may change them. */
export function buildAuthorization(input: { db: Database; clock: Clock }) {
  const cache = createSubjectCache({
    repo: createAccessPrismaRepository(input.db.prisma),
    clock: input.clock,
    ttlMs: SUBJECT_CACHE_MS[input.db.kind],
  });
  input.db.statements.observe(forgetRolesOnWrite(cache));
  return createAuthorization({ repo: cache.repository, remembered: cache.remembered });
}

function forgetRolesOnWrite(cache: SubjectCache) {
  return (event: StatementEvent) => {
    if (event.type === 'transaction-end') {
      cache.release(event.transaction);
      return;
    }
    if (!event.writes.some((table) => ROLE_TABLES.has(table))) return;
    if (event.transaction === undefined) cache.invalidate();
    else cache.hold(event.transaction);
  };
}
