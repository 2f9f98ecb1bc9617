// One test (at least) per workaround in src/db/prisma-cli-workarounds.ts. Where the upstream
// bug can be shown cheaply, a "still needed" test shows it: when that test fails after an
// upgrade, the workaround can go.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/db/paths.js';
import {
  assertDiffOnlyCommand,
  createCliAdapterFactory,
  withMultiStatementExecuteRaw,
} from '../../src/db/prisma-cli-workarounds.js';

const script = (sql: string) => ({ sql, args: [], argTypes: [] });
const TWO_STATEMENTS = 'CREATE TABLE a (n int); INSERT INTO a VALUES (41), (1);';

describe('workaround 1: multi-statement executeRaw on the shadow database', () => {
  it('is still needed: the stock adapter refuses several statements in executeRaw', async () => {
    const pglite = await PGlite.create();
    try {
      const stock = await new PrismaPGlite(pglite).connect();
      await expect(stock.executeRaw(script(TWO_STATEMENTS))).rejects.toThrow(/multiple commands/);
    } finally {
      await pglite.close();
    }
  });

  it('runs a whole migration file and reports a failing one with PostgreSQL’s message', async () => {
    const pglite = await PGlite.create();
    try {
      const adapter = withMultiStatementExecuteRaw(await new PrismaPGlite(pglite).connect(), pglite);

      await adapter.executeRaw(script(TWO_STATEMENTS));
      const failure = await adapter
        .executeRaw(script('SELECT * FROM missing_table;'))
        .catch((e: unknown) => e);

      expect((await pglite.query<{ total: number }>('SELECT sum(n)::int AS total FROM a')).rows).toEqual([
        { total: 42 },
      ]);
      // The shape Prisma's isDriverAdapterError() recognises, so the CLI prints the message.
      expect(failure).toMatchObject({
        name: 'DriverAdapterError',
        cause: { kind: 'postgres', code: '42P01', message: expect.stringMatching(/missing_table/) },
      });
    } finally {
      await pglite.close();
    }
  });

  it('still sends calls with arguments through the adapter (prepared statements)', async () => {
    const factory = createCliAdapterFactory();
    const shadow = await factory.connectToShadowDb();
    try {
      await shadow.executeRaw(script('CREATE TABLE b (n int)'));
      const inserted = await shadow.executeRaw({
        sql: 'INSERT INTO b VALUES ($1)',
        args: [7],
        argTypes: [] as never,
      });
      expect(inserted).toBe(1);
    } finally {
      await shadow.dispose();
    }
  });
});

describe('workaround 2: every PGlite closes when the shadow database is disposed', () => {
  it('closes the main connection the CLI never disposes', async () => {
    const factory = createCliAdapterFactory();
    const main = await factory.connect();
    const shadow = await factory.connectToShadowDb();
    await main.queryRaw(script('SELECT 1'));

    await shadow.dispose();

    await expect(main.queryRaw(script('SELECT 1'))).rejects.toThrow(/closed/i);
  });

  it('lets a process that used both connections exit promptly', async () => {
    // Without the workaround PGlite's timer keeps such a process alive for ~10 s more. The
    // timer is armed once a query has touched a table, as the CLI's version check does.
    const child = `
      import { createCliAdapterFactory } from './src/db/prisma-cli-workarounds.ts';
      const factory = createCliAdapterFactory();
      const main = await factory.connect();
      await main.queryRaw({ sql: 'SELECT count(*) FROM pg_namespace', args: [], argTypes: [] });
      const shadow = await factory.connectToShadowDb();
      await shadow.executeRaw({ sql: 'CREATE TABLE t (n int); SELECT 1;', args: [], argTypes: [] });
      await shadow.dispose();
      console.log('done');
    `;
    const { code, msFromDoneToExit } = await runNodeSnippet(child);

    expect(code).toBe(0);
    expect(msFromDoneToExit).toBeLessThan(3_000);
  }, 60_000);
});

describe('workaround 3: only `prisma migrate diff` may use the config’s throwaway database', () => {
  it('allows migrate diff', () => {
    expect(() => assertDiffOnlyCommand(['migrate', 'diff', '--from-migrations', 'x'])).not.toThrow();
  });

  it.each([
    [['migrate', 'deploy']],
    [['migrate', 'status']],
    [['migrate', 'dev', '--name', 'x']],
    [['db', 'push']],
  ])('refuses %j with a pointer to db:new', (argv) => {
    expect(() => assertDiffOnlyCommand(argv)).toThrow(/only supports `prisma migrate diff`.*db:new/);
  });
});

describe('prisma.config.ts', () => {
  it('lets `prisma generate` run offline and exit promptly', async () => {
    // Generates into a temporary folder so the project's src/generated is left alone.
    const dir = await mkdtemp(path.join(tmpdir(), 'liaison-generate-'));
    try {
      const schema = (await readFile(path.join(PROJECT_ROOT, 'prisma', 'schema.prisma'), 'utf8')).replace(
        'output          = "../src/generated/prisma"',
        `output          = "${path.join(dir, 'generated')}"`,
      );
      await writeFile(path.join(dir, 'schema.prisma'), schema);
      const started = Date.now();
      const { code, stdout } = await runPrisma(['generate', '--schema', path.join(dir, 'schema.prisma')]);

      expect(stdout).toMatch(/Generated Prisma Client/);
      expect(code).toBe(0);
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses database commands other than migrate diff', async () => {
    const { code, stderr } = await runPrisma(['migrate', 'status']);

    expect(code).not.toBe(0);
    expect(stderr).toMatch(/only supports `prisma migrate diff`/);
  }, 60_000);
});

function runPrisma(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return run(process.execPath, [
    path.join(PROJECT_ROOT, 'node_modules', 'prisma', 'build', 'index.js'),
    ...args,
  ]);
}

async function runNodeSnippet(source: string): Promise<{ code: number | null; msFromDoneToExit: number }> {
  let doneAt = Number.NaN;
  const result = await run(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', source],
    (chunk) => {
      if (chunk.includes('done')) doneAt = Date.now();
    },
  );
  return { code: result.code, msFromDoneToExit: result.exitedAt - doneAt };
}

function run(
  command: string,
  args: string[],
  onStdout?: (chunk: string) => void,
): Promise<{ code: number | null; stdout: string; stderr: string; exitedAt: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CHECKPOINT_DISABLE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      onStdout?.(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, exitedAt: Date.now() }));
  });
}
