import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

type Step = Middleware<AnyMiddlewareArgs>;

/**
 * Several global middleware as one Bolt middleware, run in order with Bolt's semantics: each
 * gets the request's arguments and a `next` that runs the following one (after the last, the
 * rest of Bolt's chain). Bolt copies every argument into a new object for each middleware it
 * runs, with a new promise chain; with five of them that was about a seventh of what a
 * request allocated, and a part of what outlived the young generation into the full GCs that
 * stall acknowledgements (bench/README.md, issue 16). Here the steps share one copy: each reads
 * its `next` when it starts, as every middleware does (`async ({ next }) => …`), and the
 * copy's `next` is moved on before the following step runs.
 */
export function composeMiddleware(steps: readonly Step[]): Step {
  const [first] = steps;
  if (!first) throw new Error('composeMiddleware needs at least one middleware');
  return (args) => {
    // Object.assign, not a spread: a spread's copy puts `next` in the old generation when it is
    // set below (young-request-objects.ts).
    const shared = Object.assign({}, args);
    const run = (index: number): Promise<void> => {
      const step = steps[index];
      if (!step) return args.next();
      let called = false;
      shared.next = () => {
        if (called) return Promise.reject(new Error('next() called multiple times'));
        called = true;
        return run(index + 1);
      };
      return step(shared as Parameters<Step>[0]);
    };
    return run(0);
  };
}
