import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/db/paths.js';

/** Packages a mode may never use, loaded on first use instead of at start (issue 16). */
const LOADED_ON_FIRST_USE = ['/node_modules/echarts/', '/node_modules/@napi-rs/canvas/'];

// Asked of a fresh Node process, as `npm start` loads it: test files share worker processes
// (vitest.config.ts, isolate: false), so this one's own module cache may hold a chart
// renderer another file loaded.
const LIST_LOADED = `
  import { createRequire } from 'node:module';
  await import('./src/run/runtime-modules.ts');
  console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));
`;

describe('what start-up loads', () => {
  it('does not load the chart renderer (ECharts, the canvas) until a chart is drawn', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', LIST_LOADED],
      { cwd: PROJECT_ROOT },
    );
    const cached = JSON.parse(stdout.trim().split('\n').at(-1) ?? '[]') as string[];

    // The check can see CommonJS packages (the probe finds the ones start-up does load).
    expect(cached.some((file) => file.includes('/node_modules/'))).toBe(true);
    const loaded = cached.filter((file) => LOADED_ON_FIRST_USE.some((dir) => file.includes(dir)));
    expect(loaded).toEqual([]);
  });
});
