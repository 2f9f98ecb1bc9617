import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, rename, rm, rmdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PROJECT_ROOT } from './paths.js';

// A new embedded database starts as a copy of a pristine data directory (PGlite's initdb, run
// once at `npm install`) instead of running initdb: ≈ 0.5 s of file copying instead of ≈ 5 s of
// CPU on the first start (bench/README.md, issue 16). Light to import on purpose: main.ts
// reaches it first thing.

/** PGlite's version: a data directory made by one version is only for that version. */
function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  // The package exports no package.json; its entry lives in dist/, next to it.
  const entry = require.resolve('@electric-sql/pglite');
  const manifest = JSON.parse(readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/** Where the template for the installed PGlite lives: a cache of node_modules, remade with it. */
export function embeddedTemplateDir(): string {
  return path.join(PROJECT_ROOT, 'node_modules', '.cache', 'liaison', `pglite-${pgliteVersion()}-initdb`);
}

/** The template for the installed PGlite, when `npm install` made one. */
export function existingEmbeddedTemplate(): string | undefined {
  const dir = embeddedTemplateDir();
  return existsSync(path.join(dir, 'PG_VERSION')) ? dir : undefined;
}

/**
 * Copies `template` to `dataDir` through a sibling directory renamed at the end: a copy cut
 * short (a crash, a full disk) never looks like a database. `dataDir` must not hold one yet
 * (an empty directory is replaced).
 */
export async function copyEmbeddedTemplate(template: string, dataDir: string): Promise<void> {
  const partial = `${dataDir}.copying-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  try {
    await cp(template, partial, { recursive: true });
    // Only an empty directory goes (ENOTEMPTY otherwise: whatever is there is not ours to delete).
    await rmdir(dataDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rename(partial, dataDir);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Runs PGlite's initdb into the template directory, built aside and renamed so a reader never
 * sees half of it. Nothing but PostgreSQL's own catalog: Liaison's migrations still run at
 * start, from the checkout's files.
 */
export async function writeEmbeddedTemplate(): Promise<string> {
  const dir = embeddedTemplateDir();
  const partial = `${dir}.${process.pid}`;
  await mkdir(path.dirname(dir), { recursive: true });
  await rm(partial, { recursive: true, force: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({ dataDir: partial });
  await db.close();
  await rm(dir, { recursive: true, force: true });
  await rename(partial, dir);
  return dir;
}
