// The KPI section of the managers' digest for a reader of 100 departments × 50 KPIs × 90 days
// of daily values (5,000 KPIs, 450,000 samples): the time to compose it (values, change,
// target, status, the narrative by rules), charts excluded, and the SQL statements it issues.
// `npm run bench:kpi-digest` — PGlite in memory; LIAISON_BENCH_DATABASE_URL runs it on a
// fresh PostgreSQL database. The statements do not depend on the sizes: one, the worst KPIs
// of the departments with their latest two values (kept on each KPI), open breach and counts.
import { pino } from 'pino';
import type { Database } from '../src/db/database.js';
import { translator } from '../src/i18n/catalog.js';
import type { DigestAudience } from '../src/modules/digest/digest-section.types.js';
import { createKpisDigestSection } from '../src/modules/kpis/kpi-digest.service.js';
import { createKpisPrismaRepository } from '../src/modules/kpis/kpis.prisma-repository.js';
import type { KpisRepository } from '../src/modules/kpis/kpis.repository.js';
import { createKpisService } from '../src/modules/kpis/kpis.service.js';
import { openBenchDatabase } from './lib/bench-database.js';
import { summarize } from './lib/stats.js';

const SERVER_URL = process.env.LIAISON_BENCH_DATABASE_URL;
const DEPARTMENTS = 100;
const KPIS_PER_DEPARTMENT = 50;
const DAYS = 90;
const ROUNDS = 7;
const logger = pino({ level: 'error' });

async function seed(db: Database): Promise<{ workspaceId: string; departmentIds: string[] }> {
  const { prisma } = db;
  const workspace = await prisma.workspace.create({
    data: { slackTeamId: 'TBENCH', name: 'Bench', defaultLocale: 'en', defaultTimeZone: 'Asia/Shanghai' },
  });
  await prisma.$executeRaw`
    INSERT INTO "Department" (id, "workspaceId", key, "nameEn", "nameZh", "createdAt", "updatedAt")
    SELECT 'd' || n, ${workspace.id}, 'dept-' || n, 'Department ' || n, '部门' || n, now(), now()
    FROM generate_series(1, ${DEPARTMENTS}) n`;
  await prisma.$executeRaw`
    INSERT INTO "Kpi" (id, "workspaceId", key, "nameEn", "nameZh", unit, "ownerDepartmentId",
                       direction, aggregation, period, target, "createdAt", "updatedAt")
    SELECT 'k' || d || '-' || k, ${workspace.id}, 'kpi_' || d || '_' || k, 'KPI ' || d || '.' || k,
           '指标' || d || '.' || k, 'PERCENT', 'd' || d,
           (CASE WHEN k % 2 = 0 THEN 'HIGHER_IS_BETTER' ELSE 'LOWER_IS_BETTER' END)::"KpiDirection",
           'LAST', 'DAILY', 50, now(), now()
    FROM generate_series(1, ${DEPARTMENTS}) d, generate_series(1, ${KPIS_PER_DEPARTMENT}) k`;
  await prisma.$executeRaw`
    INSERT INTO "KpiSample" (id, "kpiId", period, value, "createdAt", "updatedAt")
    SELECT k.id || '@' || day, k.id, to_char(date '2036-09-01' + day, 'YYYY-MM-DD'),
           40 + ((hashtext(k.id || day) & 1023) / 51.0), now(), now()
    FROM "Kpi" k, generate_series(0, ${DAYS - 1}) day`;
  await prisma.$executeRaw`ANALYZE`;
  const departments = await prisma.department.findMany({
    where: { workspaceId: workspace.id },
    select: { id: true },
  });
  return { workspaceId: workspace.id, departmentIds: departments.map((d) => d.id) };
}

/** The repository with each call counted (each is one SQL statement, listed at the top). */
function counted(repo: KpisRepository): { repo: KpisRepository; calls: () => number; reset: () => void } {
  let calls = 0;
  const wrapped = Object.fromEntries(
    Object.entries(repo).map(([name, fn]) => [
      name,
      (...args: unknown[]) => {
        calls += 1;
        return (fn as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as KpisRepository;
  return { repo: wrapped, calls: () => calls, reset: () => (calls = 0) };
}

async function main(): Promise<void> {
  const { db, drop } = await openBenchDatabase(SERVER_URL, logger);
  const seeding = performance.now();
  const { workspaceId, departmentIds } = await seed(db);
  console.log(
    `seeded ${await db.prisma.kpiSample.count()} samples in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
  );
  const { repo, calls, reset } = counted(createKpisPrismaRepository(db.prisma));
  const kpis = createKpisService({
    repo,
    authorization: {} as never,
    clock: { now: () => new Date('2036-12-01T02:00:00Z') },
  });
  const section = createKpisDigestSection({ worstOf: kpis.worstOf });
  const audience: DigestAudience = {
    workspaceId,
    personId: 'bench',
    roles: ['executive', 'member'],
    departments: departmentIds.map((id, i) => ({ id, name: `Department ${i + 1}`, role: 'EXECUTIVE' })),
    locale: 'en',
    timeZone: 'Asia/Shanghai',
    t: translator('en'),
    period: {
      cadence: 'weekly',
      start: new Date('2036-11-24'),
      end: new Date('2036-12-01'),
      key: 'weekly:2036-W49',
    },
    now: new Date('2036-12-01T02:00:00Z'),
  };
  const times: number[] = [];
  let statements = 0;
  let lines = 0;
  for (let round = 0; round < ROUNDS; round++) {
    reset();
    const began = performance.now();
    const content = await section.load(audience);
    const ms = performance.now() - began;
    if (round >= 2) times.push(ms);
    statements = calls();
    lines = content?.groups[1]?.total ?? 0;
  }
  console.log(
    `${SERVER_URL ? 'PostgreSQL' : 'PGlite (embedded)'}: KPI section for ${DEPARTMENTS} departments × ` +
      `${KPIS_PER_DEPARTMENT} KPIs × ${DAYS} days (${lines} KPIs) — ${statements} repository queries; ` +
      `composed in ${JSON.stringify(summarize(times))} ms (n=${times.length}, 2 warm-up rounds not counted)`,
  );
  await drop();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
