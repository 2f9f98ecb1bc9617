import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../logger.js';
import type { Database, SqlRunner } from './database.js';
import { ensureEmbeddedInitialized } from './embedded-initialization.js';
import { observeStatements, type StatementObserver } from './statement-observer.js';

export interface OpenDatabaseOptions {
  /**
   * `postgres://…` or `postgresql://…` → PostgreSQL. Unset or empty → the embedded PGlite
   * database in `embeddedDataDir`. Anything else is refused rather than guessed, so a
   * mistyped production URL cannot silently start Liaison on an empty embedded database.
   * (Tests wanting a throwaway database use `openInMemoryDatabase`.)
   */
  url?: string;
  /** Where the embedded database keeps its files (created, parents included, if missing). */
  embeddedDataDir: string;
  /** PostgreSQL only: most connections the pool opens (Prisma's and raw sessions together). */
  poolMax: number;
  /** PostgreSQL only: how long to wait for a pooled connection; also bounds `ping()` for both kinds. */
  acquireTimeoutMs: number;
  logger: Logger;
}

/** Idle pooled connections are closed after this; a quiet bot needs few open connections. */
const POOL_IDLE_TIMEOUT_MS = 30_000;
/** How long `ping()` waits on an in-memory database, which has no configured timeout. */
const IN_MEMORY_PING_TIMEOUT_MS = 5_000;

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const url = options.url?.trim();
  if (!url) return openEmbedded(options.embeddedDataDir, options.acquireTimeoutMs, options.logger);
  if (/^postgres(ql)?:\/\//i.test(url)) return openPostgres(url, options);
  throw new Error(
    `Unsupported database URL scheme in "${redactUrl(url)}": use postgres:// or postgresql://, ` +
      'or leave DATABASE_URL unset for the embedded database.',
  );
}

/**
 * A PGlite database that lives only in memory: for tests. `from` is a data directory dumped
 * by `dumpInMemoryDatabase`; loading one takes a fraction of a fresh initdb (≈ 0.7 s vs 4 s).
 */
export async function openInMemoryDatabase(from?: Blob): Promise<Database> {
  const modules = await loadPGlite();
  const pglite = await modules.PGlite.create({
    startParams: embeddedStartParams(modules.PGlite),
    ...(from ? { loadDataDir: from } : {}),
  });
  return wrapPGlite(modules, pglite, IN_MEMORY_PING_TIMEOUT_MS);
}

/**
 * PGlite and its adapter are loaded only when the embedded database is used: on PostgreSQL
 * they would cost ≈ 38 MB of memory for nothing (bench/README.md, directory sync).
 */
async function loadPGlite() {
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('pglite-prisma-adapter'),
  ]);
  return { PGlite, PrismaPGlite };
}

/**
 * What the embedded PostgreSQL reserves inside PGlite's WebAssembly memory, which never
 * shrinks. PostgreSQL's default shared_buffers (128 MB) is sized for a server; Liaison's
 * database is a few MB and the operating system caches its files anyway, so 16 MB of
 * buffers costs no measurable speed and saves ≈ 130 MB of RSS (bench/README.md, footprint).
 */
export const EMBEDDED_SETTINGS = ['shared_buffers=16MB', 'wal_buffers=1MB', 'temp_buffers=2MB'];

function embeddedStartParams(PGlite: { defaultStartParams: readonly string[] }): string[] {
  return [...PGlite.defaultStartParams, ...EMBEDDED_SETTINGS.flatMap((setting) => ['-c', setting])];
}

/** A fresh in-memory database prepared by `prepare`, dumped as an uncompressed data-directory tarball. */
export async function dumpInMemoryDatabase(prepare: (db: Database) => Promise<void>): Promise<Blob> {
  const modules = await loadPGlite();
  const pglite = await modules.PGlite.create({ startParams: embeddedStartParams(modules.PGlite) });
  const db = wrapPGlite(modules, pglite, IN_MEMORY_PING_TIMEOUT_MS);
  try {
    await prepare(db);
    // Prisma holds the single connection through its adapter; dumping goes through PGlite itself.
    return await pglite.dumpDataDir('none');
  } finally {
    await db.close();
  }
}

async function openEmbedded(dataDir: string, pingTimeoutMs: number, logger: Logger): Promise<Database> {
  const absoluteDir = path.resolve(dataDir);
  const initialization = await ensureEmbeddedInitialized(absoluteDir);
  if (initialization.created)
    logger.info(
      { dataDir: absoluteDir, ms: initialization.ms },
      'Created the embedded database (PGlite initdb, in a child process)',
    );
  const modules = await loadPGlite();
  const pglite = await modules.PGlite.create({
    dataDir: absoluteDir,
    startParams: embeddedStartParams(modules.PGlite),
  });
  logger.info({ dataDir: absoluteDir }, 'Opened the embedded database (PGlite)');
  return wrapPGlite(modules, pglite, pingTimeoutMs);
}

/**
 * Prisma's defaults (2 s to start a transaction, 5 s to finish it) end the process on a busy
 * machine: at load ≈ 23 on two cores a start-up transaction (a standing schedule) took 8.9 s.
 * Transactions here are short; these bounds only stop a stuck one from holding the connection.
 */
const TRANSACTION_DEFAULTS = { maxWait: 10_000, timeout: 30_000 } as const;

function wrapPGlite(
  { PrismaPGlite }: Awaited<ReturnType<typeof loadPGlite>>,
  pglite: PGlite,
  pingTimeoutMs: number,
): Database {
  const { factory, observer } = observeStatements(new PrismaPGlite(pglite));
  const prisma = new PrismaClient({ adapter: factory, transactionOptions: TRANSACTION_DEFAULTS });
  // PGlite has exactly one connection, so the instance itself is the dedicated session.
  const session: SqlRunner = {
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) => (await pglite.query<Row>(sql, params)).rows,
  };
  return createDatabase({
    kind: 'embedded',
    prisma,
    statements: observer,
    pingTimeoutMs,
    withSqlSession: (work) => work(session),
    closeDriver: () => pglite.close(),
  });
}

function openPostgres(url: string, options: OpenDatabaseOptions): Database {
  const { logger } = options;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolMax,
    connectionTimeoutMillis: options.acquireTimeoutMs,
    idleTimeoutMillis: POOL_IDLE_TIMEOUT_MS,
    // Idle connections must not keep a finished process (a CLI run, a test) alive.
    allowExitOnIdle: true,
  });
  // Without a listener, an idle connection dropped by the server crashes the process.
  pool.on('error', (error) => logger.warn({ err: error }, 'An idle PostgreSQL connection failed'));
  const { factory, observer } = observeStatements(new PrismaPg(pool));
  const prisma = new PrismaClient({ adapter: factory, transactionOptions: TRANSACTION_DEFAULTS });
  logger.info(
    { url: redactUrl(url), poolMax: options.poolMax },
    'PostgreSQL connection pool ready (connects on first use)',
  );

  return createDatabase({
    kind: 'postgres',
    prisma,
    statements: observer,
    pingTimeoutMs: options.acquireTimeoutMs,
    withSqlSession: async (work) => {
      const client = await pool.connect();
      const session: SqlRunner = {
        exec: async (sql) => {
          await client.query(sql);
        },
        query: async <Row>(sql: string, params: unknown[] = []) =>
          (await client.query<Row & pg.QueryResultRow>(sql, params)).rows,
      };
      try {
        const result = await work(session);
        client.release();
        return result;
      } catch (error) {
        // Destroy rather than reuse a connection left in an unknown state (open transaction,
        // advisory lock held): releasing with an error closes it.
        client.release(error instanceof Error ? error : new Error(String(error)));
        throw error;
      }
    },
    closeDriver: () => pool.end(),
  });
}

interface DatabaseParts {
  kind: Database['kind'];
  prisma: PrismaClient;
  statements: StatementObserver;
  pingTimeoutMs: number;
  withSqlSession: Database['withSqlSession'];
  closeDriver: () => Promise<void>;
}

/** What both kinds share: a closed guard and a bounded ping. */
function createDatabase(parts: DatabaseParts): Database {
  let closing: Promise<void> | undefined;
  const assertOpen = (): void => {
    if (closing) throw new Error(`The ${parts.kind} database is closed`);
  };
  return {
    kind: parts.kind,
    prisma: parts.prisma,
    statements: parts.statements,
    withSqlSession: async (work) => {
      assertOpen();
      return parts.withSqlSession(work);
    },
    ping: async () => {
      assertOpen();
      await withTimeout(
        parts.prisma.$queryRawUnsafe('SELECT 1'),
        parts.pingTimeoutMs,
        `The ${parts.kind} database did not answer within ${parts.pingTimeoutMs} ms`,
      );
    },
    close: () => {
      closing ??= (async () => {
        await parts.prisma.$disconnect();
        await parts.closeDriver();
      })();
      return closing;
    },
  };
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The URL without its password, for logs and error messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable URL>';
  }
}
