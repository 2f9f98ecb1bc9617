// The embedded database's own thread: one PGlite instance, driven by messages from the main
// thread (thread-protocol.ts). PostgreSQL compiled to WebAssembly runs synchronously: here a
// long statement or the scheduler's batch holds this thread, not the one that acknowledges
// Slack's requests (issue 16, bench/README.md).
//
// Each request calls PGlite's own API as soon as it arrives, in arrival order, so PGlite's
// locks order them exactly as they would be ordered in the main thread.

import { parentPort, workerData } from 'node:worker_threads';
import { messages, PGlite, type Results, type Transaction, types } from '@electric-sql/pglite';
import {
  DATABASE_ERROR_FIELDS,
  type RawResult,
  type ThreadError,
  type ThreadRequest,
  type ThreadResponse,
  type ThreadStartData,
  type ThreadStartMessage,
} from './thread-protocol.js';

if (!parentPort) throw new Error('pglite-thread.ts runs as a worker thread (see pglite-thread-client.ts)');
const port = parentPort;

/** Every type PGlite would parse, left as text: the main thread parses with the caller's parsers. */
const KEEP_TEXT = Object.fromEntries(Object.keys(types.parsers).map((oid) => [oid, (text: string) => text]));
const RAW = { rowMode: 'array', parsers: KEEP_TEXT } as const;

/** Thrown into a transaction's callback to make PGlite roll it back. */
class RollbackRequested extends Error {}

interface OpenTransaction {
  tx: Transaction;
  end(commit: boolean): void;
  settled: Promise<void>;
}

const start = workerData as ThreadStartData;
const transactions = new Map<number, OpenTransaction>();
/** Every transaction begun and not yet over, entered or still waiting for PGlite's lock. */
const unfinished = new Map<number, { end(commit: boolean): void; settled: Promise<void> }>();
/** Set once `close` arrives: nothing new starts after it. */
let closing = false;
/** How long `close` lets open transactions finish before rolling them back. */
const CLOSE_GRACE_MS = 5_000;

function raw(result: Results<unknown> & { command?: string; rowCount?: number }): RawResult {
  const { affectedRows, rowCount, command } = result;
  return {
    fields: result.fields.map((field) => ({ name: field.name, dataTypeID: field.dataTypeID })),
    rows: result.rows as (string | null)[][],
    ...(affectedRows === undefined ? {} : { affectedRows }),
    ...(rowCount === undefined ? {} : { rowCount }),
    ...(command === undefined ? {} : { command }),
  };
}

function toThreadError(error: unknown): ThreadError {
  if (!(error instanceof Error)) return { message: String(error) };
  const threadError: ThreadError = { message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  if (error instanceof messages.DatabaseError) {
    const fields: Record<string, string | number | undefined> = {};
    for (const key of DATABASE_ERROR_FIELDS) fields[key] = error[key];
    threadError.database = { length: error.length, name: error.name, fields };
  }
  return threadError;
}

function answer(id: number, work: Promise<unknown>): void {
  work.then(
    (value) => port.postMessage({ id, ok: true, value } satisfies ThreadResponse),
    (error: unknown) =>
      port.postMessage({ id, ok: false, error: toThreadError(error) } satisfies ThreadResponse),
  );
}

function transaction(txId: number): OpenTransaction {
  const open = transactions.get(txId);
  if (!open) throw new Error(`No open transaction ${txId} in the embedded database thread`);
  return open;
}

function begin(db: PGlite, id: number): void {
  let entered = false;
  let end: (commit: boolean) => void = () => {};
  const ended = new Promise<void>((resolve, reject) => {
    end = (commit) => (commit ? resolve() : reject(new RollbackRequested()));
  });
  ended.catch(() => {});
  const settled = db
    .transaction(async (tx) => {
      entered = true;
      transactions.set(id, { tx, end, settled });
      port.postMessage({ id, ok: true, value: id } satisfies ThreadResponse);
      await ended;
    })
    .catch((error: unknown) => {
      if (error instanceof RollbackRequested) return;
      // A failed BEGIN is answered to `begin`; a failed COMMIT to `end`, which awaits `settled`.
      if (!entered) port.postMessage({ id, ok: false, error: toThreadError(error) } satisfies ThreadResponse);
      throw error;
    });
  settled.catch(() => {});
  unfinished.set(id, { end, settled });
  settled.then(
    () => unfinished.delete(id),
    () => unfinished.delete(id),
  );
}

/**
 * PGlite's `close` takes its statement lock, then waits for its transaction lock: with a
 * transaction still open, the transaction's next statement waits for the first lock and
 * `close` for the second, forever. So nothing new starts once closing, open transactions get
 * CLOSE_GRACE_MS to finish (their statements still run), the rest are rolled back, and only
 * then does PGlite close.
 */
async function closeAfterTransactions(db: PGlite): Promise<void> {
  closing = true;
  const over = () => Promise.all([...unfinished.values()].map(({ settled }) => settled.catch(() => {})));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([over(), new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)))]);
  clearTimeout(timer);
  for (const { end } of unfinished.values()) end(false);
  await over();
  await db.close();
}

function handle(db: PGlite, request: ThreadRequest): void {
  // Once closing, only the open transactions' own statements and ends still run.
  const ofOpenTransaction =
    request.op === 'end' || request.op === 'rollback' || ('txId' in request && request.txId !== undefined);
  if (closing && !ofOpenTransaction) throw new Error('The embedded database is closing');
  switch (request.op) {
    case 'query': {
      const runner = request.txId === undefined ? db : transaction(request.txId).tx;
      answer(request.id, runner.query(request.sql, request.params, RAW).then(raw));
      return;
    }
    case 'exec': {
      const runner = request.txId === undefined ? db : transaction(request.txId).tx;
      answer(
        request.id,
        runner.exec(request.sql, RAW).then((results) => results.map(raw)),
      );
      return;
    }
    case 'begin':
      begin(db, request.id);
      return;
    case 'rollback':
      answer(request.id, transaction(request.txId).tx.rollback());
      return;
    case 'end': {
      const open = transaction(request.txId);
      transactions.delete(request.txId);
      open.end(request.commit);
      answer(request.id, open.settled);
      return;
    }
    case 'dump':
      answer(
        request.id,
        db.dumpDataDir('none').then((dump) => dump.arrayBuffer()),
      );
      return;
    case 'close':
      answer(request.id, closeAfterTransactions(db));
      return;
  }
}

async function open(): Promise<PGlite> {
  const startParams = [...PGlite.defaultStartParams, ...start.settings.flatMap((setting) => ['-c', setting])];
  return PGlite.create({
    ...(start.dataDir ? { dataDir: start.dataDir } : {}),
    ...(start.loadDataDir ? { loadDataDir: start.loadDataDir } : {}),
    startParams,
  });
}

open().then(
  (db) => {
    port.on('message', (request: ThreadRequest) => {
      try {
        handle(db, request);
      } catch (error) {
        port.postMessage({ id: request.id, ok: false, error: toThreadError(error) } satisfies ThreadResponse);
      }
    });
    port.postMessage({ type: 'ready' } satisfies ThreadStartMessage);
  },
  (error: unknown) =>
    port.postMessage({ type: 'failed', error: toThreadError(error) } satisfies ThreadStartMessage),
);
