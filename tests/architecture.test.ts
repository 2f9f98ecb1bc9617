import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(path: string): string[] {
  const source = readFileSync(path, 'utf8');
  return [
    ...source.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] ?? m[2] ?? '');
}

/** Source with comments removed, so a comment that mentions process.env is not a reader. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

const FORBIDDEN_IN_DOMAIN = [
  /^@slack\//,
  /^openai(\/|$)/,
  /^@prisma\/client/,
  /generated\/prisma/,
  /\/slack\//,
];

describe('architecture', () => {
  it('keeps src/modules free of Slack, OpenAI and the Prisma client (except *.prisma-repository.ts)', () => {
    const offenders = filesUnder(join(root, 'src/modules'))
      .filter((path) => !path.endsWith('.prisma-repository.ts'))
      .flatMap((path) =>
        importsOf(path)
          .filter((spec) => FORBIDDEN_IN_DOMAIN.some((pattern) => pattern.test(spec)))
          .map((spec) => `${relative(root, path)} imports ${spec}`),
      );
    expect(offenders).toEqual([]);
  });

  it('reads process.env only in src/config/env.ts', () => {
    const readers = filesUnder(join(root, 'src'))
      .filter((path) => !path.includes('/generated/'))
      .filter((path) => /process\.env/.test(withoutComments(readFileSync(path, 'utf8'))))
      .map((path) => relative(root, path))
      .filter((path) => path !== 'src/config/env.ts' && path !== 'src/main.ts');
    expect(readers).toEqual([]);
  });

  it('builds Slack views as pure functions (no client calls in src/slack/views)', () => {
    const impure = filesUnder(join(root, 'src/slack/views')).filter((path) =>
      /client\.|fetch\(|prisma/.test(readFileSync(path, 'utf8')),
    );
    expect(impure).toEqual([]);
  });

  it('has the architecture check itself catch a forbidden import', () => {
    expect(FORBIDDEN_IN_DOMAIN.some((p) => p.test('@slack/bolt'))).toBe(true);
    expect(FORBIDDEN_IN_DOMAIN.some((p) => p.test('../../generated/prisma/client.js'))).toBe(true);
  });
});
