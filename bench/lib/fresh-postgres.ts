// A throwaway PostgreSQL database for a bench: created on the server the bench was given,
// opened with the project's migrations applied, dropped (forcibly) at the end.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from '../../src/db/database.js';
import { applyPendingMigrations } from '../../src/db/migrator.js';
import { openDatabase } from '../../src/db/open-database.js';
import { PROJECT_MIGRATIONS_DIR } from '../../src/db/paths.js';

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a fresh database on `serverUrl` and opens `handles` Database handles on it (each
 * with its own pool, as replicas would have), migrated. `drop` closes them and drops it.
 */
export async function freshPostgres(
  serverUrl: string,
  options: { handles?: number; logger: Logger },
): Promise<{ url: string; dbs: Database[]; drop: () => Promise<void> }> {
  const name = `liaison_bench_${randomBytes(5).toString('hex')}`;
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const open = () =>
    openDatabase({
      url: url.toString(),
      embeddedDataDir: 'unused',
      poolMax: 6,
      acquireTimeoutMs: 10_000,
      logger: options.logger,
    });
  const dbs = [await open()];
  await applyPendingMigrations(dbs[0] as Database, {
    migrationsDir: PROJECT_MIGRATIONS_DIR,
    logger: options.logger,
  });
  for (let i = 1; i < (options.handles ?? 1); i++) dbs.push(await open());
  return {
    url: url.toString(),
    dbs,
    drop: async () => {
      for (const db of dbs) await db.close();
      await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
