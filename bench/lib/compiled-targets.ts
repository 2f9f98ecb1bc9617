// The target children as plain JavaScript, so that they run as `npm start` runs Liaison: the
// compiled build in dist/, with no tsx loader thread (an extra V8 isolate, with its own GC,
// beside the code being measured). bench/targets/*.ts and the protocol are transpiled into
// bench/.build/ (git-ignored), each import of the project's src/ pointed at dist/.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { startEntry } from '../../scripts/start-entry.mjs';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILD_DIR = path.join(PROJECT_ROOT, 'bench', '.build');

/** bench/<dir>/<file>.ts → bench/.build/<dir>/<file>.js: one level deeper, so src/ becomes ../dist/. */
const SOURCES = [
  ...readdirSync(path.join(PROJECT_ROOT, 'bench', 'targets'))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join('targets', file)),
  path.join('lib', 'protocol.ts'),
];

/** `'../../src/x.js'` from bench/targets/ is `'../../../dist/x.js'` from bench/.build/targets/. */
export function pointAtDist(javascript: string): string {
  return javascript.replace(/(['"])\.\.\/\.\.\/src\//g, '$1../../../dist/');
}

/**
 * The directory holding the compiled targets when dist/ is at least as new as src/ (as
 * `npm start` decides), else undefined: an edited checkout runs its sources through tsx.
 */
export function compileTargets(): string | undefined {
  if (startEntry(PROJECT_ROOT).kind !== 'dist') return undefined;
  for (const source of SOURCES) {
    const text = readFileSync(path.join(PROJECT_ROOT, 'bench', source), 'utf8');
    const { outputText } = ts.transpileModule(text, {
      fileName: source,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        verbatimModuleSyntax: true,
      },
    });
    const output = path.join(BUILD_DIR, source.replace(/\.ts$/, '.js'));
    mkdirSync(path.dirname(output), { recursive: true });
    writeFileSync(output, pointAtDist(outputText));
  }
  return BUILD_DIR;
}
