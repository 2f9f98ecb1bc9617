// A real database per test file: in-memory PGlite by default, or, when
// LIAISON_TEST_DATABASE_URL is set (`npm run test:postgres`, CI), a fresh PostgreSQL
// database created for the caller and dropped on close. Call in beforeAll, close in afterAll.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import type { Database } from '../../src/db/database.js';
import { applyPendingMigrations } from '../../src/db/migrator.js';
import { dumpInMemoryDatabase, openDatabase, openInMemoryDatabase } from '../../src/db/open-database.js';
import { PROJECT_MIGRATIONS_DIR } from '../../src/db/paths.js';

export interface TestDatabase extends Database {
  /** The fresh PostgreSQL database's URL (to open a second connection to it); undefined for PGlite. */
  readonly url: string | undefined;
}

const silentLogger = pino({ level: 'silent' });

/**
 * PGlite's initdb costs ≈ 4 s of CPU per database; loading a dumped data directory ≈ 0.7 s.
 * The first test file on a machine dumps a database (empty, or with every migration applied)
 * into the temp directory, named by a hash of the migrations, so a new migration makes a new
 * snapshot; the other files (and later runs) load it. Written under a temporary name and
 * renamed, so parallel workers never read half a file.
 */
export async function snapshot(kind: 'empty' | 'migrated'): Promise<Blob> {
  const file = path.join(tmpdir(), `liaison-test-pglite-${await migrationsHash(kind)}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    const dump = await dumpInMemoryDatabase(async (db) => {
      if (kind === 'migrated')
        await applyPendingMigrations(db, { migrationsDir: PROJECT_MIGRATIONS_DIR, logger: silentLogger });
    });
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
    return dump;
  }
}

/** 16 hex digits naming `kind` and the migrations' files and contents: a new migration, a new name. */
async function migrationsHash(kind: string): Promise<string> {
  const hash = createHash('sha256').update(kind);
  for (const entry of (await readdir(PROJECT_MIGRATIONS_DIR, { recursive: true })).sort()) {
    if (!entry.endsWith('.sql')) continue;
    hash.update(entry).update(await readFile(path.join(PROJECT_MIGRATIONS_DIR, entry)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** A database with every migration in prisma/migrations applied. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.LIAISON_TEST_DATABASE_URL;
  const db = serverUrl
    ? await openFreshPostgresDatabase(serverUrl, await migratedTemplate(serverUrl))
    : Object.assign(await openInMemoryDatabase(await snapshot('migrated')), { url: undefined });
  try {
    // Applies nothing on a loaded snapshot, but checks it is current (a test would fail loudly otherwise).
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
  if (!serverUrl)
    return Object.assign(await openInMemoryDatabase(await snapshot('empty')), { url: undefined });
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

/**
 * The PostgreSQL counterpart of the migrated snapshot: a database with every migration
 * applied, named by their hash, that each test file's database is copied from (CREATE
 * DATABASE … TEMPLATE copies files; applying the 20 migrations' SQL to each new database
 * cost the server ≈ 1 s of CPU per file). Migrated under a temporary name and renamed, so a
 * concurrent run never copies a half-migrated template; nobody connects to it afterwards,
 * which copying requires.
 */
export async function migratedTemplate(serverUrl: string): Promise<string> {
  const template = `liaison_template_${await migrationsHash('migrated')}`;
  const exists = await withAdminClient(serverUrl, (admin) =>
    admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]),
  );
  if (exists.rowCount) return template;
  const partial = `${template}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(serverUrl, (admin) => admin.query(`CREATE DATABASE "${partial}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${partial}`;
  const db = await openTestDatabaseAt(url.toString());
  try {
    await applyPendingMigrations(db, { migrationsDir: PROJECT_MIGRATIONS_DIR, logger: silentLogger });
  } finally {
    await db.close();
  }
  await withAdminClient(serverUrl, async (admin) => {
    try {
      await admin.query(`ALTER DATABASE "${partial}" RENAME TO "${template}"`);
    } catch (error) {
      // Another run made the same template first (42P04: duplicate_database): use theirs.
      if ((error as { code?: string }).code !== '42P04') throw error;
      await admin.query(`DROP DATABASE IF EXISTS "${partial}" WITH (FORCE)`);
    }
  });
  return template;
}

async function openFreshPostgresDatabase(serverUrl: string, template?: string): Promise<TestDatabase> {
  const name = `liaison_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (admin) =>
    admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`),
  );
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

/**
 * A `LIAISON_DATA_DIR` whose embedded database already holds every migration, for tests
 * that start `src/main.ts` to check something other than migrating: PGlite loads the dumped
 * snapshot (≈ 0.7 s) instead of running initdb and the migrations in the child (≈ 5 s idle,
 * several times that on a loaded machine).
 */
export async function migratedDataDir(prefix: string): Promise<string> {
  const dataDir = await mkdtemp(path.join(tmpdir(), prefix));
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create({
    dataDir: path.join(dataDir, 'pglite'),
    loadDataDir: await snapshot('migrated'),
  });
  await pglite.close();
  return dataDir;
}
