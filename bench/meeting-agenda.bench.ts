// Agenda assembly at the cut-off for a 12-department joint meeting with 200 open action items
// from earlier meetings and 50 escalations marked for the meeting (issue 15's number: < 200 ms
// with a bounded number of queries). `npm run bench:meetings` — PGlite in memory;
// LIAISON_BENCH_DATABASE_URL=postgres://… runs it on a fresh PostgreSQL database.
// Counted per assembly: repository calls, Prisma operations and the SQL statements that
// reach the database driver (PGlite's or pg's `query`). BENCH_PHASES=1 prints the time of
// each repository call (the calls of one wave overlap, so they do not add up).
import { randomUUID } from 'node:crypto';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import { pino } from 'pino';
import { createMeetingCycleService } from '../src/modules/meetings/meeting-cycle.service.js';
import { createMeetingsPrismaRepository } from '../src/modules/meetings/meetings.prisma-repository.js';
import type { MeetingsRepository } from '../src/modules/meetings/meetings.repository.js';
import { openBenchDatabase } from './lib/bench-database.js';
import { summarize } from './lib/stats.js';

const SERVER_URL = process.env.LIAISON_BENCH_DATABASE_URL;
const ACTION_ITEMS = Number(process.env.BENCH_ACTION_ITEMS ?? 200);
const ESCALATIONS = Number(process.env.BENCH_ESCALATIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const PHASES = process.env.BENCH_PHASES === '1';
const logger = pino({ level: 'error' });

// Every SQL statement Prisma's driver adapters send goes through `query` (pg's client, PGlite,
// or a PGlite transaction, whose BEGIN and COMMIT count as two more).
let statements = 0;
const traced: string[] | null = process.env.BENCH_SQL === '1' ? [] : null;
type Queryable = { query: (...a: unknown[]) => unknown };
function counted(target: Queryable) {
  const original = target.query;
  target.query = function (this: unknown, ...args: unknown[]) {
    statements++;
    if (!traced) return original.apply(this, args);
    const started = performance.now();
    const result = original.apply(this, args) as Promise<unknown>;
    const sql = String(args[0]).replace(/\s+/g, ' ').slice(0, 160);
    return result.finally(() => traced.push(`${(performance.now() - started).toFixed(1)} ms ${sql}`));
  };
}
counted(PGlite.prototype as unknown as Queryable);
counted(pg.Client.prototype as unknown as Queryable);
const pgliteTransaction = PGlite.prototype.transaction;
PGlite.prototype.transaction = function <T>(this: PGlite, callback: (tx: Transaction) => Promise<T>) {
  statements += 2;
  traced?.push('BEGIN … COMMIT');
  return pgliteTransaction.call(this, (tx): Promise<T> => {
    counted(tx as unknown as Queryable);
    return callback(tx);
  }) as Promise<T>;
};

const { db, drop } = await openBenchDatabase(SERVER_URL, logger);
const p = db.prisma;
const ws = await p.workspace.create({
  data: { slackTeamId: 'TBENCHMTG', name: 'Bench', defaultLocale: 'en', defaultTimeZone: 'UTC' },
});
const departments = await Promise.all(
  Array.from({ length: 12 }, (_, i) =>
    p.department.create({
      data: { workspaceId: ws.id, key: `d${i}`, nameEn: `Dept ${i}`, nameZh: `部门 ${i}` },
    }),
  ),
);
const people = await Promise.all(
  departments.map((d, i) =>
    p.person.create({
      data: {
        workspaceId: ws.id,
        slackUserId: `UB${i}`,
        displayName: `lead${i}`,
        memberships: { create: { departmentId: d.id, role: 'LEAD' } },
      },
    }),
  ),
);
const series = await p.meetingSeries.create({
  data: {
    workspaceId: ws.id,
    number: 1,
    title: 'All departments',
    recurrence: { type: 'monthly', nth: 1, weekday: 3 },
    timeOfDay: '14:00',
    timeZone: 'Asia/Shanghai',
    channelId: 'CBENCH',
    facilitatorPersonId: people[0]?.id,
    agendaOpensHoursBefore: 72,
    agendaClosesHoursBefore: 24,
    departments: { create: departments.map((d) => ({ departmentId: d.id })) },
  },
});
const at = (iso: string) => new Date(iso);
const previous = await p.meeting.create({
  data: {
    workspaceId: ws.id,
    seriesId: series.id,
    plannedOn: '2036-11-05',
    startsAt: at('2036-11-05T06:00:00Z'),
    endsAt: at('2036-11-05T07:00:00Z'),
    opensAt: at('2036-11-02T06:00:00Z'),
    closesAt: at('2036-11-04T06:00:00Z'),
    agendaPostedAt: at('2036-11-04T06:00:00Z'),
    minutesPostedAt: at('2036-11-05T07:00:00Z'),
  },
});
const itemIds = Array.from({ length: ACTION_ITEMS }, () => randomUUID());
const decisionIds = itemIds.map(() => randomUUID());
await p.agendaItem.createMany({
  data: itemIds.map((id, i) => ({
    id,
    workspaceId: ws.id,
    meetingId: previous.id,
    source: 'submitted',
    title: `Item ${i}`,
    ownerDepartmentId: departments[i % 12]?.id,
    status: 'DECIDED' as const,
  })),
});
await p.decision.createMany({
  data: decisionIds.map((id, i) => ({
    id,
    workspaceId: ws.id,
    agendaItemId: itemIds[i],
    text: `Decision ${i}`,
    decidedByPersonId: people[0]?.id ?? '',
    decidedAt: at('2036-11-05T06:30:00Z'),
  })),
});
await p.actionItem.createMany({
  data: decisionIds.map((decisionId, i) => ({
    workspaceId: ws.id,
    title: `Action ${i}`,
    ownerPersonId: people[i % 12]?.id ?? '',
    dueOn: at('2036-11-20T00:00:00Z'),
    status: i % 2 ? ('OPEN' as const) : ('OVERDUE' as const),
    sourceType: 'meeting',
    sourceId: itemIds[i],
    decisionId,
  })),
});
for (let i = 0; i < ESCALATIONS; i++)
  await p.escalation.create({
    data: {
      workspaceId: ws.id,
      number: i + 1,
      title: `Escalation ${i}`,
      blocked: 'b',
      impact: 'i',
      decisionNeeded: 'd',
      options: [],
      severity: 'HIGH',
      raisedByPersonId: people[i % 12]?.id ?? '',
      markedForMeetingAt: at('2036-11-20T00:00:00Z'),
      departments: { create: [{ departmentId: departments[i % 12]?.id ?? '', role: 'RAISER' }] },
    },
  });

let queries = 0;
const counting = p.$extends({
  query: {
    async $allOperations({ args, query }) {
      queries++;
      return query(args);
    },
  },
}) as unknown as typeof p;
const phaseMs = new Map<string, number[]>();
const calls = new Map<string, number>();
/** The repository with each call counted (and timed with BENCH_PHASES=1). */
function measured(inner: MeetingsRepository): MeetingsRepository {
  return new Proxy(inner, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      const name = String(key);
      return async (...args: unknown[]) => {
        calls.set(name, (calls.get(name) ?? 0) + 1);
        const started = performance.now();
        try {
          return await value.apply(target, args);
        } finally {
          if (PHASES) phaseMs.set(name, [...(phaseMs.get(name) ?? []), performance.now() - started]);
        }
      };
    },
  });
}
const repo = measured(createMeetingsPrismaRepository(counting));
const cycle = createMeetingCycleService({
  repo,
  clock: { now: () => at('2036-12-02T06:01:00Z') },
  series: { nextOccurrences: async () => [] },
  announcer: {
    askForItems: async () => {},
    remind: async () => {},
    postAgenda: async () => null,
    postMinutes: async () => {},
  },
  describeSignal: (_series, signal) => ({ title: signal.kind, description: '' }),
});
const seriesDto = await repo.findSeriesById(series.id);
if (!seriesDto) throw new Error('no series');
const timings: number[] = [];
const queryCounts: number[] = [];
const statementCounts: number[] = [];
const callCounts: number[] = [];
let shape = '';
for (let round = 0; round < ROUNDS; round++) {
  const meeting = await p.meeting.create({
    data: {
      workspaceId: ws.id,
      seriesId: series.id,
      plannedOn: `2036-12-${String(round + 3).padStart(2, '0')}`,
      startsAt: at('2036-12-03T06:00:00Z'),
      endsAt: at('2036-12-03T07:00:00Z'),
      opensAt: at('2036-11-30T06:00:00Z'),
      closesAt: at('2036-12-02T06:00:00Z'),
    },
  });
  const dto = await repo.findMeeting(ws.id, meeting.id);
  if (!dto) throw new Error('no meeting');
  queries = 0;
  statements = 0;
  calls.clear();
  if (traced) traced.length = 0;
  const started = performance.now();
  const agenda = await cycle.assembleAgenda(dto, seriesDto);
  timings.push(performance.now() - started);
  queryCounts.push(queries);
  statementCounts.push(statements);
  callCounts.push([...calls.values()].reduce((a, b) => a + b, 0));
  shape = `${agenda.groups.flatMap((g) => g.items).length} items, ${agenda.followUps.length} follow-ups, ${agenda.preRead.lines.length} pre-read lines`;
}
const stats = summarize(timings.slice(2));
console.log(
  `${SERVER_URL ? 'PostgreSQL' : 'PGlite (embedded)'}: agenda assembly (12 departments, ${ACTION_ITEMS} open action items, ${ESCALATIONS} escalations): ${shape}`,
);
console.log(stats);
const range = (xs: number[]) => `${Math.min(...xs)}–${Math.max(...xs)}`;
console.log(
  `per assembly: ${range(callCounts)} repository calls, ${range(queryCounts)} Prisma operations, ${range(statementCounts)} SQL statements`,
);
if (PHASES)
  for (const [name, values] of phaseMs) {
    const kept = values.slice(2 * (values.length / ROUNDS));
    console.log(`  ${name}: p50 ${summarize(kept).p50.toFixed(1)} ms (${values.length / ROUNDS} a round)`);
  }
if (traced) for (const line of traced) console.log(`  ${line}`);
await drop();
