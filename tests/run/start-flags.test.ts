import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { scriptArgs } from '../../bench/lib/start-script.js';

/** The node options before what the script runs (scripts/start.mjs or dist/main.js). */
function nodeFlags(script: 'start' | 'start:dist'): string[] {
  return scriptArgs(script).filter((arg) => arg.startsWith('--'));
}

describe("npm start's node settings", () => {
  it('are the same for npm start and npm run start:dist, heap shrinking after idle seconds off included', () => {
    expect(nodeFlags('start')).toEqual(nodeFlags('start:dist'));
    expect(nodeFlags('start')).toEqual(
      expect.arrayContaining([
        '--max-semi-space-size=8',
        '--heap-growing-percent=100',
        '--no-memory-reducer',
      ]),
    );
  });

  it('are accepted by this node (a misspelt one makes node refuse to start)', () => {
    const run = spawnSync(process.execPath, [...nodeFlags('start'), '-e', 'process.stdout.write("ok")'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('ok');
  });
});
