// OKR check-ins at scale: one pass of the check-in job for 2,000 key-result owners (prompts
// generated and queued through notify(), as Delivery rows; nothing is sent), and the wrap-up
// of a 200-KR department (built from the database and rendered). Targets: prompts queued in
// < 5 s, the wrap-up in < 300 ms.
// `npm run bench:okr` — PGlite in memory; LIAISON_BENCH_DATABASE_URL runs it on PostgreSQL.
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { pino } from 'pino';
import type { Database } from '../src/db/database.js';
import { servicesOf } from '../src/features/feature-registry.js';
import { wrapUpMessage } from '../src/features/okrs/okr-check-in.view.js';
import { okrsFeature } from '../src/features/okrs/okrs.feature.js';
import { buildSlackDeps } from '../src/wiring/build-slack-deps.js';
import { openBenchDatabase } from './lib/bench-database.js';
import { countSqlStatements } from './lib/count-sql.js';
import { summarize } from './lib/stats.js';

const SERVER_URL = process.env.LIAISON_BENCH_DATABASE_URL;
/** BENCH_PROFILE=file.cpuprofile: a V8 CPU profile of the prompt pass only. */
const PROFILE_TO = process.env.BENCH_PROFILE;
const OWNERS = Number(process.env.BENCH_OKR_OWNERS ?? 2000);
const DEPARTMENTS = 20;
const WRAP_UP_KRS = 200;
const logger = pino({ level: 'error' });
const sql = countSqlStatements();
// Monday 7 December 2026, 10:30 UTC: everyone (in UTC) is due their prompt.
let now = new Date('2026-12-07T10:30:00Z');
const clock = { now: () => new Date(now) };

async function seed(db: Database) {
  const workspace = await db.prisma.workspace.create({
    data: {
      slackTeamId: `TOKR${randomBytes(3).toString('hex')}`,
      name: 'Bench',
      defaultLocale: 'en',
      defaultTimeZone: 'UTC',
    },
    select: { id: true },
  });
  const period = await db.prisma.okrPeriod.create({
    data: { workspaceId: workspace.id, key: '2026-Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' },
  });
  const people = Array.from({ length: OWNERS }, (_, i) => ({
    id: randomUUID(),
    workspaceId: workspace.id,
    slackUserId: `UOKR${String(i).padStart(6, '0')}`,
    displayName: `owner${i}`,
    timeZone: 'UTC',
    locale: i % 2 ? 'zh-CN' : 'en',
  }));
  await db.prisma.person.createMany({ data: people });
  const departments = Array.from({ length: DEPARTMENTS + 1 }, (_, i) => ({
    id: randomUUID(),
    workspaceId: workspace.id,
    key: `dept-${i}`,
    nameEn: `Department ${i}`,
    nameZh: `部门 ${i}`,
    slackChannelId: `C0DEPT${i}`,
  }));
  await db.prisma.department.createMany({ data: departments });
  let number = 1;
  const objectives = departments.map((d) => ({
    id: randomUUID(),
    workspaceId: workspace.id,
    number: number++,
    periodId: period.id,
    departmentId: d.id,
    title: `Objective of ${d.key}`,
  }));
  await db.prisma.okrObjective.createMany({ data: objectives });
  let kr = 1;
  // 2,000 owners over 20 departments, one metric KR each; the last department: 200 KRs by 40 owners.
  const keyResults = people.map((p, i) => ({
    id: randomUUID(),
    workspaceId: workspace.id,
    number: kr++,
    objectiveId: (objectives[i % DEPARTMENTS] as { id: string }).id,
    title: `Key result ${i}`,
    kind: 'METRIC' as const,
    startValue: 0,
    targetValue: 100,
    currentValue: i % 100,
    unit: '%',
    ownerPersonId: p.id,
  }));
  const big = objectives[DEPARTMENTS] as { id: string };
  const wrapKrs = Array.from({ length: WRAP_UP_KRS }, (_, i) => ({
    id: randomUUID(),
    workspaceId: workspace.id,
    number: kr++,
    objectiveId: big.id,
    title: `Wrap-up key result ${i} with a realistic title`,
    kind: i % 5 === 0 ? ('MILESTONE' as const) : ('METRIC' as const),
    startValue: i % 5 === 0 ? null : 10,
    targetValue: i % 5 === 0 ? null : 20,
    currentValue: i % 5 === 0 ? null : 10 + (i % 10),
    ownerPersonId: (people[i % 40] as { id: string }).id,
  }));
  await db.prisma.okrKeyResult.createMany({ data: [...keyResults, ...wrapKrs] });
  return {
    workspaceId: workspace.id,
    bigDepartmentId: (departments[DEPARTMENTS] as { id: string }).id,
    wrapKrs,
  };
}

async function main() {
  const { db, drop } = await openBenchDatabase(SERVER_URL, logger);
  try {
    const seedStart = performance.now();
    const seeded = await seed(db);
    console.log(`seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    const deps = buildSlackDeps({
      db,
      clock,
      logger,
      llm: { mode: 'fallback' },
      defaults: { locale: 'en', timeZone: 'UTC' },
    });
    const { checkIns } = servicesOf(deps, okrsFeature);

    sql.reset();
    const profiler = PROFILE_TO ? new Session() : null;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    const started = performance.now();
    const tally = await checkIns.run(seeded.workspaceId);
    const promptMs = performance.now() - started;
    if (profiler && PROFILE_TO) {
      const { profile } = await profiler.post('Profiler.stop');
      await writeFile(PROFILE_TO, JSON.stringify(profile));
      console.log(
        `CPU profile of the prompt pass: ${PROFILE_TO} (npx tsx bench/profile-summary.ts ${PROFILE_TO})`,
      );
    }
    const promptStatements = sql.count();
    const queued = await db.prisma.delivery.count({ where: { kind: 'okr.check_in' } });
    console.log(
      `prompts: ${tally.prompted} owners prompted, ${queued} DMs queued in ${(promptMs / 1000).toFixed(2)} s (target < 5 s) ${promptMs < 5000 ? 'PASS' : 'FAIL'}; ${promptStatements} SQL statements`,
    );

    // Half the big department's KRs answered, some with blockers; then the window closes.
    const window = await db.prisma.okrCheckInWindow.findFirstOrThrow({
      where: { departmentId: seeded.bigDepartmentId },
    });
    await db.prisma.okrCheckIn.createMany({
      data: seeded.wrapKrs
        .filter((_, i) => i % 2 === 0)
        .map((kr, i) => ({
          windowId: window.id,
          keyResultId: kr.id,
          personId: kr.ownerPersonId,
          value: 15,
          progress: 0.5,
          confidence: (['ON_TRACK', 'AT_RISK', 'OFF_TRACK'] as const)[i % 3],
          blockers: i % 7 === 0 ? 'Waiting on the warehouse for a pick-list export' : null,
          late: i % 11 === 0,
          answeredAt: now,
        })),
    });
    const samples: number[] = [];
    let wrapStatements = 0;
    for (let i = 0; i < 20; i++) {
      sql.reset();
      const t0 = performance.now();
      const wrapUp = await checkIns.buildWrapUp(window.id);
      if (!wrapUp) throw new Error('no wrap-up');
      wrapUpMessage(wrapUp, 'en');
      samples.push(performance.now() - t0);
      wrapStatements = sql.count();
    }
    const stats = summarize(samples);
    console.log(
      `wrap-up of ${WRAP_UP_KRS} KRs: median ${stats.p50.toFixed(1)} ms, p95 ${stats.p95.toFixed(1)} ms (target < 300 ms) ${stats.p95 < 300 ? 'PASS' : 'FAIL'}; ${wrapStatements} SQL statements`,
    );
    // The same pass again at the same time: nothing new is queued (idempotent).
    sql.reset();
    const t2 = performance.now();
    const again = await checkIns.run(seeded.workspaceId);
    const againMs = performance.now() - t2;
    const againStatements = sql.count();
    const queuedAgain = await db.prisma.delivery.count({ where: { kind: 'okr.check_in' } });
    console.log(
      `second pass at the same time: ${again.prompted} prompted, ${queuedAgain - queued} more DMs, in ${(againMs / 1000).toFixed(2)} s; ${againStatements} SQL statements`,
    );
    now = new Date(window.closesAt.getTime() + 60_000);
    sql.reset();
    const t1 = performance.now();
    const closing = await checkIns.run(seeded.workspaceId);
    console.log(
      `closing pass: ${closing.wrappedUp} wrap-ups queued in ${((performance.now() - t1) / 1000).toFixed(2)} s; ${sql.count()} SQL statements`,
    );
  } finally {
    await drop();
  }
}

await main();
