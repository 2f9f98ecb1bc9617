import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_STAMP, startEntry } from '../../scripts/start-entry.mjs';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A project with sources and (optionally) a build, every file dated `at` (seconds). */
function project({ built }: { built: boolean }, at = 1_000_000) {
  root = mkdtempSync(path.join(tmpdir(), 'liaison-start-'));
  const files = ['src/main.ts', 'src/slack/app.ts', ...(built ? ['dist/main.js', BUILD_STAMP] : [])];
  for (const file of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), '');
  }
  for (const file of [...files, 'src/slack', 'src', ...(built ? ['dist'] : [])]) dateAt(file, at);
  return root;
}

function dateAt(file: string, seconds: number) {
  utimesSync(path.join(root, file), seconds, seconds);
}

describe('what npm start runs', () => {
  it('runs the sources through tsx when nothing was built', () => {
    expect(startEntry(project({ built: false }))).toEqual({
      kind: 'sources',
      file: path.join(root, 'src', 'main.ts'),
    });
  });

  it('runs the compiled build when it was built after every source changed', () => {
    project({ built: true });
    dateAt(BUILD_STAMP, 1_000_100);
    expect(startEntry(root)).toEqual({ kind: 'dist', file: path.join(root, 'dist', 'main.js') });
  });

  it('runs the sources again once any of them, however deep, changed after the build', () => {
    project({ built: true });
    dateAt(BUILD_STAMP, 1_000_100);
    dateAt('src/slack/app.ts', 1_000_200);
    expect(startEntry(root).kind).toBe('sources');
  });

  it('runs the sources again once a source file was deleted after the build', () => {
    project({ built: true });
    dateAt(BUILD_STAMP, 1_000_100);
    rmSync(path.join(root, 'src/slack/app.ts'));
    expect(startEntry(root).kind).toBe('sources');
  });

  it('runs the sources when the build was never finished (tsc writes the stamp last)', () => {
    project({ built: true });
    rmSync(path.join(root, BUILD_STAMP));
    expect(startEntry(root).kind).toBe('sources');
  });
});
