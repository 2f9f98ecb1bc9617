import { mkdtemp, rm } from 'node:fs/promises';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPendingMigrations } from '../../src/db/migrator.js';
import { openDatabase } from '../../src/db/open-database.js';
import { PROJECT_MIGRATIONS_DIR } from '../../src/db/paths.js';
import { openTestDatabase, type TestDatabase } from '../harness/test-database.js';

const logger = pino({ level: 'silent' });
const settings = { poolMax: 2, acquireTimeoutMs: 2_000, logger };

describe('openTestDatabase', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('answers ping and serves Prisma on the migrated schema', async () => {
    await db.ping();
    const created = await db.prisma.workspace.create({
      data: { slackTeamId: 'T-open-1', name: 'Acme', defaultLocale: 'en', defaultTimeZone: 'UTC' },
    });

    const found = await db.prisma.workspace.findUnique({ where: { slackTeamId: 'T-open-1' } });

    expect(found?.id).toBe(created.id);
  });

  it('gives a raw session with multi-statement exec and parameterised query', async () => {
    const rows = await db.withSqlSession(async (sql) => {
      await sql.exec('CREATE TEMP TABLE scratch (n int); INSERT INTO scratch VALUES (1), (2), (3);');
      return sql.query<{ total: number }>('SELECT sum(n)::int AS total FROM scratch WHERE n >= $1', [2]);
    });

    expect(rows).toEqual([{ total: 5 }]);
  });
});

describe('openDatabase', () => {
  it('keeps embedded data across a restart, creating missing parent folders', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'liaison-pglite-'));
    const embeddedDataDir = path.join(root, 'nested', 'data', 'pglite');
    try {
      const first = await openDatabase({ embeddedDataDir, ...settings });
      await applyPendingMigrations(first, { migrationsDir: PROJECT_MIGRATIONS_DIR, logger });
      await first.prisma.workspace.create({
        data: { slackTeamId: 'T-restart', name: 'Restart Co', defaultLocale: 'en', defaultTimeZone: 'UTC' },
      });
      await first.close();

      const second = await openDatabase({ embeddedDataDir, ...settings });
      try {
        expect(second.kind).toBe('embedded');
        const again = await applyPendingMigrations(second, { migrationsDir: PROJECT_MIGRATIONS_DIR, logger });
        const found = await second.prisma.workspace.findUnique({ where: { slackTeamId: 'T-restart' } });
        expect(again.applied).toEqual([]);
        expect(found?.name).toBe('Restart Co');
        // Sized for Liaison, not for a server: the buffers PGlite reserves in its memory (issue 16).
        const buffers = await second.withSqlSession((sql) =>
          sql.query<{ shared_buffers: string }>('SHOW shared_buffers'),
        );
        expect(buffers).toEqual([{ shared_buffers: '16MB' }]);
      } finally {
        await second.close();
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('rejects ping after close instead of hanging', async () => {
    const db = await openTestDatabase();
    await db.close();

    await expect(db.ping()).rejects.toThrow(/closed/);
    await expect(db.withSqlSession((sql) => sql.query('SELECT 1'))).rejects.toThrow(/closed/);
    await db.close(); // a second close is harmless
  });

  it('rejects ping within the acquire timeout when the server never answers', async () => {
    // A TCP server that accepts connections and then says nothing: the worst kind of dead.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const acquireTimeoutMs = 500;
    const db = await openDatabase({
      url: `postgres://nobody@127.0.0.1:${port}/none`,
      embeddedDataDir: 'unused',
      ...settings,
      acquireTimeoutMs,
    });
    try {
      const started = Date.now();
      await expect(db.ping()).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(acquireTimeoutMs + 1_500);
    } finally {
      await db.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('refuses a URL it does not understand rather than falling back to the embedded database', async () => {
    await expect(
      openDatabase({ url: 'mysql://root:secret@db/liaison', embeddedDataDir: 'unused', ...settings }),
    ).rejects.toThrow(/Unsupported database URL scheme.*mysql:\/\/root:\*\*\*@db\/liaison/);
  });
});
