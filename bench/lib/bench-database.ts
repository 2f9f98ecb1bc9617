// The database a bench runs on: PGlite in memory, migrated; or, with a server URL (the benches'
// LIAISON_BENCH_DATABASE_URL), a throwaway PostgreSQL database dropped at the end.
import type { Logger } from 'pino';
import type { Database } from '../../src/db/database.js';
import { applyPendingMigrations } from '../../src/db/migrator.js';
import { openInMemoryDatabase } from '../../src/db/open-database.js';
import { PROJECT_MIGRATIONS_DIR } from '../../src/db/paths.js';
import { freshPostgres } from './fresh-postgres.js';

export async function openBenchDatabase(
  serverUrl: string | undefined,
  logger: Logger,
): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (!serverUrl) {
    const db = await openInMemoryDatabase();
    await applyPendingMigrations(db, { migrationsDir: PROJECT_MIGRATIONS_DIR, logger });
    return { db, drop: () => db.close() };
  }
  const { dbs, drop } = await freshPostgres(serverUrl, { handles: 1, logger });
  const [db] = dbs;
  if (!db) throw new Error('no database');
  return { db, drop };
}
