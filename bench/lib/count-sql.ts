// Counts the SQL statements Prisma sends, below Prisma: a nested `select` is several
// statements, a transaction is BEGIN … COMMIT. Patches the two drivers' prototypes (PGlite's
// one entry every statement goes through, node-postgres's Client.query) for this process;
// call before the database is opened. Bench-only.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

let statements = 0;
let installed = false;

export function countSqlStatements(): { count: () => number; reset: () => void } {
  if (!installed) {
    installed = true;
    // PGlite: query(), exec() and a transaction's query/exec all run through _runExclusiveQuery.
    const proto = PGlite.prototype as unknown as {
      _runExclusiveQuery: (...args: unknown[]) => Promise<unknown>;
    };
    const runExclusive = proto._runExclusiveQuery;
    proto._runExclusiveQuery = function (this: unknown, ...args: unknown[]) {
      statements++;
      return runExclusive.apply(this, args);
    };
    const clientProto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const query = clientProto.query;
    clientProto.query = function (this: unknown, ...args: unknown[]) {
      statements++;
      return query.apply(this, args);
    };
  }
  return { count: () => statements, reset: () => (statements = 0) };
}
