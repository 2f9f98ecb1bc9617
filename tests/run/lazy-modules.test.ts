import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/db/paths.js';
import { usFederalHolidays } from '../../src/modules/calendar/index.js';

/**
 * Packages a mode may never use, loaded on first use instead of at start (issue 16): each
 * costs memory (15–30 MB) and start-up time in every process that does not need it.
 */
const LOADED_ON_FIRST_USE = [
  'echarts',
  '@napi-rs/canvas',
  'date-holidays',
  'js-tiktoken',
  'openai',
  '@electric-sql/pglite',
  'pglite-prisma-adapter',
];

/** What Node itself loads for `src/main.ts`'s module graph, ESM and CommonJS, in a fresh process. */
async function packagesLoadedBy(module: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'tests/run/loaded-packages.ts', module],
    { cwd: PROJECT_ROOT, timeout: 180_000 },
  );
  return (JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { packages: string[] }).packages;
}

describe('what start-up loads', () => {
  it('loads no chart renderer, holiday library, tokenizer, OpenAI SDK or PGlite until one is used', async () => {
    const loaded = await packagesLoadedBy('src/run/runtime-modules.ts');

    expect(loaded).toContain('@slack/bolt');
    expect(loaded.filter((name) => LOADED_ON_FIRST_USE.includes(name))).toEqual([]);
  }, 200_000);

  it('still answers a US federal holiday once asked (the library loads then)', () => {
    expect(usFederalHolidays.entryOn('2026-07-03')?.name?.en).toBe('Independence Day (observed)');
  });
});
