import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import type { AuthorizeSourceData } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/db/paths.js';
import {
  type ProcessMiddleware,
  useYoungMiddlewareArguments,
  withEveryContextKey,
} from '../../src/slack/young-request-objects.js';

/** The function Bolt's App calls for every chain of middleware, as App reaches it. */
function boltProcessMiddleware(): ProcessMiddleware {
  return (
    createRequire(import.meta.url)('@slack/bolt/dist/middleware/process.js') as { default: ProcessMiddleware }
  ).default;
}

describe("Bolt's middleware chain, arguments built without a spread", () => {
  it('is the one Bolt calls once installed, and installing twice changes nothing', () => {
    expect(useYoungMiddlewareArguments()).toBe(true);
    const installed = boltProcessMiddleware();
    expect(useYoungMiddlewareArguments()).toBe(true);
    expect(boltProcessMiddleware()).toBe(installed);
  });

  it('leaves a Bolt whose runner changed shape alone, and says so in the log', () => {
    const boltProcess = createRequire(import.meta.url)('@slack/bolt/dist/middleware/process.js') as {
      default: unknown;
    };
    const before = boltProcess.default;
    const reshaped = async (_chain: unknown[], _args: object) => undefined;
    boltProcess.default = reshaped;
    const warnings: string[] = [];
    try {
      expect(useYoungMiddlewareArguments({ warn: (message) => warnings.push(message) })).toBe(false);
      expect(boltProcess.default).toBe(reshaped);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('young-request-objects.ts');
    } finally {
      boltProcess.default = before;
    }
  });

  it("gives each middleware the request's arguments with next, context, client and logger, in order, then the rest", async () => {
    useYoungMiddlewareArguments();
    const seen: string[] = [];
    const context = { teamId: 'T1' };
    const result = await boltProcessMiddleware()(
      [
        async (args) => {
          seen.push(
            `a ${String(args.body)} ${args.context === context} ${String(args.client)} ${String(args.logger)}`,
          );
          await (args.next as () => Promise<void>)();
          seen.push('a out');
        },
        async (args) => {
          seen.push(`b ${String(args.command)}`);
          await (args.next as () => Promise<void>)();
        },
      ],
      { body: 'the body', command: '/liaison' },
      context,
      'the client',
      'the logger',
      async () => {
        seen.push('rest');
        return 'done';
      },
    );
    expect(seen).toEqual(['a the body true the client the logger', 'b /liaison', 'rest', 'a out']);
    expect(result).toBeUndefined();
  });

  it('refuses a next() called twice before another middleware, as Bolt does', async () => {
    useYoungMiddlewareArguments();
    const twice = boltProcessMiddleware()(
      [
        async (args) => {
          const next = args.next as () => Promise<void>;
          await next();
          await next();
        },
        async () => {},
      ],
      {},
      {},
      undefined,
      undefined,
      async () => {},
    );
    await expect(twice).rejects.toThrow('next() called multiple times');
  });

  it('ends with the rest of the chain when there is no middleware', async () => {
    useYoungMiddlewareArguments();
    await expect(boltProcessMiddleware()([], {}, {}, undefined, undefined, async () => 'rest')).resolves.toBe(
      'rest',
    );
  });
});

describe('authorize results carrying every context key', () => {
  const source = { teamId: 'T1', isEnterpriseInstall: false } as AuthorizeSourceData;

  it("keeps the result's values and adds the keys it lacks, empty", async () => {
    const authorize = withEveryContextKey(async () => ({
      botToken: 'xoxb-1',
      teamId: 'T1',
      botUserId: 'U0BOT',
    }));
    const result = await authorize(source);
    expect(result).toMatchObject({ botToken: 'xoxb-1', teamId: 'T1', botUserId: 'U0BOT' });
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining([
        'userId',
        'enterpriseId',
        'retryNum',
        'liaisonHttpResponse',
        'liaisonLocale',
        'actor',
      ]),
    );
    expect(result.userId).toBeUndefined();
  });

  it('passes a failure on as it is', async () => {
    const authorize = withEveryContextKey(async () => {
      throw new Error('no installation for T9');
    });
    await expect(authorize(source)).rejects.toThrow('no installation for T9');
  });
});

describe("a request's objects and the old generation", () => {
  it('allocates (almost) nothing there directly: `/liaison help` through the real app, 1,500 times', async () => {
    // Before: Bolt's spread-built middleware arguments, context and client options, and two of
    // Liaison's own, each put a backing store there (≈ 940 bytes per request).
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--expose-gc',
        '--min-semi-space-size=64',
        '--max-semi-space-size=64',
        '--import',
        'tsx',
        'tests/slack/old-generation-probe.ts',
      ],
      { cwd: PROJECT_ROOT, timeout: 180_000 },
    );
    const probe = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
      requests: number;
      oldBytesPerRequest: number;
      gcsDuring: number;
      answered: number;
    };
    expect(probe.answered).toBe(probe.requests);
    expect(probe.gcsDuring).toBe(0);
    expect(probe.oldBytesPerRequest).toBeLessThan(300);
  }, 200_000);
});
