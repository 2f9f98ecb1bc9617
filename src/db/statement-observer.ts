import type { Prisma } from '../generated/prisma/client.js';
import { forwarding } from './forwarding.js';

type AdapterFactory = NonNullable<Prisma.PrismaClientOptions['adapter']>;
type Adapter = Awaited<ReturnType<AdapterFactory['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;
type Query = Parameters<Adapter['queryRaw']>[0];

/**
 * What Prisma sent to the database, as it went: one event per SQL statement (Prisma's
 * queries and `$queryRaw`/`$executeRaw` alike) and one when an interactive transaction ends.
 * `transaction` ties a transaction's statements to its end. Listeners run synchronously and
 * must not throw.
 */
export type StatementEvent =
  | {
      type: 'statement';
      sql: string;
      /** Tables the statement may write (INSERT/UPDATE/DELETE/MERGE); '*' for TRUNCATE and DDL. */
      writes: readonly string[];
      transaction: number | undefined;
    }
  | { type: 'transaction-end'; transaction: number; committed: boolean };

export type StatementListener = (event: StatementEvent) => void;

export interface StatementObserver {
  /** Calls `listener` for every statement from now on; returns the unsubscribe. */
  observe(listener: StatementListener): () => void;
}

const WRITE_TARGET =
  /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|MERGE\s+INTO)\s+(?:ONLY\s+)?(?:"?[A-Za-z_][\w$]*"?\.)?"?([A-Za-z_][\w$]*)"?/gi;
const WHOLE_DATABASE = /^\s*(?:TRUNCATE|ALTER|DROP|CREATE)\b/i;

/**
 * The tables a statement may write. Errs on the side of naming too many (`ON CONFLICT DO
 * UPDATE SET` yields "SET", `FOR UPDATE SKIP` yields "SKIP"): a cache that listens forgets
 * a little more than it must, never less.
 */
export function tablesWritten(sql: string): string[] {
  if (WHOLE_DATABASE.test(sql)) return ['*'];
  const tables = new Set<string>();
  for (const match of sql.matchAll(WRITE_TARGET)) {
    if (match[1]) tables.add(match[1]);
  }
  return [...tables];
}

/**
 * Wraps a Prisma driver adapter factory so every statement Prisma runs is reported to the
 * observers: the database layer's one place to see writes, whoever makes them (repositories,
 * raw SQL, other features). Caches use it to forget what a write made stale; tests use it
 * to count round trips.
 */
export function observeStatements(factory: AdapterFactory): {
  factory: AdapterFactory;
  observer: StatementObserver;
} {
  const listeners = new Set<StatementListener>();
  let nextTransaction = 1;
  const emit = (event: StatementEvent) => {
    for (const listener of listeners) listener(event);
  };
  const statement = (query: Query, transaction: number | undefined) => {
    if (listeners.size === 0) return;
    emit({ type: 'statement', sql: query.sql, writes: tablesWritten(query.sql), transaction });
  };

  const wrapTransaction = (transaction: Transaction): Transaction => {
    const id = nextTransaction++;
    const end = async (committed: boolean, finish: () => Promise<void>) => {
      try {
        await finish();
      } finally {
        emit({ type: 'transaction-end', transaction: id, committed });
      }
    };
    return forwarding(transaction, {
      queryRaw: (query: Query) => {
        statement(query, id);
        return transaction.queryRaw(query);
      },
      executeRaw: (query: Query) => {
        statement(query, id);
        return transaction.executeRaw(query);
      },
      commit: () => end(true, () => transaction.commit()),
      rollback: () => end(false, () => transaction.rollback()),
    });
  };

  const wrapAdapter = (adapter: Adapter): Adapter =>
    forwarding(adapter, {
      queryRaw: (query: Query) => {
        statement(query, undefined);
        return adapter.queryRaw(query);
      },
      executeRaw: (query: Query) => {
        statement(query, undefined);
        return adapter.executeRaw(query);
      },
      executeScript: (script: string) => {
        statement({ sql: script, args: [], argTypes: [] }, undefined);
        return adapter.executeScript(script);
      },
      startTransaction: async (...args: Parameters<Adapter['startTransaction']>) =>
        wrapTransaction(await adapter.startTransaction(...args)),
    });

  return {
    factory: forwarding(factory, { connect: async () => wrapAdapter(await factory.connect()) }),
    observer: {
      observe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  };
}

/**
 * A listener that calls `forget` whenever a statement may write one of `tables` (`'*'`
 * included for TRUNCATE and DDL), and again when that statement's transaction ends: a read
 * that ran beside the open transaction saw the old rows and must not be kept.
 */
export function forgetOnWritesTo(tables: readonly string[], forget: () => void): StatementListener {
  const watched = new Set(tables);
  const openTransactions = new Set<number>();
  return (event) => {
    if (event.type === 'transaction-end') {
      if (openTransactions.delete(event.transaction)) forget();
      return;
    }
    if (!event.writes.some((table) => watched.has(table))) return;
    if (event.transaction !== undefined) openTransactions.add(event.transaction);
    forget();
  };
}
