import { defineConfig } from 'vitest/config';

// Two projects over one suite: `unit` is everything; `db` is the subset that touches the
// database (files named *.db.test.ts), run again against PostgreSQL by `npm run test:postgres`.
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    // Limits for a loaded 2-core machine (other test files, other work), not an idle one: a
    // test that takes 2 s alone can take 10-20 s there, and opening a database in a hook
    // more than 30 s. Waits inside tests end when their condition holds, so a generous
    // limit costs nothing when all is well; it only tells a hang from a slow machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['tests/harness/global-setup.ts'],
    // Vitest's default on 2 cores is one worker; much of a file's time is waiting (child
    // processes, HTTP round trips, timers), so two keep both cores busy (≈ 400 s → 250 s).
    maxWorkers: 2,
    // Test files share their worker process (and its loaded modules) instead of each starting
    // a fresh one: loading the app (Bolt, Prisma's client, the features, the i18n catalogs)
    // cost each file ≈ 2 s of CPU idle and 25 s at load 20, most of the suite's time. Safe
    // because no test mocks modules or changes globals (no vi.mock, vi.stubEnv, fake timers),
    // each file opens and closes its own database and servers, and the one test about what a
    // fresh process loads (tests/run/lazy-modules.test.ts) asks a fresh process.
    isolate: false,
    projects: [
      { extends: true, test: { name: 'all', include: ['tests/**/*.test.ts'] } },
      { extends: true, test: { name: 'db', include: ['tests/**/*.db.test.ts'] } },
    ],
  },
});
