// Agenda assembly at the cut-off for a 12-department joint meeting with 200 open action items
// from earlier meetings and 50 escalations marked for the meeting (issue 15's number: < 200 ms
// with a bounded number of queries). `npm run bench:meetings` — PGlite in memory.
// The queries do not depend on the sizes: previousMeeting, deferredItems (≤ 2),
// escalationsForAgenda, kpiBreachesSince, okrDropsSince (≤ 2), addAutomaticItems,
// itemsOf (+ escalation numbers), followUps, changesSince (4), departmentNames, the
// facilitator's Slack id: 17 at most. Counted per assembly below (every Prisma operation).
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { applyPendingMigrations } from '../src/db/migrator.js';
import { openInMemoryDatabase } from '../src/db/open-database.js';
import { PROJECT_MIGRATIONS_DIR } from '../src/db/paths.js';
import { createMeetingCycleService } from '../src/modules/meetings/meeting-cycle.service.js';
import { createMeetingsPrismaRepository } from '../src/modules/meetings/meetings.prisma-repository.js';
import { summarize } from './lib/stats.js';

const ACTION_ITEMS = Number(process.env.BENCH_ACTION_ITEMS ?? 200);
const ESCALATIONS = Number(process.env.BENCH_ESCALATIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const logger = pino({ level: 'error' });

const db = await openInMemoryDatabase();
await applyPendingMigrations(db, { migrationsDir: PROJECT_MIGRATIONS_DIR, logger });
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
const repo = createMeetingsPrismaRepository(counting);
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
  const started = performance.now();
  const agenda = await cycle.assembleAgenda(dto, seriesDto);
  timings.push(performance.now() - started);
  queryCounts.push(queries);
  shape = `${agenda.groups.flatMap((g) => g.items).length} items, ${agenda.followUps.length} follow-ups, ${agenda.preRead.lines.length} pre-read lines`;
}
const stats = summarize(timings.slice(2));
console.log(
  `agenda assembly (12 departments, ${ACTION_ITEMS} open action items, ${ESCALATIONS} escalations): ${shape}`,
);
console.log(stats);
console.log(`queries per assembly: ${Math.min(...queryCounts)}–${Math.max(...queryCounts)}`);
await db.close();
