// The embedded database in a thread of its own (issue 16): it answers as PGlite in the main
// thread would — same values, same errors, same transactions — while the main thread's event
// loop keeps turning during a long statement.
import { messages, PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGliteThreadClient } from '../../src/db/embedded-thread/pglite-thread-client.js';

let thread: PGliteThreadClient;
let inline: PGlite;

beforeAll(async () => {
  [thread, inline] = await Promise.all([PGliteThreadClient.start({ settings: [] }), PGlite.create()]);
  const schema = 'CREATE TABLE item (id int PRIMARY KEY, label text NOT NULL);';
  await Promise.all([thread.exec(schema), inline.exec(schema)]);
}, 60_000);

afterAll(async () => {
  await Promise.all([thread?.close(), inline?.close()]);
});

const EVERY_TYPE = `SELECT 42::int AS int4, 9007199254740993::int8 AS int8, 1.5::float8 AS float8,
  12.30::numeric AS numeric, true AS bool, 'text' AS text, NULL::text AS nothing,
  '2026-03-29 01:30:00+00'::timestamptz AS at, '2026-03-29'::date AS day,
  '{"a":[1,2]}'::jsonb AS doc, '\\x00ff'::bytea AS bytes, ARRAY[1,2,3] AS numbers,
  ARRAY['a','b'] AS words, '6c8a3c2e-7a40-4d6f-9a39-1f1b8a0c3d11'::uuid AS id, $1::text AS param`;

describe('the embedded database thread', () => {
  it('returns the values PGlite returns in the main thread, as objects and as arrays', async () => {
    const params = ['café <!channel>'];
    expect(await thread.query(EVERY_TYPE, params)).toEqual(await inline.query(EVERY_TYPE, params));
    const asArrays = { rowMode: 'array' as const };
    expect(await thread.query(EVERY_TYPE, params, asArrays)).toEqual(
      await inline.query(EVERY_TYPE, params, asArrays),
    );
  });

  it("applies the caller's parsers, as the Prisma adapter passes them", async () => {
    const parsers = { 23: (text: string) => `int:${text}` };
    const sql = 'SELECT 7::int AS n, 8::int8 AS m';
    const result = await thread.query(sql, [], { parsers });
    expect(result.rows).toEqual([{ n: 'int:7', m: 8 }]);
    expect(result).toEqual(await inline.query(sql, [], { parsers }));
  });

  it('keeps the main thread free while a long statement runs', async () => {
    let turns = 0;
    const ticker = setInterval(() => {
      turns += 1;
    }, 5);
    const started = performance.now();
    try {
      await thread.query('SELECT count(*) FROM generate_series(1, 2000000)');
    } finally {
      clearInterval(ticker);
    }
    const elapsed = performance.now() - started;
    // In the main thread the statement holds the event loop: not one tick until it ends.
    expect(elapsed).toBeGreaterThan(50);
    expect(turns).toBeGreaterThanOrEqual(Math.floor(elapsed / 5 / 4));
  });

  it("rebuilds PostgreSQL's errors as PGlite's DatabaseError, SQLSTATE and detail kept", async () => {
    await thread.query('INSERT INTO item VALUES (1, $1)', ['one']);
    const error = await thread.query('INSERT INTO item VALUES (1, $1)', ['again']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(messages.DatabaseError);
    expect(error).toMatchObject({
      code: '23505',
      severity: 'ERROR',
      detail: 'Key (id)=(1) already exists.',
      constraint: 'item_pkey',
      table: 'item',
    });
  });

  it('commits a transaction when its callback returns, and rolls back when it throws or asks to', async () => {
    const value = await thread.transaction(async (tx) => {
      await tx.query('INSERT INTO item VALUES (10, $1)', ['kept']);
      return 'returned';
    });
    expect(value).toBe('returned');
    const failure = await thread
      .transaction(async (tx) => {
        await tx.query('INSERT INTO item VALUES (11, $1)', ['thrown away']);
        throw new Error('changed my mind');
      })
      .catch((e: unknown) => e);
    expect(failure).toEqual(new Error('changed my mind'));
    await thread.transaction(async (tx) => {
      await tx.query('INSERT INTO item VALUES (12, $1)', ['rolled back']);
      await tx.rollback();
      expect(tx.closed).toBe(true);
    });
    const rows = await thread.query<{ id: number }>('SELECT id FROM item WHERE id >= 10 ORDER BY id');
    expect(rows.rows).toEqual([{ id: 10 }]);
  });

  it('makes other statements wait for an open transaction, as PGlite does', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const transaction = thread.transaction(async (tx) => {
      await tx.query('INSERT INTO item VALUES (20, $1)', ['inside']);
      await held;
    });
    // Sent while the transaction is open: answered only after it commits, so it sees the row.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const outside = thread.query<{ n: number }>('SELECT count(*)::int AS n FROM item WHERE id = 20');
    let answered = false;
    void outside.then(() => {
      answered = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    release();
    await transaction;
    expect((await outside).rows).toEqual([{ n: 1 }]);
  });

  it('runs many statements sent at once, each answered with its own result', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => thread.query<{ n: number }>('SELECT $1::int * 2 AS n', [i])),
    );
    expect(results.map((result) => result.rows[0]?.n)).toEqual(Array.from({ length: 200 }, (_, i) => i * 2));
  });
});

describe('a closed thread', () => {
  it('refuses statements with a clear error instead of hanging', async () => {
    const own = await PGliteThreadClient.start({ settings: [] });
    await own.close();
    await expect(own.query('SELECT 1')).rejects.toThrow('The embedded database is closed');
  });

  it('lets a transaction open at close finish its statements, then closes (PGlite alone would wait forever)', async () => {
    const own = await PGliteThreadClient.start({ settings: [] });
    await own.exec('CREATE TABLE note (text text)');
    let release: () => void = () => {};
    const midway = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered: () => void = () => {};
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const work = own.transaction(async (tx) => {
      await tx.query("INSERT INTO note VALUES ('first')");
      entered();
      await midway;
      // Sent after close: still runs, and the transaction commits.
      await tx.query("INSERT INTO note VALUES ('second')");
      return (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM note')).rows[0]?.n;
    });
    await inside;
    const closed = own.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // A statement from outside the transaction is refused once closing, not queued behind it.
    await expect(own.query('SELECT 1')).rejects.toThrow(/closing|closed/);
    release();
    expect(await work).toBe(2);
    await closed;
  }, 60_000);

  it('rolls back a transaction that does not finish within the grace, and closes', async () => {
    const own = await PGliteThreadClient.start({ settings: [] });
    const never = new Promise<void>(() => {});
    let entered: () => void = () => {};
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    void own
      .transaction(async (tx) => {
        await tx.query('SELECT 1');
        entered();
        await never;
      })
      .catch(() => {});
    await inside;
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
  }, 60_000);

  it('closes once when asked twice at the same time, both callers waiting for the same close', async () => {
    const own = await PGliteThreadClient.start({ settings: [] });
    await expect(Promise.all([own.close(), own.close()])).resolves.toEqual([undefined, undefined]);
    await expect(own.query('SELECT 1')).rejects.toThrow('The embedded database is closed');
  }, 60_000);

  it('reports why it could not open', async () => {
    await expect(PGliteThreadClient.start({ settings: ['shared_buffers=not-a-size'] })).rejects.toThrow();
  });
});
