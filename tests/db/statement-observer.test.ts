import { describe, expect, it } from 'vitest';
import { tablesWritten } from '../../src/db/statement-observer.js';

describe('tablesWritten: what a statement may change, for caches that must forget', () => {
  it('names the tables of Prisma’s writes and of raw SQL', () => {
    expect(tablesWritten('UPDATE "public"."Person" SET "isLiaisonAdmin" = $1 WHERE "id" = $2')).toEqual([
      'Person',
    ]);
    expect(
      tablesWritten('INSERT INTO "public"."Membership" ("id","role") VALUES ($1,$2) RETURNING "id"'),
    ).toContain('Membership');
    expect(tablesWritten('DELETE FROM "public"."Membership" WHERE "personId" = $1')).toEqual(['Membership']);
    expect(tablesWritten('update Department set "archivedAt" = now()')).toEqual(['Department']);
    expect(
      tablesWritten(
        'WITH incoming AS (SELECT 1) INSERT INTO "Person" AS p ("id") SELECT 1 ON CONFLICT ("id") DO UPDATE SET "active" = true',
      ),
    ).toContain('Person');
  });

  it('names nothing for reads, and everything for TRUNCATE and DDL', () => {
    expect(tablesWritten('SELECT "updatedAt" FROM "public"."Person" WHERE "id" = $1')).toEqual([]);
    expect(tablesWritten('TRUNCATE "Person", "Membership" CASCADE')).toEqual(['*']);
    expect(tablesWritten('ALTER TABLE "Person" ADD COLUMN "x" TEXT')).toEqual(['*']);
  });
});
