// Both databases raise the same Prisma errors for broken constraints: code that treats a
// duplicate as "someone else was first" (form submissions, claims) must not see an unknown
// error on the embedded database only (src/db/embedded-error-kinds.ts).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../src/generated/prisma/client.js';
import { openTestDatabase, type TestDatabase } from '../harness/test-database.js';

let db: TestDatabase;
let workspaceId: string;

beforeAll(async () => {
  db = await openTestDatabase();
  const workspace = await db.prisma.workspace.create({
    data: { slackTeamId: 'T-constraints', name: 'Constraints', defaultLocale: 'en', defaultTimeZone: 'UTC' },
  });
  workspaceId = workspace.id;
});

afterAll(async () => {
  await db.close();
});

const submission = (key: string) => ({
  workspaceId,
  key,
  callbackId: 'escalations.raise',
  leaseUntil: new Date('2026-12-07T12:00:00Z'),
});

async function failureOf(work: Promise<unknown>): Promise<Prisma.PrismaClientKnownRequestError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
  return error as Prisma.PrismaClientKnownRequestError;
}

describe('a broken constraint', () => {
  it('a duplicate is P2002, naming the unique fields', async () => {
    await db.prisma.formSubmission.create({ data: submission('view-1:hash') });
    const error = await failureOf(db.prisma.formSubmission.create({ data: submission('view-1:hash') }));
    expect(error.code).toBe('P2002');
    expect(JSON.stringify(error.meta)).toContain('key');
  });

  it('a duplicate inside an interactive transaction is P2002 too, and nothing of it is kept', async () => {
    await db.prisma.formSubmission.create({ data: submission('view-2:hash') });
    const error = await failureOf(
      db.prisma.$transaction(async (tx) => {
        await tx.formSubmission.create({ data: submission('view-3:hash') });
        await tx.formSubmission.create({ data: submission('view-2:hash') });
      }),
    );
    expect(error.code).toBe('P2002');
    expect(await db.prisma.formSubmission.count({ where: { key: 'view-3:hash' } })).toBe(0);
  });

  it('a missing parent is P2003', async () => {
    const error = await failureOf(
      db.prisma.formSubmission.create({
        data: { ...submission('view-4:hash'), workspaceId: crypto.randomUUID() },
      }),
    );
    expect(error.code).toBe('P2003');
  });

  it('two claims of one key sent at once: one row, the other told P2002', async () => {
    const outcomes = await Promise.allSettled(
      [1, 2, 3].map(() => db.prisma.formSubmission.create({ data: submission('view-5:hash') })),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes)
      if (outcome.status === 'rejected') expect((outcome.reason as { code?: string }).code).toBe('P2002');
    expect(await db.prisma.formSubmission.count({ where: { key: 'view-5:hash' } })).toBe(1);
  });
});
