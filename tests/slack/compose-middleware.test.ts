import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { composeMiddleware } from '../../src/slack/middleware/compose-middleware.js';

type Step = Middleware<AnyMiddlewareArgs>;

/** Runs `composed` as Bolt would, with `rest` as the rest of Bolt's chain. */
function run(composed: Step, rest: () => Promise<void> = async () => {}) {
  return composed({ body: {}, context: {}, next: rest } as unknown as Parameters<Step>[0]);
}

describe('global middleware composed into one', () => {
  it('runs the steps in order, then the rest of the chain, and unwinds in reverse', async () => {
    const seen: string[] = [];
    const step =
      (name: string): Step =>
      async ({ next }) => {
        seen.push(`${name} in`);
        await next();
        seen.push(`${name} out`);
      };
    await run(composeMiddleware([step('a'), step('b'), step('c')]), async () => {
      seen.push('rest');
    });
    expect(seen).toEqual(['a in', 'b in', 'c in', 'rest', 'c out', 'b out', 'a out']);
  });

  it('stops where a step does not call next: neither the later steps nor the rest run', async () => {
    const seen: string[] = [];
    await run(
      composeMiddleware([
        async ({ next }) => {
          seen.push('a');
          await next();
        },
        async () => {
          seen.push('b stops');
        },
        async ({ next }) => {
          seen.push('c');
          await next();
        },
      ]),
      async () => {
        seen.push('rest');
      },
    );
    expect(seen).toEqual(['a', 'b stops']);
  });

  it("hands a later step's error to an earlier step's catch, as Bolt's chain does", async () => {
    const caught: unknown[] = [];
    await run(
      composeMiddleware([
        async ({ next }) => {
          try {
            await next();
          } catch (error) {
            caught.push((error as Error).message);
          }
        },
        async () => {
          throw new Error('refused');
        },
      ]),
    );
    expect(caught).toEqual(['refused']);
  });

  it('gives each step the arguments and the context, and refuses next() called twice', async () => {
    const contexts: unknown[] = [];
    const composed = composeMiddleware([
      async ({ context, next }) => {
        contexts.push(context);
        context.marked = true;
        await next();
      },
      async ({ context, body, next }) => {
        contexts.push(context);
        expect(body).toEqual({ answer: 42 });
        expect(context.marked).toBe(true);
        await next();
        await expect(next()).rejects.toThrow('next() called multiple times');
      },
    ]);
    const context = {};
    await composed({ body: { answer: 42 }, context, next: async () => {} } as unknown as Parameters<Step>[0]);
    expect(contexts).toEqual([context, context]);
  });
});
