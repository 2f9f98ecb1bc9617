// `npm start`: the compiled build when it is up to date with the sources, else the sources
// through tsx (scripts/start-entry.mjs). `npm install` builds dist/ (package.json, postinstall),
// so an installed checkout skips ≈ 0.7 s of run-time transpiling on every start
// (bench/README.md, issue 16).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startEntry } from './start-entry.mjs';

const entry = startEntry(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
if (entry.kind === 'sources') {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(pathToFileURL(entry.file).href);
