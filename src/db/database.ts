import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { StatementObserver } from './statement-observer.js';

/** A Prisma client or a transaction client: repositories accept either, so a service can
 * compose several repository calls into one transaction. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

/** Raw SQL access for the few things Prisma cannot do (migrations, advisory locks). */
export interface SqlRunner {
  /** Runs one or more statements with no parameters (migration files). */
  exec(sql: string): Promise<void>;
  /** Runs one parameterised statement and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/** An open database: PGlite in the process (embedded) or PostgreSQL over the network. */
export interface Database {
  readonly kind: 'embedded' | 'postgres';
  readonly prisma: PrismaClient;
  /**
   * Every statement Prisma sends (not `withSqlSession`'s): caches forget what a write made
   * stale; tests count round trips. Another process's writes (a second replica) are not seen.
   */
  readonly statements: StatementObserver;
  /**
   * Runs `work` on one dedicated connection (PGlite has only one). Migrations use it so
   * that a session-level advisory lock and the statements it guards share a connection.
   */
  withSqlSession<T>(work: (sql: SqlRunner) => Promise<T>): Promise<T>;
  /** Throws when the database cannot answer a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
