import { execFile } from 'node:child_process';
import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { copyEmbeddedTemplate, existingEmbeddedTemplate } from './embedded-template.js';

/**
 * What preparing a data directory did: nothing (it existed), or created it — as a copy of the
 * template `npm install` made, or by PGlite's initdb when there is none — and how long it took.
 */
export type EmbeddedInitialization =
  | { created: false }
  | { created: true; from: 'template' | 'initdb'; ms: number };

const pending = new Map<string, Promise<EmbeddedInitialization>>();

/**
 * Makes sure the embedded database's data directory exists and is initialized, once per
 * directory per process: main.ts calls it first thing, so the initdb child runs while this
 * process loads its modules, and opening the database awaits the same promise. Light to
 * import on purpose (no PGlite, no Prisma).
 */
export function ensureEmbeddedInitialized(dataDir: string): Promise<EmbeddedInitialization> {
  const absoluteDir = path.resolve(dataDir);
  let preparing = pending.get(absoluteDir);
  if (!preparing) {
    preparing = prepare(absoluteDir);
    // Whoever awaits it sees a failure; a caller that only started it early must not crash on it.
    preparing.catch(() => {});
    pending.set(absoluteDir, preparing);
  }
  return preparing;
}

async function prepare(absoluteDir: string): Promise<EmbeddedInitialization> {
  // PGlite creates its data directory but not the directory's parents.
  await mkdir(absoluteDir, { recursive: true });
  if (await isInitialized(absoluteDir)) return { created: false };
  const started = performance.now();
  const template = existingEmbeddedTemplate();
  if (template) await copyEmbeddedTemplate(template, absoluteDir);
  else await initializeInChildProcess(absoluteDir);
  return {
    created: true,
    from: template ? 'template' : 'initdb',
    ms: Math.round(performance.now() - started),
  };
}

async function isInitialized(dataDir: string): Promise<boolean> {
  try {
    await access(path.join(dataDir, 'PG_VERSION'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates a new data directory (PGlite's initdb, ≈ 5 s of CPU) in a short-lived child process,
 * when `npm install` left no template to copy. initdb runs in a WebAssembly instance of its
 * own, and what it touched stays in its process's RSS after it is done (≈ 450 MB more, idle,
 * for as long as Liaison runs; bench/README.md, footprint); a child gives all of it back when
 * it exits. Runs beside this process's own loading, on the very first start only.
 */
async function initializeInChildProcess(dataDir: string): Promise<void> {
  const script = [
    'const [moduleUrl, dataDir] = process.argv.slice(1);',
    'const { PGlite } = await import(moduleUrl);',
    'const db = await PGlite.create({ dataDir });',
    'await db.close();',
  ].join('\n');
  await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', script, import.meta.resolve('@electric-sql/pglite'), dataDir],
    { timeout: 5 * 60_000 },
  );
}
