import { migratedTemplate, snapshot } from './test-database.js';

/**
 * Builds the PGlite snapshots (or, on PostgreSQL, the migrated template database) once,
 * before any worker starts, so parallel test files do not each pay PGlite's initdb, or the
 * migrations, while racing to write the same file (test-database.ts).
 */
export default async function buildDatabaseSnapshots(): Promise<void> {
  const serverUrl = process.env.LIAISON_TEST_DATABASE_URL;
  if (serverUrl) {
    await migratedTemplate(serverUrl);
    return;
  }
  await snapshot('empty');
  await snapshot('migrated');
}
