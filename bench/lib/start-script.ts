import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PACKAGE_JSON = fileURLToPath(new URL('../../package.json', import.meta.url));

/** Node's arguments in a package.json script (`node …`), V8 flags included: benches run what users run. */
export function scriptArgs(script: 'start' | 'start:dist'): string[] {
  const { scripts } = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { scripts: Record<string, string> };
  const [program, ...args] = (scripts[script] ?? '').trim().split(/\s+/);
  if (program !== 'node')
    throw new Error(`package.json's ${script} script does not start with node: ${scripts[script]}`);
  return args;
}

/**
 * The runtime flags `npm start` gives node (e.g. V8 heap settings), without what it runs.
 * `BENCH_NODE_FLAGS` (space-separated) replaces them, to measure other settings.
 */
export function startFlags(): string[] {
  const override = process.env.BENCH_NODE_FLAGS;
  if (override !== undefined) return override.split(/\s+/).filter(Boolean);
  const args = scriptArgs('start');
  const end = args.indexOf('--import');
  return end >= 0 ? args.slice(0, end) : args.filter((arg) => arg.startsWith('--'));
}
