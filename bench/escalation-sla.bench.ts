// The escalation SLA ladder under the real scheduler: 500 open escalations whose level-1
// deadlines are staggered over a few minutes of real time. Each breach must be acted on
// within the tick interval + 2 s of its deadline, and none twice.
// `npm run bench:escalations` — PGlite in memory, one scheduler instance; with
// LIAISON_BENCH_DATABASE_URL (a PostgreSQL server URL) a fresh database is created there and
// TWO scheduler instances (own pools, own instance ids) run against it, as two replicas would.
import { randomBytes, randomUUID } from 'node:crypto';
import { pino } from 'pino';
import type { Database } from '../src/db/database.js';
import { applyPendingMigrations } from '../src/db/migrator.js';
import { openInMemoryDatabase } from '../src/db/open-database.js';
import { PROJECT_MIGRATIONS_DIR } from '../src/db/paths.js';
import {
  ESCALATION_SLA_KIND,
  ensureEscalationSlaSchedule,
  escalationSlaJob,
} from '../src/features/escalations/escalation-sla.job.js';
import { startScheduling } from '../src/jobs/start-scheduling.js';
import { systemClock } from '../src/modules/shared/clock.types.js';
import { buildSlackDeps } from '../src/wiring/build-slack-deps.js';
import { freshPostgres } from './lib/fresh-postgres.js';
import { summarize } from './lib/stats.js';

const seconds = (millis: number) => `${(millis / 1000).toFixed(2)} s`;

const SERVER_URL = process.env.LIAISON_BENCH_DATABASE_URL;
const ESCALATIONS = Number(process.env.BENCH_ESCALATIONS ?? 500);
/** Deadlines run from FIRST_DEADLINE_S to FIRST_DEADLINE_S + SPREAD_S seconds after setup. */
const FIRST_DEADLINE_S = 10;
const SPREAD_S = Number(process.env.BENCH_SPREAD_S ?? 150);
/** The scheduler ticks once a minute and the SLA schedule is every minute: the tick interval. */
const TICK_MS = 60_000;
const BOUND_MS = TICK_MS + 2_000;
const logger = pino({ level: 'error' });
const defaults = { locale: 'en' as const, timeZone: 'UTC' };
const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

/** Two Database handles (separate pools) on one fresh PostgreSQL database, or one PGlite. */
async function openDatabases(): Promise<{ dbs: Database[]; drop: () => Promise<void> }> {
  if (!SERVER_URL) {
    const db = await openInMemoryDatabase();
    await applyPendingMigrations(db, { migrationsDir: PROJECT_MIGRATIONS_DIR, logger });
    return { dbs: [db], drop: () => db.close() };
  }
  return freshPostgres(SERVER_URL, { handles: 2, logger });
}

/** A workspace with two departments (a lead each, a head for one) and a raiser. */
async function seed(db: Database) {
  const workspace = await db.prisma.workspace.create({
    data: {
      slackTeamId: `TBENCH${randomBytes(3).toString('hex')}`,
      name: 'Bench',
      defaultLocale: 'en',
      defaultTimeZone: 'UTC',
    },
    select: { id: true },
  });
  const person = (slackUserId: string, locale: string, timeZone: string) =>
    db.prisma.person.create({
      data: { workspaceId: workspace.id, slackUserId, displayName: slackUserId, locale, timeZone },
      select: { id: true },
    });
  const raiser = await person('UBRAISER', 'en-US', 'America/New_York');
  const leadA = await person('UBLEADA', 'zh-CN', 'Asia/Shanghai');
  const leadB = await person('UBLEADB', 'en-GB', 'Europe/London');
  const headA = await person('UBHEADA', 'zh-CN', 'Asia/Shanghai');
  const department = (key: string) =>
    db.prisma.department.create({
      data: { workspaceId: workspace.id, key, nameEn: key, nameZh: key },
      select: { id: true },
    });
  const a = await department('a');
  const b = await department('b');
  await db.prisma.membership.createMany({
    data: [
      { personId: leadA.id, departmentId: a.id, role: 'LEAD' },
      { personId: leadB.id, departmentId: b.id, role: 'LEAD' },
      { personId: headA.id, departmentId: a.id, role: 'HEAD' },
    ],
  });
  return { workspaceId: workspace.id, raiserId: raiser.id, departmentIds: [a.id, b.id] };
}

async function main() {
  const instances = SERVER_URL ? 2 : 1;
  const { dbs, drop } = await openDatabases();
  const [db] = dbs as [Database];
  try {
    const { workspaceId, raiserId, departmentIds } = await seed(db);
    const started = Date.now();
    const deadlines = Array.from(
      { length: ESCALATIONS },
      (_, i) => new Date(started + FIRST_DEADLINE_S * 1000 + Math.round((i * SPREAD_S * 1000) / ESCALATIONS)),
    );
    const ids = deadlines.map(() => randomUUID());
    await db.prisma.escalation.createMany({
      data: ids.map((id, i) => ({
        id,
        workspaceId,
        number: i + 1,
        title: `Bench escalation ${i + 1}`,
        blocked: 'b',
        impact: 'i',
        decisionNeeded: 'd',
        options: [],
        severity: 'NORMAL' as const,
        level: 1,
        raisedByPersonId: raiserId,
        slaDueAt: deadlines[i] as Date,
      })),
    });
    await db.prisma.escalationDepartment.createMany({
      data: ids.flatMap((escalationId) => [
        { escalationId, departmentId: departmentIds[0] as string, role: 'RAISER' },
        { escalationId, departmentId: departmentIds[1] as string, role: 'COUNTERPART' },
      ]),
    });
    await db.prisma.workspace.update({
      where: { id: workspaceId },
      data: { nextEscalationNumber: ESCALATIONS + 1 },
    });

    const running = dbs.map((instanceDb, i) => {
      const deps = buildSlackDeps({
        db: instanceDb,
        clock: systemClock,
        logger,
        llm: { mode: 'fallback' },
        defaults,
      });
      return {
        deps,
        scheduling: startScheduling({
          db: instanceDb,
          clock: systemClock,
          logger,
          calendars: deps.calendar.calendars,
          handlers: () => [escalationSlaJob({ escalations: deps.escalations })],
          instanceId: `bench-${i + 1}`,
        }),
      };
    });
    await ensureEscalationSlaSchedule((running[0] as (typeof running)[number]).deps.schedules, workspaceId);
    // Two replicas: the scheduler hands each minute's slot to one of them, so on top of that
    // the second instance runs the same sweep itself at every minute boundary, racing the
    // slot's owner for the same escalations (what an overlapping or retried run would do).
    let raced = 0;
    let racer: NodeJS.Timeout | undefined;
    const second = running[1];
    if (second) {
      const race = () => {
        racer = setTimeout(
          async () => {
            raced += (await second.deps.escalations.sweep({ workspaceId })).breached;
            race();
          },
          60_000 - (Date.now() % 60_000),
        );
      };
      race();
    }
    const lastDeadline = deadlines[deadlines.length - 1] as Date;
    console.log(
      `${ESCALATIONS} escalations, deadlines ${FIRST_DEADLINE_S}–${FIRST_DEADLINE_S + SPREAD_S} s from now; ` +
        `${instances} scheduler instance(s) on ${SERVER_URL ? 'PostgreSQL' : 'PGlite'}; tick ${TICK_MS / 1000} s`,
    );
    // Until every breach is in, or well past the bound of the last one; then one more tick.
    const giveUp = lastDeadline.getTime() + BOUND_MS + 30_000;
    for (;;) {
      const done = await db.prisma.escalationEvent.count({ where: { type: 'sla_breached' } });
      if (done >= ESCALATIONS || Date.now() > giveUp) break;
      await sleep(2_000);
    }
    await sleep(TICK_MS + 5_000);
    clearTimeout(racer);
    for (const r of running) await r.scheduling.stop();

    const events = await db.prisma.escalationEvent.findMany({
      where: { type: 'sla_breached' },
      select: { escalationId: true, level: true, slaDueAt: true, at: true },
    });
    const perEscalation = new Map<string, number>();
    for (const e of events) perEscalation.set(e.escalationId, (perEscalation.get(e.escalationId) ?? 0) + 1);
    const twice = [...perEscalation.values()].filter((n) => n > 1).length;
    const missing = ESCALATIONS - perEscalation.size;
    const latencies = events.map((e) => e.at.getTime() - (e.slaDueAt as Date).getTime());
    const over = latencies.filter((l) => l > BOUND_MS).length;
    const runs = await db.prisma.jobRun.findMany({
      where: { schedule: { kind: ESCALATION_SLA_KIND } },
      select: { leaseOwner: true, status: true, result: true },
    });
    const byInstance = new Map<string, number>();
    for (const run of runs) {
      const breached = (run.result as { breached?: number } | null)?.breached ?? 0;
      byInstance.set(run.leaseOwner ?? '?', (byInstance.get(run.leaseOwner ?? '?') ?? 0) + breached);
    }
    const deliveries = await db.prisma.delivery.count({ where: { workspaceId, kind: 'escalation.update' } });
    const stats = summarize(latencies);
    console.log(
      `breaches acted on: ${perEscalation.size}/${ESCALATIONS} (missing ${missing}), acted on twice: ${twice}`,
    );
    console.log(
      `event time − deadline: min ${seconds(Math.min(...latencies))}  p50 ${seconds(stats.p50)}  p95 ${seconds(stats.p95)}  p99 ${seconds(stats.p99)}  max ${seconds(stats.max)}  ` +
        `(bound ${BOUND_MS / 1000} s; over the bound: ${over})`,
    );
    console.log(
      `SLA job runs: ${runs.length} (${runs.filter((r) => r.status === 'SUCCEEDED').length} succeeded); breaches per instance: ${[
        ...byInstance,
      ]
        .map(([id, n]) => `${id}=${n}`)
        .join(', ')}${second ? `; racing sweeps of bench-2: ${raced}` : ''}; DMs queued: ${deliveries}`,
    );
    const ok = missing === 0 && twice === 0 && over === 0;
    console.log(ok ? 'PASS' : 'FAIL');
    process.exitCode = ok ? 0 : 1;
  } finally {
    await drop();
  }
}

await main();
