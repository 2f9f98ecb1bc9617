// Applies prisma/migrations/<name>/migration.sql at start, the way `prisma migrate deploy`
// would, but without the Prisma CLI (which needs several workarounds offline). Progress is
// recorded in Prisma's own `_prisma_migrations` table so Prisma's tools read the same history.

import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger.js';
import type { Database, SqlRunner } from './database.js';

export interface MigrationOptions {
  /** The folder holding one sub-folder per migration, each with a migration.sql. */
  migrationsDir: string;
  logger: Logger;
}

/** A migration that could not be applied. Its transaction was rolled back: nothing of it remains. */
export class MigrationFailedError extends Error {
  override readonly name = 'MigrationFailedError';

  constructor(
    readonly migrationName: string,
    readonly databaseMessage: string,
    options?: { cause?: unknown },
  ) {
    super(
      `Migration "${migrationName}" failed and was rolled back: ${databaseMessage}. ` +
        `Fix ${migrationName}/migration.sql; it is retried at the next start.`,
      options,
    );
  }
}

/** The key `prisma migrate` locks, so our migrator and Prisma's never run at the same time. */
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

// Prisma's own DDL for the table (schema-engine, PostgreSQL flavour).
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export async function applyPendingMigrations(
  db: Database,
  { migrationsDir, logger }: MigrationOptions,
): Promise<{ applied: string[] }> {
  const files = await readMigrationFiles(migrationsDir);
  return db.withSqlSession(async (sql) =>
    withMigrationLock(sql, logger, async () => {
      await sql.exec(CREATE_MIGRATIONS_TABLE);
      const rows = await sql.query<MigrationRow>(
        'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
      );
      const pending = selectPending(files, rows, logger);
      const applied: string[] = [];
      for (const migration of pending) {
        await applyOne(sql, migration, logger);
        applied.push(migration.name);
      }
      logger.info({ applied, upToDate: files.length - pending.length }, 'Database migrations checked');
      return { applied };
    }),
  );
}

/** Lexical order of the folder names, which start with a UTC timestamp (as Prisma does). */
export async function readMigrationFiles(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const file = path.join(migrationsDir, name, 'migration.sql');
    const bytes = await readFile(file).catch((error: unknown) => {
      throw new Error(`Migration folder ${name} has no readable migration.sql (${file})`, { cause: error });
    });
    // Prisma's checksum: SHA-256 of the file's bytes, lowercase hex.
    files.push({
      name,
      sql: bytes.toString('utf8'),
      checksum: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  return files;
}

function selectPending(files: MigrationFile[], rows: MigrationRow[], logger: Logger): MigrationFile[] {
  const byName = new Map<string, MigrationRow[]>();
  for (const row of rows) byName.set(row.migration_name, [...(byName.get(row.migration_name) ?? []), row]);
  const onDisk = new Set(files.map((file) => file.name));
  for (const name of byName.keys()) {
    // An older replica meeting a newer database during a rolling deploy: keep going.
    if (!onDisk.has(name))
      logger.warn({ migration: name }, 'An applied migration is missing from the migrations folder');
  }
  return files.filter((file) => {
    const history = byName.get(file.name) ?? [];
    const unresolved = history.find((row) => row.finished_at === null && row.rolled_back_at === null);
    if (unresolved) {
      // Only a tool other than ours leaves this (we record failures as rolled back); the
      // schema may be half-changed, so a human must look before anything else runs.
      throw new MigrationFailedError(
        file.name,
        'it is recorded as started but neither finished nor rolled back (by another tool); inspect the schema, ' +
          'then set rolled_back_at on that _prisma_migrations row',
      );
    }
    const done = history.find((row) => row.finished_at !== null && row.rolled_back_at === null);
    if (!done) return true;
    if (done.checksum !== file.checksum) {
      // Prisma warns rather than fails here too: the file was edited after it was applied.
      logger.warn(
        { migration: file.name, appliedChecksum: done.checksum, fileChecksum: file.checksum },
        'An applied migration was modified after it was applied; the change is NOT applied',
      );
    }
    return false;
  });
}

/**
 * One migration in one transaction, its record included, so a crash or an error leaves
 * either all of it or none of it. A failure is recorded with `rolled_back_at` set rather
 * than left as Prisma's "failed" state (finished_at and rolled_back_at both null): the
 * transaction really did roll back, so this is the true state, `prisma migrate status`
 * shows the attempt and its error in `logs`, and the fixed file is applied at the next
 * start without anyone running `prisma migrate resolve`.
 */
async function applyOne(sql: SqlRunner, migration: MigrationFile, logger: Logger): Promise<void> {
  const startedAt = Date.now();
  await sql.exec('BEGIN');
  try {
    await sql.exec(migration.sql);
    await sql.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, $4, now(), 1)`,
      [randomUUID(), migration.checksum, migration.name, new Date(startedAt)],
    );
    await sql.exec('COMMIT');
  } catch (error) {
    await sql.exec('ROLLBACK').catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    await recordFailure(sql, migration, message, startedAt, logger);
    throw new MigrationFailedError(migration.name, message, { cause: error });
  }
  logger.info(
    { migration: migration.name, durationMs: Date.now() - startedAt },
    'Applied database migration',
  );
}

async function recordFailure(
  sql: SqlRunner,
  migration: MigrationFile,
  message: string,
  startedAt: number,
  logger: Logger,
): Promise<void> {
  try {
    await sql.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, rolled_back_at, applied_steps_count)
       VALUES ($1, $2, $3, $4, $5, now(), 0)`,
      [randomUUID(), migration.checksum, migration.name, message, new Date(startedAt)],
    );
  } catch (error) {
    // The connection itself may be gone; the migration error is the one worth reporting.
    logger.error({ err: error, migration: migration.name }, 'Could not record the failed migration');
  }
}

/** A session advisory lock: replicas starting together apply each migration once. */
async function withMigrationLock<T>(sql: SqlRunner, logger: Logger, work: () => Promise<T>): Promise<T> {
  const [attempt] = await sql.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
    PRISMA_MIGRATE_LOCK_KEY,
  ]);
  if (!attempt?.locked) {
    logger.info('Another process is applying migrations; waiting for it to finish');
    await sql.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK_KEY]);
  }
  try {
    return await work();
  } finally {
    // If this fails the connection is broken, and closing it releases the lock anyway.
    await sql.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK_KEY]).catch(() => undefined);
  }
}
