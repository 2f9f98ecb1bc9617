// Which entry `npm start` runs (scripts/start.mjs): the compiled build in dist/ when it was
// built after the last change to any source file, else the sources themselves through tsx —
// an edited checkout never runs stale code.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Written by `npm run build` once tsc has emitted everything (package.json). */
export const BUILD_STAMP = path.join('dist', '.built');

/** The newest modification time under `dir`, directories included (a deletion changes its directory's). */
function newestChange(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const entryPath = path.join(dir, entry.name);
    const changed = entry.isDirectory() ? newestChange(entryPath) : statSync(entryPath).mtimeMs;
    if (changed > newest) newest = changed;
  }
  return newest;
}

function builtAt(root) {
  try {
    return statSync(path.join(root, BUILD_STAMP)).mtimeMs;
  } catch {
    return undefined; // never built, or the build failed before its end
  }
}

/**
 * `{ kind: 'dist', file }` when the project in `root` has a build at least as new as its
 * sources, else `{ kind: 'sources', file }` (src/main.ts, to be run through tsx).
 */
export function startEntry(root) {
  const built = builtAt(root);
  if (built !== undefined && built >= newestChange(path.join(root, 'src'))) {
    return { kind: 'dist', file: path.join(root, 'dist', 'main.js') };
  }
  return { kind: 'sources', file: path.join(root, 'src', 'main.ts') };
}
