import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { messages, type QueryOptions, type Results, type Transaction, types } from '@electric-sql/pglite';
import type {
  RawResult,
  ThreadError,
  ThreadRequest,
  ThreadResponse,
  ThreadStartData,
  ThreadStartMessage,
} from './thread-protocol.js';

/** A request without its id: the client numbers them. */
type Request = ThreadRequest extends infer R ? (R extends ThreadRequest ? Omit<R, 'id'> : never) : never;

/**
 * The embedded database (PGlite) running in a worker thread of its own, seen from the main
 * thread through the part of PGlite's API that Liaison and the Prisma adapter use: `query`,
 * `exec`, `transaction` (with `query`, `exec`, `rollback` inside) and `close`.
 *
 * Why: PostgreSQL in WebAssembly runs synchronously, so in the main thread every statement —
 * a background job's as much as a request's — held the thread that acknowledges Slack's
 * requests (bench/README.md, issue 16). Here only the parsing of result rows stays on the
 * main thread.
 */
export class PGliteThreadClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  #nextId = 1;
  #stopped: Error | undefined;
  #closing = false;
  #closed: Promise<void> | undefined;
  readonly #unexpectedStopListeners = new Set<(reason: Error) => void>();

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (message: ThreadResponse) => this.#settle(message));
    worker.on('error', (error) =>
      this.#stopUnexpectedly(new Error(`The embedded database thread failed: ${error.message}`)),
    );
    worker.on('exit', (code) =>
      this.#stopUnexpectedly(new Error(`The embedded database thread stopped (exit code ${code})`)),
    );
    // An idle database must not keep a finished process (a CLI run, a test) alive.
    worker.unref();
  }

  /** Starts the thread and opens the database in it; rejects with PGlite's own error if it cannot. */
  static async start(data: ThreadStartData): Promise<PGliteThreadClient> {
    const worker = new Worker(threadEntry.script, { eval: threadEntry.eval, workerData: data, execArgv: [] });
    const listeners: {
      message?: (message: ThreadStartMessage) => void;
      error?: (error: Error) => void;
      exit?: (code: number) => void;
    } = {};
    const started = await new Promise<ThreadStartMessage>((resolve, reject) => {
      listeners.message = resolve;
      listeners.error = reject;
      listeners.exit = (code) => reject(new Error(`The embedded database thread exited (code ${code})`));
      worker.once('message', listeners.message).once('error', listeners.error).once('exit', listeners.exit);
    }).finally(() => {
      // Only ours: the Worker keeps listeners of its own (removeAllListeners stops its messages).
      if (listeners.message) worker.off('message', listeners.message);
      if (listeners.error) worker.off('error', listeners.error);
      if (listeners.exit) worker.off('exit', listeners.exit);
    });
    if (started.type === 'failed') {
      await worker.terminate();
      throw fromThreadError(started.error);
    }
    return new PGliteThreadClient(worker);
  }

  async query<Row>(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<Row>> {
    return this.#query<Row>(sql, params, options);
  }

  async exec(sql: string, options?: QueryOptions): Promise<Results[]> {
    return this.#exec(sql, options);
  }

  /**
   * Runs `callback` in a transaction, as PGlite's `transaction` does: committed when the
   * callback returns (unless it rolled back), rolled back when it throws. Other statements
   * wait for it in the thread.
   */
  async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    const txId = (await this.#call({ op: 'begin' })) as number;
    let closed = false;
    const tx: Transaction = {
      query: (sql, params = [], options) => this.#query(sql, params, options, txId),
      exec: (sql, options) => this.#exec(sql, options, txId),
      rollback: async () => {
        await this.#call({ op: 'rollback', txId });
        closed = true;
      },
      get closed() {
        return closed;
      },
      sql: () => Promise.reject(new Error('tx.sql is not available in the embedded database thread')),
      listen: () => Promise.reject(new Error('LISTEN is not available in the embedded database thread')),
    };
    let result: T;
    try {
      result = await callback(tx);
    } catch (error) {
      await this.#call({ op: 'end', txId, commit: false }).catch(() => {});
      throw error;
    }
    await this.#call({ op: 'end', txId, commit: true });
    return result;
  }

  /** The data directory as an uncompressed tarball (PGlite's `dumpDataDir('none')`). */
  async dumpDataDir(): Promise<Blob> {
    return new Blob([(await this.#call({ op: 'dump' })) as ArrayBuffer]);
  }

  /**
   * Called once if the thread dies (a WebAssembly abort, out of memory) rather than being
   * closed: every statement since is refused, so the owner should say so (health turns red).
   */
  onUnexpectedStop(listener: (reason: Error) => void): void {
    this.#unexpectedStopListeners.add(listener);
  }

  /**
   * Closes the database (its files are flushed), then ends the thread. Closing twice waits for
   * the same close: a second `close` must not end the thread while PGlite is still flushing.
   */
  close(): Promise<void> {
    this.#closed ??= this.#close();
    return this.#closed;
  }

  async #close(): Promise<void> {
    if (this.#stopped) return;
    this.#closing = true;
    try {
      await this.#call({ op: 'close' });
    } finally {
      this.#stop(new Error('The embedded database is closed'));
      await this.#worker.terminate();
    }
  }

  async #query<Row>(
    sql: string,
    params: unknown[],
    options?: QueryOptions,
    txId?: number,
  ): Promise<Results<Row>> {
    const result = (await this.#call({
      op: 'query',
      sql,
      params,
      ...(txId === undefined ? {} : { txId }),
    })) as RawResult;
    return parse<Row>(result, options);
  }

  async #exec(sql: string, options?: QueryOptions, txId?: number): Promise<Results[]> {
    const results = (await this.#call({
      op: 'exec',
      sql,
      ...(txId === undefined ? {} : { txId }),
    })) as RawResult[];
    return results.map((result) => parse(result, options));
  }

  #call(request: Request): Promise<unknown> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id } as ThreadRequest);
    });
  }

  #settle(response: ThreadResponse): void {
    const waiting = this.#pending.get(response.id);
    if (!waiting) return;
    this.#pending.delete(response.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if (response.ok) waiting.resolve(response.value);
    else waiting.reject(fromThreadError(response.error));
  }

  #stopUnexpectedly(reason: Error): void {
    const first = !this.#stopped && !this.#closing;
    this.#stop(reason);
    if (first) for (const listener of this.#unexpectedStopListeners) listener(reason);
  }

  #stop(reason: Error): void {
    this.#stopped ??= reason;
    for (const waiting of this.#pending.values()) waiting.reject(this.#stopped);
    this.#pending.clear();
    this.#worker.unref();
  }
}

/** Parses text values as PGlite would in the thread, with the caller's parsers first. */
function parse<Row>(result: RawResult, options?: QueryOptions): Results<Row> {
  const { fields } = result;
  const value = (text: string | null, column: number) =>
    types.parseType(text, fields[column]?.dataTypeID ?? types.TEXT, options?.parsers);
  const rows =
    options?.rowMode === 'array'
      ? result.rows.map((row) => row.map(value))
      : result.rows.map((row) =>
          Object.fromEntries(row.map((text, column) => [fields[column]?.name, value(text, column)])),
        );
  // PGlite's results also say the command and the row count; kept so that callers see the same object.
  const { rows: _text, ...rest } = result;
  return { ...rest, rows: rows as Row[] } as Results<Row>;
}

/** The thread's error as the main thread would have seen it: a DatabaseError stays one. */
function fromThreadError(threadError: ThreadError): Error {
  const error = threadError.database
    ? Object.assign(
        new messages.DatabaseError(
          threadError.message,
          threadError.database.length,
          threadError.database.name as messages.MessageName,
        ),
        threadError.database.fields,
      )
    : new Error(threadError.message);
  if (threadError.stack)
    error.stack = `${error.stack}\n    in the embedded database thread: ${threadError.stack}`;
  return error;
}

/**
 * How to start the thread: the compiled module under `node dist/main.js`; under tsx or vitest
 * the TypeScript file, through a two-line bootstrap that registers tsx's loader in the
 * thread first (Node 20 does not apply a parent's `--import` hooks to a worker's entry).
 */
function tsxApiUrl(): string {
  // import.meta.resolve is not available everywhere this runs (vitest's global setup): read
  // where tsx's package exports its ESM API.
  const require = createRequire(import.meta.url);
  const manifest = require('tsx/package.json') as {
    exports: { './esm/api': { import: { default: string } } };
  };
  const packageDir = path.dirname(require.resolve('tsx/package.json'));
  return pathToFileURL(path.join(packageDir, manifest.exports['./esm/api'].import.default)).href;
}

const threadEntry: { script: string | URL; eval: boolean } = import.meta.url.endsWith('.ts')
  ? {
      script: [
        `import(${JSON.stringify(tsxApiUrl())})`,
        `  .then(({ register }) => register())`,
        `  .then(() => import(${JSON.stringify(new URL('./pglite-thread.ts', import.meta.url).href)}));`,
      ].join('\n'),
      eval: true,
    }
  : { script: new URL('./pglite-thread.js', import.meta.url), eval: false };
