import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../logger.js';
import type { Database, SqlRunner } from './database.js';
import { withPrismaErrorKinds } from './embedded-error-kinds.js';
import { ensureEmbeddedInitialized } from './embedded-initialization.js';
import type { PGliteThreadClient } from './embedded-thread/pglite-thread-client.js';
import { openEmbeddedThread, openInMemoryThread } from './embedded-thread/start-embedded-thread.js';
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
 * A PGlite database that lives only in memory, in a thread of its own as the embedded one:
 * for tests and benches. `from` is a data directory dumped by `dumpInMemoryDatabase`; loading
 * one takes a fraction of a fresh initdb (≈ 0.7 s vs 4 s).
 */
export async function openInMemoryDatabase(from?: Blob): Promise<Database> {
  const [thread, adapter] = await Promise.all([openInMemoryThread(from), loadPGliteAdapter()]);
  return wrapPGliteThread(adapter, thread, IN_MEMORY_PING_TIMEOUT_MS);
}

/**
 * The Prisma adapter for PGlite is loaded only when the embedded database is used: it loads
 * PGlite's module, which would cost memory for nothing on PostgreSQL (bench/README.md,
 * directory sync).
 */
async function loadPGliteAdapter() {
  return (await import('pglite-prisma-adapter')).PrismaPGlite;
}

/** A fresh in-memory database prepared by `prepare`, dumped as an uncompressed data-directory tarball. */
export async function dumpInMemoryDatabase(prepare: (db: Database) => Promise<void>): Promise<Blob> {
  const [thread, adapter] = await Promise.all([openInMemoryThread(), loadPGliteAdapter()]);
  const db = wrapPGliteThread(adapter, thread, IN_MEMORY_PING_TIMEOUT_MS);
  try {
    await prepare(db);
    // Prisma holds the single connection through its adapter; dumping goes through PGlite itself.
    return await thread.dumpDataDir();
  } finally {
    await db.close();
  }
}

async function openEmbedded(dataDir: string, pingTimeoutMs: number, logger: Logger): Promise<Database> {
  const absoluteDir = path.resolve(dataDir);
  const [initialization, thread, adapter] = await Promise.all([
    ensureEmbeddedInitialized(absoluteDir),
    openEmbeddedThread(absoluteDir),
    loadPGliteAdapter(),
  ]);
  if (initialization.created)
    logger.info(
      { dataDir: absoluteDir, ms: initialization.ms, from: initialization.from },
      initialization.from === 'template'
        ? 'Created the embedded database (a copy of the pristine one npm install made)'
        : 'Created the embedded database (PGlite initdb, in a child process)',
    );
  logger.info({ dataDir: absoluteDir }, 'Opened the embedded database (PGlite, in a thread of its own)');
  thread.onUnexpectedStop((reason) =>
    logger.error(
      { err: reason },
      'The embedded database stopped: nothing can be read or written until Liaison restarts',
    ),
  );
  return wrapPGliteThread(adapter, thread, pingTimeoutMs);
}

/**
 * Prisma's defaults (2 s to start a transaction, 5 s to finish it) end the process on a busy
 * machine: at load ≈ 23 on two cores a start-up transaction (a standing schedule) took 8.9 s.
 * Transactions here are short; these bounds only stop a stuck one from holding the connection.
 */
const TRANSACTION_DEFAULTS = { maxWait: 10_000, timeout: 30_000 } as const;

function wrapPGliteThread(
  PrismaPGlite: Awaited<ReturnType<typeof loadPGliteAdapter>>,
  thread: PGliteThreadClient,
  pingTimeoutMs: number,
): Database {
  // The adapter uses only query, exec and transaction, which the thread's client provides
  // with PGlite's own signatures (pglite-thread-client.ts).
  const { factory, observer } = observeStatements(
    withPrismaErrorKinds(new PrismaPGlite(thread as unknown as PGlite)),
  );
  const prisma = new PrismaClient({ adapter: factory, transactionOptions: TRANSACTION_DEFAULTS });
  // PGlite has exactly one connection, so the database itself is the dedicated session.
  const session: SqlRunner = {
    exec: async (sql) => {
      await thread.exec(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) => (await thread.query<Row>(sql, params)).rows,
  };
  return createDatabase({
    kind: 'embedded',
    prisma,
    statements: observer,
    pingTimeoutMs,
    withSqlSession: (work) => work(session),
    closeDriver: () => thread.close(),
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
