import path from 'node:path';
import { ensureEmbeddedInitialized } from '../embedded-initialization.js';
import type { PGliteThreadClient } from './pglite-thread-client.js';

// Light to import on purpose (main.ts imports it first thing): PGlite's modules load only when
// a thread starts.

/**
 * What the embedded PostgreSQL reserves inside PGlite's WebAssembly memory, which never
 * shrinks. PostgreSQL's default shared_buffers (128 MB) is sized for a server; Liaison's
 * database is a few MB and the operating system caches its files anyway, so 16 MB of
 * buffers costs no measurable speed and saves ≈ 130 MB of RSS (bench/README.md, footprint).
 */
export const EMBEDDED_SETTINGS = ['shared_buffers=16MB', 'wal_buffers=1MB', 'temp_buffers=2MB'];

const startedEarly = new Map<string, Promise<PGliteThreadClient>>();

/**
 * Starts the embedded database's thread on `dataDir` (initdb first when the directory is new):
 * main.ts calls it first thing, so PGlite loads and opens in its thread while the main thread
 * loads the app. `openEmbeddedThread` on the same directory takes it over.
 */
export function startEmbeddedThreadEarly(dataDir: string): void {
  const absoluteDir = path.resolve(dataDir);
  if (startedEarly.has(absoluteDir)) return;
  const starting = openThread(absoluteDir);
  // Whoever takes it over sees a failure; starting early alone must not crash on it.
  starting.catch(() => {});
  startedEarly.set(absoluteDir, starting);
}

/** The embedded database on `dataDir` in its own thread: the one started early, or a new one. */
export function openEmbeddedThread(dataDir: string): Promise<PGliteThreadClient> {
  const absoluteDir = path.resolve(dataDir);
  const early = startedEarly.get(absoluteDir);
  startedEarly.delete(absoluteDir);
  return early ?? openThread(absoluteDir);
}

/** An embedded database in memory, in its own thread (tests, benches), optionally from a dump. */
export async function openInMemoryThread(loadDataDir?: Blob): Promise<PGliteThreadClient> {
  const { PGliteThreadClient } = await import('./pglite-thread-client.js');
  return PGliteThreadClient.start({ settings: EMBEDDED_SETTINGS, ...(loadDataDir ? { loadDataDir } : {}) });
}

async function openThread(absoluteDir: string): Promise<PGliteThreadClient> {
  // Loaded only for the embedded database: PGlite's module is not needed on PostgreSQL.
  const [{ PGliteThreadClient }] = await Promise.all([
    import('./pglite-thread-client.js'),
    ensureEmbeddedInitialized(absoluteDir),
  ]);
  return PGliteThreadClient.start({ dataDir: absoluteDir, settings: EMBEDDED_SETTINGS });
}
