// Everything the Prisma 6.19 CLI needs to run offline, in one place (prisma.config.ts uses it).
//
// Liaison applies migrations itself (src/db/migrator.ts); the CLI is only used to AUTHOR
// them: `npm run db:new` runs `prisma migrate diff --from-migrations … --to-schema-datamodel …`.
// Offline the CLI has only its JavaScript (WASM) schema engine, which reaches databases
// through a driver adapter. In that mode `--from-url` and `--from-schema-datasource` are
// refused, so the migrations folder can only be replayed into a shadow database, which
// the adapter provides. Here that is a throwaway in-memory PGlite, never a real server:
// that removes every adapter-pg workaround (type OIDs, shadow naming, DROP DATABASE).
//
// What remains, each covered by tests/db/prisma-cli-workarounds.db.test.ts:
//   1. multi-statement `executeRaw` on the shadow database (see withMultiStatementExecuteRaw);
//   2. closing every PGlite once the shadow database is disposed (see createCliAdapterFactory);
//   3. a guard refusing database commands other than `migrate diff` (assertDiffOnlyCommand).

import { messages, PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';

/** The adapter type Prisma's driver-adapter-utils defines, taken from the adapter itself so
 * we do not import a package we do not declare. */
type SqlDriverAdapter = Awaited<ReturnType<PrismaPGlite['connect']>>;
type SqlQuery = Parameters<SqlDriverAdapter['executeRaw']>[0];

/** What `adapter` in prisma.config.ts must return (a migration-aware adapter factory). */
export interface CliAdapterFactory {
  readonly provider: 'postgres';
  readonly adapterName: string;
  connect(): Promise<SqlDriverAdapter>;
  connectToShadowDb(): Promise<SqlDriverAdapter>;
}

/**
 * Workaround 3 — guard. The CLI calls the adapter factory only for commands that touch a
 * database. Through this config every such command would act on a throwaway in-memory
 * database: `migrate deploy` or `migrate status` would report success about nothing. So
 * anything but `migrate diff` fails loudly instead.
 */
export function assertDiffOnlyCommand(argv: readonly string[]): void {
  const migrateAt = argv.indexOf('migrate');
  if (migrateAt >= 0 && argv[migrateAt + 1] === 'diff') return;
  throw new Error(
    `prisma.config.ts only supports \`prisma migrate diff\` (used by \`npm run db:new -- <name>\`); ` +
      `got \`prisma ${argv.join(' ')}\`. Liaison applies migrations itself at start (src/db/migrator.ts).`,
  );
}

/**
 * Workaround 1. The schema engine replays each migration file into the shadow database as
 * ONE `executeRaw` call with no arguments. pglite-prisma-adapter 0.6.1 sends every
 * executeRaw as a prepared statement, which PostgreSQL refuses for several statements
 * ("cannot insert multiple commands into a prepared statement", Prisma error P3006).
 * Argument-less calls therefore go through `PGlite.exec` (simple protocol), awaited so a
 * broken migration file fails the diff instead of being skipped, and its error is shaped as
 * the adapter would shape it so the CLI prints PostgreSQL's message, not "External error".
 */
export function withMultiStatementExecuteRaw(adapter: SqlDriverAdapter, pglite: PGlite): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  return Object.assign(adapter, {
    executeRaw: async (query: SqlQuery): Promise<number> => {
      if (query.args.length > 0) return executeRaw(query);
      try {
        await pglite.exec(query.sql);
      } catch (error) {
        throw asDriverAdapterError(error);
      }
      return 0;
    },
  });
}

/** Prisma recognises a driver error by its name and a `cause` describing it (the same check
 * as `isDriverAdapterError` in @prisma/driver-adapter-utils, which we do not depend on). */
function asDriverAdapterError(error: unknown): unknown {
  if (!(error instanceof messages.DatabaseError)) return error;
  const { code, severity, message, detail, column, hint } = error;
  return Object.assign(new Error(message), {
    name: 'DriverAdapterError',
    cause: {
      kind: 'postgres',
      code: code ?? 'UNKNOWN',
      severity: severity ?? 'UNKNOWN',
      message,
      detail,
      column,
      hint,
    },
  });
}

/**
 * The factory prisma.config.ts hands to the CLI: in-memory PGlite for both the main and the
 * shadow connection.
 *
 * Workaround 2. The CLI disposes the shadow adapter but never the main one, and an open
 * PGlite re-arms a 10 s WASM timer (statistics flush) after each query, so the process
 * lingers ~10 s after printing the diff. Disposing the shadow is the last step of
 * `migrate diff` (the only command the guard allows), so it closes every PGlite we opened.
 */
export function createCliAdapterFactory(): CliAdapterFactory {
  const opened: PGlite[] = [];
  const openPGlite = async (): Promise<PGlite> => {
    const pglite = await PGlite.create();
    opened.push(pglite);
    return pglite;
  };
  const closeAll = async (): Promise<void> => {
    await Promise.all(opened.splice(0).map((pglite) => (pglite.closed ? undefined : pglite.close())));
  };

  return {
    provider: 'postgres',
    adapterName: 'liaison-cli-pglite',
    connect: async () => new PrismaPGlite(await openPGlite()).connect(),
    connectToShadowDb: async () => {
      const pglite = await openPGlite();
      const adapter = withMultiStatementExecuteRaw(await new PrismaPGlite(pglite).connect(), pglite);
      return Object.assign(adapter, { dispose: closeAll });
    },
  };
}
