import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureEmbeddedInitialized } from '../../src/db/embedded-initialization.js';
import {
  copyEmbeddedTemplate,
  existingEmbeddedTemplate,
  writeEmbeddedTemplate,
} from '../../src/db/embedded-template.js';
import { openEmbeddedThread } from '../../src/db/embedded-thread/start-embedded-thread.js';

// `npm install` makes the template (package.json, postinstall); a checkout installed another
// way makes it here once (PGlite's initdb, ≈ 5 s idle, much more on a loaded machine).
let template = '';
let root = '';
beforeAll(async () => {
  template = existingEmbeddedTemplate() ?? (await writeEmbeddedTemplate());
  root = await mkdtemp(path.join(tmpdir(), 'liaison-template-'));
}, 180_000);
afterAll(() => rm(root, { recursive: true, force: true }));

describe('a new embedded database', () => {
  it('is a copy of the template npm install made, opens, and takes writes that stay in it', async () => {
    const dataDir = path.join(root, 'first', 'pglite');
    expect(await ensureEmbeddedInitialized(dataDir)).toMatchObject({ created: true, from: 'template' });
    const db = await openEmbeddedThread(dataDir);
    try {
      await db.exec('CREATE TABLE note (text text); INSERT INTO note VALUES ($$kept$$)');
      expect((await db.query<{ text: string }>('SELECT text FROM note')).rows).toEqual([{ text: 'kept' }]);
    } finally {
      await db.close();
    }
    // The copy is the database's own: the next new database holds no table of it.
    const second = path.join(root, 'second', 'pglite');
    expect(await ensureEmbeddedInitialized(second)).toMatchObject({ created: true, from: 'template' });
    const other = await openEmbeddedThread(second);
    try {
      const tables = await other.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'note'",
      );
      expect(tables.rows).toEqual([{ n: 0 }]);
    } finally {
      await other.close();
    }
    expect(readdirSync(path.dirname(dataDir))).toEqual(['pglite']);
  }, 120_000);

  it('is never half a copy: a copy that fails leaves the directory as it was and nothing beside it', async () => {
    const dataDir = path.join(root, 'failed', 'pglite');
    mkdirSync(dataDir, { recursive: true });
    await expect(copyEmbeddedTemplate(path.join(root, 'no-such-template'), dataDir)).rejects.toThrow();
    expect(readdirSync(dataDir)).toEqual([]);
    expect(readdirSync(path.dirname(dataDir))).toEqual(['pglite']);
  });

  it('does not replace a directory that already holds files', async () => {
    const dataDir = path.join(root, 'taken', 'pglite');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path.join(dataDir, 'notes.txt'), 'mine');
    await expect(copyEmbeddedTemplate(template, dataDir)).rejects.toThrow(/ENOTEMPTY|EEXIST/);
    expect(readdirSync(dataDir)).toEqual(['notes.txt']);
    expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(false);
    expect(readdirSync(path.dirname(dataDir))).toEqual(['pglite']);
  });
});
