// `npm run db:new -- <name>`: writes prisma/migrations/<UTC timestamp>_<name>/migration.sql
// from the difference between the migrations folder and prisma/schema.prisma. Offline.
import path from 'node:path';
import {
  createMigration,
  InvalidMigrationNameError,
  validateMigrationName,
} from '../src/db/migration-author.js';
import { PROJECT_MIGRATIONS_DIR, PROJECT_ROOT } from '../src/db/paths.js';

async function main(args: string[]): Promise<number> {
  const [name, ...extra] = args;
  if (name === undefined || extra.length > 0) {
    console.error('Usage: npm run db:new -- <name>   (for example: npm run db:new -- add_meeting_table)');
    return 1;
  }
  try {
    validateMigrationName(name);
  } catch (error) {
    if (error instanceof InvalidMigrationNameError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }

  const result = await createMigration({
    name,
    now: new Date(),
    migrationsDir: PROJECT_MIGRATIONS_DIR,
    schemaPath: path.join(PROJECT_ROOT, 'prisma', 'schema.prisma'),
    env: process.env,
  });
  if (result.status === 'no-change') {
    console.log('No change: prisma/schema.prisma matches the migrations folder. Nothing written.');
    return 0;
  }
  console.log(`Created ${path.relative(process.cwd(), result.file)}`);
  console.log('Review it, then commit it with the schema change. Liaison applies it at the next start.');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
