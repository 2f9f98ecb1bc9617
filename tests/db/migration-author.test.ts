// `npm run db:new` and the drift check. These run the real Prisma CLI (≈ 5–10 s each).
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createMigration,
  diffMigrationsToSchema,
  InvalidMigrationNameError,
  migrationFolderName,
  validateMigrationName,
} from '../../src/db/migration-author.js';
import { PROJECT_MIGRATIONS_DIR, PROJECT_ROOT } from '../../src/db/paths.js';

const PROJECT_SCHEMA = path.join(PROJECT_ROOT, 'prisma', 'schema.prisma');
const CLI_TIMEOUT = 90_000;

describe('migration names', () => {
  it.each(['add_meeting_table', 'v2', 'a'])('accepts %s', (name) => {
    expect(validateMigrationName(name)).toBe(name);
  });

  it.each([
    '',
    'Add-Table',
    'has space',
    '1starts_with_digit',
    'trailing_',
    'double__underscore',
    'x'.repeat(64),
  ])('refuses %j', (name) => {
    expect(() => validateMigrationName(name)).toThrow(InvalidMigrationNameError);
  });

  it('prefixes the UTC timestamp, as Prisma does', () => {
    expect(migrationFolderName('add_x', new Date('2026-12-01T08:09:10.123Z'))).toBe('20261201080910_add_x');
  });
});

describe('createMigration (`npm run db:new`)', () => {
  let dir: string;
  let migrationsDir: string;
  let schemaPath: string;

  // The project's migrations and schema, copied so a test can change them freely.
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'liaison-db-new-'));
    migrationsDir = path.join(dir, 'migrations');
    schemaPath = path.join(dir, 'schema.prisma');
    await cp(PROJECT_MIGRATIONS_DIR, migrationsDir, { recursive: true });
    await writeFile(schemaPath, await readFile(PROJECT_SCHEMA, 'utf8'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const paths = () => ({ migrationsDir, schemaPath, env: process.env });

  it(
    'finds no drift: schema.prisma matches the migrations, so nothing is written (else run `npm run db:new -- <name>`)',
    async () => {
      const before = await readdir(migrationsDir);

      const result = await createMigration({
        ...paths(),
        name: 'drift_check',
        now: new Date('2099-01-01T00:00:00Z'),
      });

      const missingSql =
        result.status === 'created'
          ? await readFile(result.file, 'utf8')
          : '(none: schema and migrations agree)';
      expect(result, `schema.prisma changed without a migration; missing SQL:\n${missingSql}`).toEqual({
        status: 'no-change',
      });
      expect(await readdir(migrationsDir)).toEqual(before);
    },
    CLI_TIMEOUT,
  );

  it(
    'writes the SQL for a schema change into a timestamped folder',
    async () => {
      await writeFile(
        schemaPath,
        `${await readFile(schemaPath, 'utf8')}\nmodel Widget {\n  id String @id\n}\n`,
      );

      const created = await createMigration({
        ...paths(),
        name: 'add_widget',
        now: new Date('2099-01-02T03:04:05Z'),
      });

      expect(created).toMatchObject({ status: 'created', folder: '20990102030405_add_widget' });
      const sql = await readFile(
        path.join(migrationsDir, '20990102030405_add_widget', 'migration.sql'),
        'utf8',
      );
      expect(sql).toMatch(/CREATE TABLE "Widget"/);
    },
    CLI_TIMEOUT,
  );

  it(
    'fails naming the migration when an existing migration does not apply',
    async () => {
      await mkdir(path.join(migrationsDir, '20990101000000_broken'));
      await writeFile(
        path.join(migrationsDir, '20990101000000_broken', 'migration.sql'),
        'ALTER TABLE "Nope" ADD x int;',
      );

      await expect(diffMigrationsToSchema(paths())).rejects.toThrow(
        /20990101000000_broken[\s\S]*`Nope` does not exist/,
      );
    },
    CLI_TIMEOUT,
  );

  it('refuses a folder that would sort before the latest migration', async () => {
    await expect(
      createMigration({
        migrationsDir,
        schemaPath,
        env: process.env,
        name: 'late',
        now: new Date('2020-01-01T00:00:00Z'),
      }),
    ).rejects.toThrow(/would not sort after the latest one/);
  });
});
