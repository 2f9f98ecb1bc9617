import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { applyPendingMigrations, MigrationFailedError } from '../../src/db/migrator.js';
import { PROJECT_MIGRATIONS_DIR } from '../../src/db/paths.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { openEmptyTestDatabase, openTestDatabaseAt, type TestDatabase } from '../harness/test-database.js';

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
}

function captureLogger(): { logger: Logger; lines: () => Array<{ msg: string; migration?: string }> } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ level: 'debug', destination });
  return {
    logger,
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
  };
}

const quiet = (): Logger => captureLogger().logger;

async function migrationRows(db: Database): Promise<MigrationRow[]> {
  return db.withSqlSession((sql) =>
    sql.query<MigrationRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs
       FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
    ),
  );
}

async function tableExists(db: Database, table: string): Promise<boolean> {
  const [row] = await db.withSqlSession((sql) =>
    sql.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [`public."${table}"`]),
  );
  return row?.present === true;
}

const projectMigrationNames = async (): Promise<string[]> =>
  (await readdir(PROJECT_MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

describe('applyPendingMigrations', () => {
  let db: TestDatabase;
  let tempDir: string;

  beforeEach(async () => {
    db = await openEmptyTestDatabase();
    tempDir = await mkdtemp(path.join(tmpdir(), 'liaison-migrations-'));
  });
  afterEach(async () => {
    await db.close();
    await rm(tempDir, { recursive: true, force: true });
  });

  it('applies every migration to an empty database, then nothing on the second run', async () => {
    const names = await projectMigrationNames();

    const first = await applyPendingMigrations(db, {
      migrationsDir: PROJECT_MIGRATIONS_DIR,
      logger: quiet(),
    });
    const second = await applyPendingMigrations(db, {
      migrationsDir: PROJECT_MIGRATIONS_DIR,
      logger: quiet(),
    });

    expect(first.applied).toEqual(names);
    expect(second.applied).toEqual([]);
    const rows = await migrationRows(db);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const file = await readFile(path.join(PROJECT_MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(file).digest('hex'));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    expect(await tableExists(db, 'Workspace')).toBe(true);
  });

  it('stops on a broken migration, keeps none of it, and applies the fixed file on the next run', async () => {
    await writeMigration(tempDir, '20260101000000_good', 'CREATE TABLE "good" (id int);');
    await writeMigration(
      tempDir,
      '20260102000000_broken',
      'CREATE TABLE "half_done" (id int);\nINSERT INTO "no_such_table" VALUES (1);',
    );
    await writeMigration(tempDir, '20260103000000_later', 'CREATE TABLE "later" (id int);');

    const failure = await applyPendingMigrations(db, { migrationsDir: tempDir, logger: quiet() }).catch(
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(MigrationFailedError);
    expect(failure).toMatchObject({ migrationName: '20260102000000_broken' });
    expect(String((failure as Error).message)).toMatch(/20260102000000_broken.*no_such_table/);
    expect(await tableExists(db, 'good')).toBe(true);
    expect(await tableExists(db, 'half_done')).toBe(false);
    expect(await tableExists(db, 'later')).toBe(false);
    const broken = (await migrationRows(db)).filter((row) => row.migration_name === '20260102000000_broken');
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ finished_at: null, applied_steps_count: 0 });
    expect(broken[0]?.rolled_back_at).toBeInstanceOf(Date);
    expect(broken[0]?.logs).toMatch(/no_such_table/);

    await writeMigration(tempDir, '20260102000000_broken', 'CREATE TABLE "half_done" (id int);');
    const retry = await applyPendingMigrations(db, { migrationsDir: tempDir, logger: quiet() });

    expect(retry.applied).toEqual(['20260102000000_broken', '20260103000000_later']);
    expect(await tableExists(db, 'half_done')).toBe(true);
    const finished = (await migrationRows(db)).filter((row) => row.finished_at !== null);
    expect(finished.map((row) => row.migration_name)).toEqual([
      '20260101000000_good',
      '20260102000000_broken',
      '20260103000000_later',
    ]);
  });

  it('warns, and applies nothing, when an applied migration file was edited afterwards', async () => {
    await writeMigration(tempDir, '20260101000000_first', 'CREATE TABLE "first" (id int);');
    await applyPendingMigrations(db, { migrationsDir: tempDir, logger: quiet() });
    await writeMigration(tempDir, '20260101000000_first', 'CREATE TABLE "first" (id bigint);');
    const { logger, lines } = captureLogger();

    const rerun = await applyPendingMigrations(db, { migrationsDir: tempDir, logger });

    expect(rerun.applied).toEqual([]);
    expect(lines()).toContainEqual(
      expect.objectContaining({ migration: '20260101000000_first', msg: expect.stringMatching(/modified/) }),
    );
  });

  it('refuses to run past a migration another tool left half-applied', async () => {
    await writeMigration(tempDir, '20260101000000_first', 'CREATE TABLE "first" (id int);');
    await applyPendingMigrations(db, { migrationsDir: tempDir, logger: quiet() });
    await db.withSqlSession((sql) =>
      sql.exec(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name)
                VALUES ('00000000-0000-0000-0000-000000000001', 'x', '20260102000000_second')`),
    );
    await writeMigration(tempDir, '20260102000000_second', 'CREATE TABLE "second" (id int);');

    await expect(applyPendingMigrations(db, { migrationsDir: tempDir, logger: quiet() })).rejects.toThrow(
      /20260102000000_second.*neither finished nor rolled back/,
    );
  });

  it('applies each migration once when two processes start together (PostgreSQL)', async (context) => {
    if (db.url === undefined)
      return context.skip('needs LIAISON_TEST_DATABASE_URL: PGlite has one connection');
    const other = await openTestDatabaseAt(db.url);
    try {
      const runs = await Promise.all([
        applyPendingMigrations(db, { migrationsDir: PROJECT_MIGRATIONS_DIR, logger: quiet() }),
        applyPendingMigrations(other, { migrationsDir: PROJECT_MIGRATIONS_DIR, logger: quiet() }),
      ]);

      const names = await projectMigrationNames();
      // One applier did everything; the other waited on the lock, then found nothing to do.
      expect(runs.map((run) => run.applied.length).sort()).toEqual([0, names.length]);
      expect(runs.flatMap((run) => run.applied)).toEqual(names);
      expect((await migrationRows(db)).map((row) => row.migration_name)).toEqual(names);
    } finally {
      await other.close();
    }
  });
});

async function writeMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name), { recursive: true });
  await writeFile(path.join(dir, name, 'migration.sql'), sql);
}
