import { createRequire } from 'node:module';
import type { AuthorizeResult, AuthorizeSourceData } from '@slack/bolt';
import { HTTP_RESPONSE_PROPERTY } from './receivers/serialized-ack.js';
import { LOCALE_KEY } from './request-actor.js';

/**
 * Objects Bolt builds for every request, built so that they die young.
 *
 * Node 20's V8 puts the properties added to an object made by spreading another
 * (`{ ...args, next, context }`, or `{ ...args }` and then `copy.next = …`) in a backing store
 * it allocates in the OLD generation; `Object.assign({}, args, { next, context })`, or
 * overwriting a property the copy already has, allocates nothing there (bench/README.md,
 * issue 16, eighth pass). Such a store points at the request's young objects (`next`, the
 * context, the HTTP response) and the scavenger keeps whatever it points at until the next
 * full GC, so each request's objects were promoted and the full GCs came sooner. Bolt builds
 * three such objects per request: each middleware's arguments, the context, and a copy of the
 * client options. Here the first is built with `Object.assign` (Bolt's `processMiddleware`,
 * otherwise unchanged), the authorize result carries every key anyone adds to the context
 * (so Bolt's copy of it only overwrites), and the client options carry `teamId`
 * (createSlackApp). `/liaison help` through the app: 940 → 66 bytes per request allocated
 * there directly (tests/slack/young-request-objects.test.ts).
 */

type Middleware = (args: Record<string, unknown>) => Promise<unknown> | unknown;
/** Bolt's `processMiddleware` (dist/middleware/process.js): runs a chain, then `last`. */
export type ProcessMiddleware = (
  middleware: Middleware[],
  initialArgs: object,
  context: object,
  client: unknown,
  logger: unknown,
  last: () => Promise<unknown>,
) => Promise<unknown>;

/** Bolt's `processMiddleware` (dist/middleware/process.js), the arguments built by `Object.assign`. */
const processMiddleware: ProcessMiddleware = async (
  middleware,
  initialArgs,
  context,
  client,
  logger,
  last,
) => {
  let lastCalled = -1;
  const invoke = async (index: number): Promise<unknown> => {
    if (lastCalled >= index) throw new Error('next() called multiple times');
    if (index >= middleware.length) return last();
    lastCalled = index;
    const step = middleware[index] as Middleware;
    return step(Object.assign({}, initialArgs, { next: () => invoke(index + 1), context, client, logger }));
  };
  return invoke(0);
};

/**
 * Replaces Bolt's `processMiddleware`, which App calls through its module's export on every
 * request. False (and nothing changed) when Bolt no longer has it in that shape: Bolt's own
 * then runs, correct but promoting each request's objects, and `logger` says so once, so that
 * whoever upgrades Bolt knows this file needs a look.
 */
export function useYoungMiddlewareArguments(logger?: { warn(message: string): void }): boolean {
  const boltProcess = createRequire(import.meta.url)('@slack/bolt/dist/middleware/process.js') as {
    default?: unknown;
  };
  if (boltProcess.default === processMiddleware) return true;
  if (typeof boltProcess.default !== 'function' || boltProcess.default.length !== 6) {
    logger?.warn(
      "Bolt's processMiddleware is not in the shape src/slack/young-request-objects.ts replaces; Bolt's own runs, and each request's objects reach the old generation (bench/README.md, issue 16)",
    );
    return false;
  }
  boltProcess.default = processMiddleware;
  return true;
}

/**
 * Every key a request's context gets after authorize(): Bolt's (from the payload, the
 * receiver's custom properties, retries) and Liaison's (the acting person, their language).
 * Bolt copies the authorize result into the context with a spread: with these keys present,
 * that copy and every later assignment overwrite instead of adding.
 */
function contextWithEveryKey() {
  return {
    userId: undefined,
    teamId: undefined,
    enterpriseId: undefined,
    isEnterpriseInstall: undefined,
    retryNum: undefined,
    retryReason: undefined,
    [HTTP_RESPONSE_PROPERTY]: undefined,
    [LOCALE_KEY]: undefined,
    actor: undefined,
    actorFromMemory: undefined,
  };
}

export type BoltAuthorize = (source: AuthorizeSourceData, body?: unknown) => Promise<AuthorizeResult>;

/** `authorize` whose results carry every context key (values of the result win). */
export function withEveryContextKey(authorize: BoltAuthorize): BoltAuthorize {
  return async (source, body) => Object.assign(contextWithEveryKey(), await authorize(source, body));
}
