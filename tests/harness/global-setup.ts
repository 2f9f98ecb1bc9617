import { snapshot } from './test-database.js';

/**
 * Builds the PGlite snapshots once, before any worker starts, so parallel test files do not
 * each pay PGlite's initdb while racing to write the same file (test-database.ts).
 */
export default async function buildDatabaseSnapshots(): Promise<void> {
  if (process.env.LIAISON_TEST_DATABASE_URL) return;
  await snapshot('empty');
  await snapshot('migrated');
}
