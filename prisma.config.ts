// Prisma CLI configuration. Liaison applies migrations itself at start (src/db/migrator.ts);
// the CLI only generates the client (`prisma generate`, no database needed) and authors
// migrations (`npm run db:new -- <name>` → `prisma migrate diff`). Offline, that needs the
// JavaScript schema engine and a driver adapter: see src/db/prisma-cli-workarounds.ts.
import { defineConfig } from 'prisma/config';
import { assertDiffOnlyCommand, createCliAdapterFactory } from './src/db/prisma-cli-workarounds.js';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  experimental: { adapter: true },
  engine: 'js',
  // Called by the CLI only for commands that touch a database, never by `prisma generate`.
  adapter: async () => {
    assertDiffOnlyCommand(process.argv.slice(2));
    return createCliAdapterFactory();
  },
});
