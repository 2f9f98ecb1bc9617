import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_MIGRATIONS_DIR } from '../../../src/db/paths.js';
import { DEMO_TEAM } from '../../../src/modules/demo/demo.data.js';
import { createDemoPrismaRepository } from '../../../src/modules/demo/demo.prisma-repository.js';
import { ensureDemoWorkspace } from '../../../src/modules/demo/demo.service.js';
import { openTestDatabase, type TestDatabase } from '../../harness/test-database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const localesOf = async (slackTeamId: string) =>
  (
    await db.prisma.department.findMany({
      where: { workspace: { slackTeamId } },
      select: { key: true, locale: true },
      orderBy: { key: 'asc' },
    })
  ).map((d) => `${d.key}:${d.locale}`);

describe('the demo workspace’s departments speak Chinese', () => {
  it('are seeded with the language zh-CN in an English workspace', async () => {
    await ensureDemoWorkspace({
      repo: createDemoPrismaRepository(db.prisma),
      defaults: { locale: 'en', timeZone: 'UTC' },
    });
    const locales = await localesOf(DEMO_TEAM.teamId);
    expect(locales).toHaveLength(12);
    expect(locales.every((entry) => entry.endsWith(':zh-CN'))).toBe(true);
    expect(
      (await db.prisma.workspace.findUniqueOrThrow({ where: { slackTeamId: DEMO_TEAM.teamId } }))
        .defaultLocale,
    ).toBe('en');
  });

  it('a demo workspace seeded before gets them by migration; a chosen language and other workspaces stay', async () => {
    const workspace = await db.prisma.workspace.findUniqueOrThrow({
      where: { slackTeamId: DEMO_TEAM.teamId },
    });
    // As seeded before departments had a language, except one someone set to English.
    await db.prisma.department.updateMany({ where: { workspaceId: workspace.id }, data: { locale: null } });
    await db.prisma.department.updateMany({
      where: { workspaceId: workspace.id, key: 'tech' },
      data: { locale: 'en' },
    });
    const real = await db.prisma.workspace.create({
      data: { slackTeamId: 'T0REAL', name: 'Real', defaultLocale: 'en', defaultTimeZone: 'UTC' },
    });
    await db.prisma.department.create({
      data: { workspaceId: real.id, key: 'ops', nameEn: 'Ops', nameZh: '运营' },
    });

    const sql = await readFile(
      path.join(PROJECT_MIGRATIONS_DIR, '20261206233000_demo_departments_chinese', 'migration.sql'),
      'utf8',
    );
    await db.prisma.$executeRawUnsafe(sql);

    const locales = await localesOf(DEMO_TEAM.teamId);
    expect(locales.filter((entry) => entry.endsWith(':zh-CN'))).toHaveLength(11);
    expect(locales).toContain('tech:en');
    expect(await localesOf('T0REAL')).toEqual(['ops:null']);
  });
});
