import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

/** Packages a mode may never use, loaded on first use instead of at start (issue 16). */
const LOADED_ON_FIRST_USE = ['/node_modules/echarts/', '/node_modules/@napi-rs/canvas/'];

describe('what start-up loads', () => {
  it('does not load the chart renderer (ECharts, the canvas) until a chart is drawn', async () => {
    await import('../../src/run/runtime-modules.js');

    const loaded = Object.keys(require.cache).filter((file) =>
      LOADED_ON_FIRST_USE.some((dir) => file.includes(dir)),
    );
    expect(loaded).toEqual([]);
  });
});
