// A real database per test file: in-memory PGlite by default (≈ 0.7 s to open), or, when
// LIAISON_TEST_DATABASE_URL is set (`npm run test:postgres`, CI), a fresh PostgreSQL
// database created for the caller and dropped on close. Call in beforeAll, close in afterAll.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { pino } from 'pino';
import type { Database } from '../../src/db/database.js';
import { applyPendingMigrations } from '../../src/db/migrator.js';
import { openDatabase, openInMemoryDatabase } from '../../src/db/open-database.js';
import { PROJECT_MIGRATIONS_DIR } from '../../src/db/paths.js';

export interface TestDatabase extends Database {
  /** The fresh PostgreSQL database's URL (to open a second connection to it); undefined for PGlite. */
  readonly url: string | undefined;
}

const silentLogger = pino({ level: 'silent' });

/** A database with every migration in prisma/migrations applied. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const db = await openEmptyTestDatabase();
  try {
    await applyPendingMigrations(db, { migrationsDir: PROJECT_MIGRATIONS_DIR, logger: silentLogger });
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** A database with nothing in it, not even the migrations table (for migrator tests). */
export async function openEmptyTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.LIAISON_TEST_DATABASE_URL;
  if (!serverUrl) return Object.assign(await openInMemoryDatabase(), { url: undefined });
  return openFreshPostgresDatabase(serverUrl);
}

/** Opens a Database on `url` with test-sized settings (a second handle on the same database). */
export function openTestDatabaseAt(url: string): Promise<Database> {
  return openDatabase({
    url,
    embeddedDataDir: 'unused',
    poolMax: 4,
    acquireTimeoutMs: 5_000,
    logger: silentLogger,
  });
}

async function openFreshPostgresDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `liaison_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openTestDatabaseAt(url.toString());
  let closing: Promise<void> | undefined;
  return {
    ...db,
    url: url.toString(),
    close: () => {
      closing ??= (async () => {
        await db.close();
        // FORCE ends connections a test left open (Prisma's pool, a second handle).
        await withAdminClient(serverUrl, (admin) =>
          admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
        );
      })();
      return closing;
    },
  };
}

async function withAdminClient<T>(serverUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
