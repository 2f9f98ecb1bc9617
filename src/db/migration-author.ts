// Authoring migrations offline (`npm run db:new -- <name>`): the SQL that takes a database
// built from the migrations folder to what prisma/schema.prisma describes, computed by
// `prisma migrate diff` (see src/db/prisma-cli-workarounds.ts for why it runs this way).

import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PROJECT_ROOT } from './paths.js';

export class InvalidMigrationNameError extends Error {
  override readonly name = 'InvalidMigrationNameError';
}

export interface DiffOptions {
  migrationsDir: string;
  schemaPath: string;
  /** The CLI's environment (the caller's `process.env`); telemetry is switched off on top. */
  env: NodeJS.ProcessEnv;
  /** The CLI is killed after this long, so a stuck run fails instead of hanging. */
  timeoutMs?: number;
}

export type CreateMigrationResult =
  | { status: 'created'; folder: string; file: string }
  | { status: 'no-change' };

const MIGRATION_NAME = /^[a-z][a-z0-9_]{0,62}$/;
const DEFAULT_TIMEOUT_MS = 120_000;

/** Refuses names that would make awkward folder names; returns the name unchanged. */
export function validateMigrationName(name: string): string {
  if (!MIGRATION_NAME.test(name) || name.endsWith('_') || name.includes('__')) {
    throw new InvalidMigrationNameError(
      `Invalid migration name "${name}": use 1–63 lowercase letters, digits and single underscores, ` +
        'starting with a letter (for example add_meeting_table).',
    );
  }
  return name;
}

/** `<UTC yyyyMMddHHmmss>_<name>`, the folder naming Prisma uses, so lexical order is time order. */
export function migrationFolderName(name: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, '')
    .replace(/[-T:]/g, '');
  return `${stamp}_${validateMigrationName(name)}`;
}

/** The SQL needed to bring the migrations up to the schema, or null when they already agree. */
export async function diffMigrationsToSchema(options: DiffOptions): Promise<string | null> {
  const { code, stdout, stderr } = await runPrismaCli(
    [
      'migrate',
      'diff',
      '--config',
      path.join(PROJECT_ROOT, 'prisma.config.ts'),
      '--from-migrations',
      options.migrationsDir,
      '--to-schema-datamodel',
      options.schemaPath,
      '--script',
      '--exit-code',
    ],
    options.env,
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  );
  // With --exit-code: 0 = no difference, 2 = a difference (the script is on stdout), else an error.
  if (code === 0) return null;
  if (code === 2) return stdout;
  throw new Error(`prisma migrate diff failed (exit code ${code}):\n${stderr.trim() || stdout.trim()}`);
}

/** Writes `<migrationsDir>/<timestamp>_<name>/migration.sql` when the schema has changed. */
export async function createMigration(
  options: DiffOptions & { name: string; now: Date },
): Promise<CreateMigrationResult> {
  const folder = migrationFolderName(options.name, options.now);
  const existing = await listMigrationFolders(options.migrationsDir);
  const latest = existing.at(-1);
  if (latest !== undefined && folder <= latest) {
    throw new Error(
      `New migration ${folder} would not sort after the latest one, ${latest}: is the clock behind? ` +
        'Migrations are applied in folder-name order.',
    );
  }
  const sql = await diffMigrationsToSchema(options);
  if (sql === null) return { status: 'no-change' };
  const dir = path.join(options.migrationsDir, folder);
  await mkdir(dir);
  const file = path.join(dir, 'migration.sql');
  await writeFile(file, sql);
  return { status: 'created', folder, file };
}

async function listMigrationFolders(migrationsDir: string): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the project's own Prisma CLI (never a global one) with node, capturing its output. */
async function runPrismaCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<CliResult> {
  const require = createRequire(import.meta.url);
  const packageJsonPath = require.resolve('prisma/package.json');
  const { bin } = JSON.parse(await readFile(packageJsonPath, 'utf8')) as { bin: { prisma: string } };
  const cli = path.join(path.dirname(packageJsonPath), bin.prisma);

  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: PROJECT_ROOT,
      // No telemetry or update check: they need hosts these machines cannot reach.
      env: { ...env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`prisma ${args.slice(0, 2).join(' ')} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
