import type { Prisma } from '../generated/prisma/client.js';
import { forwarding } from './forwarding.js';

type Factory = NonNullable<Prisma.PrismaClientOptions['adapter']>;
type Adapter = Awaited<ReturnType<Factory['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;
type Query = Parameters<Adapter['queryRaw']>[0];

/** What a driver adapter's error carries: Prisma reads `cause.kind` to choose its error code. */
interface AdapterError {
  name: string;
  cause: { kind: string; code?: string; message?: string; detail?: string; column?: string } & Record<
    string,
    unknown
  >;
}

/**
 * The PGlite adapter reports every PostgreSQL error as `kind: 'postgres'`, so Prisma never
 * raises P2002 (unique), P2003 (foreign key) or P2011 (null) on the embedded database, while
 * the PostgreSQL adapter does. Code that treats a duplicate as "someone else was first"
 * (claims, idempotency keys) then saw an unknown error instead — only when two requests
 * really ran at once, which the embedded database's own thread makes as common as on
 * PostgreSQL. This gives both databases the same error kinds, as @prisma/adapter-pg maps them.
 */
export function withPrismaErrorKinds(factory: Factory): Factory {
  const query =
    <T>(run: (query: Query) => Promise<T>) =>
    (query: Query) =>
      run(query).catch(rethrowWithKind);
  const wrapTransaction = (transaction: Transaction): Transaction =>
    forwarding(transaction, {
      queryRaw: query((q) => transaction.queryRaw(q)),
      executeRaw: query((q) => transaction.executeRaw(q)),
    });
  const wrapAdapter = (adapter: Adapter): Adapter =>
    forwarding(adapter, {
      queryRaw: query((q) => adapter.queryRaw(q)),
      executeRaw: query((q) => adapter.executeRaw(q)),
      startTransaction: async (...args: Parameters<Adapter['startTransaction']>) =>
        wrapTransaction(await adapter.startTransaction(...args)),
    });
  return forwarding(factory, { connect: async () => wrapAdapter(await factory.connect()) });
}

function rethrowWithKind(error: unknown): never {
  if (isPostgresAdapterError(error)) {
    const kind = kindOf(error.cause);
    if (kind) error.cause = { originalCode: error.cause.code, originalMessage: error.cause.message, ...kind };
  }
  throw error;
}

function isPostgresAdapterError(error: unknown): error is AdapterError {
  const candidate = error as Partial<AdapterError> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.name === 'DriverAdapterError' &&
    typeof candidate.cause === 'object' &&
    candidate.cause?.kind === 'postgres'
  );
}

/** The fields named in "Key (a, b)=(…) already exists." */
const keyFields = (detail: string | undefined) => detail?.match(/Key \(([^)]+)\)/)?.[1]?.split(', ');

function kindOf(cause: AdapterError['cause']): (Record<string, unknown> & { kind: string }) | undefined {
  switch (cause.code) {
    case '22001':
      return { kind: 'LengthMismatch', column: cause.column };
    case '22003':
      return { kind: 'ValueOutOfRange', cause: cause.message };
    case '23502': {
      const fields = keyFields(cause.detail) ?? (cause.column ? [cause.column] : undefined);
      return { kind: 'NullConstraintViolation', constraint: fields ? { fields } : undefined };
    }
    case '23503':
      return {
        kind: 'ForeignKeyConstraintViolation',
        constraint: cause.column ? { fields: [cause.column] } : undefined,
      };
    case '23505': {
      const fields = keyFields(cause.detail);
      return { kind: 'UniqueConstraintViolation', constraint: fields ? { fields } : undefined };
    }
    case '40001':
      return { kind: 'TransactionWriteConflict' };
    default:
      return undefined;
  }
}
