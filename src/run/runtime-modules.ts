// Everything `src/main.ts` needs once the configuration is known to be good. Loaded with a
// dynamic import after the configuration is read: the app's module graph (Bolt, Prisma,
// every feature) takes seconds to load, and a wrong setting should be reported at once.
export { startLocalConsole } from '../console/local-console.js';
export { applyPendingMigrations } from '../db/migrator.js';
export { openDatabase } from '../db/open-database.js';
export { startBackgroundWork } from '../jobs/start-background-work.js';
export { createLlmClient } from '../llm/create-llm-client.js';
export { systemClock } from '../modules/shared/clock.types.js';
export { singleTokenSource } from '../slack/workspace-clients.js';
export { buildSlackDeps } from '../wiring/build-slack-deps.js';
export { startHttpMode } from './http-mode.js';
export { startSocketMode } from './socket-mode.js';
