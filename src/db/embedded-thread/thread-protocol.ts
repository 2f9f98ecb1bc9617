// The messages between Liaison's main thread and the thread that runs the embedded database
// (PGlite). Values cross as structured clones: rows travel as PostgreSQL's text, unparsed, so
// the main thread parses them with whatever parsers the caller asked for (the Prisma adapter
// passes functions, which cannot cross a thread).

/** What the thread needs to open the database. */
export interface ThreadStartData {
  /** A data directory, already initialized (embedded-initialization.ts); unset → in memory. */
  dataDir?: string;
  /** An in-memory database starts from this dumped data directory (tests: ≈ 0.7 s vs 4 s of initdb). */
  loadDataDir?: Blob;
  /** PostgreSQL settings added to PGlite's defaults, as `name=value`. */
  settings: string[];
}

export type ThreadRequest =
  | { id: number; op: 'query'; sql: string; params: unknown[]; txId?: number }
  | { id: number; op: 'exec'; sql: string; txId?: number }
  /** Opens a transaction; its id is this request's id. */
  | { id: number; op: 'begin' }
  | { id: number; op: 'rollback'; txId: number }
  /** Ends the transaction's callback: commit unless it was rolled back, or roll back. */
  | { id: number; op: 'end'; txId: number; commit: boolean }
  /** The data directory as an uncompressed tarball (an ArrayBuffer). */
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' };

export type ThreadResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: ThreadError };

/** Sent once, after the database opened (or failed to). */
export type ThreadStartMessage = { type: 'ready' } | { type: 'failed'; error: ThreadError };

/** One statement's result with every value still in PostgreSQL's text form. */
export interface RawResult {
  fields: { name: string; dataTypeID: number }[];
  rows: (string | null)[][];
  affectedRows?: number;
  rowCount?: number;
  command?: string;
}

/** An error as it crosses the thread: its message, and PostgreSQL's fields when it is a database error. */
export interface ThreadError {
  message: string;
  stack?: string;
  /** PGlite's DatabaseError (SQLSTATE, detail…), rebuilt as one on the main thread. */
  database?: { length: number; name: string; fields: Record<string, string | number | undefined> };
}

/** The DatabaseError fields worth keeping across the thread (what pg and the Prisma adapters read). */
export const DATABASE_ERROR_FIELDS = [
  'severity',
  'code',
  'detail',
  'hint',
  'position',
  'internalPosition',
  'internalQuery',
  'where',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'file',
  'line',
  'routine',
] as const;
