import { randomUUID } from 'node:crypto';
import type { DbClient } from '../../db/database.js';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { JobRunsRepository } from './job-runs.repository.js';
import type { ClaimedRun, PlannedRun, RunOutcome } from './schedule.types.js';

/** Long enough for a batch of claims on a busy database; the default 5 s is not. */
const TRANSACTION_OPTIONS = { timeout: 30_000, maxWait: 10_000 } as const;

// Raw SQL below passes instants as ISO strings cast to timestamp(3): the columns hold UTC
// without a zone, and a cast of '…Z' keeps the UTC reading whatever the session zone is.
// Locks the due schedules and returns what `decide` needs in the same statement: a second
// read by id (as before) cost one more round trip and a Prisma query per claim.
const DUE_SCHEDULES_SQL = `
  SELECT s.id, s."workspaceId", s.kind, s."nextRunAt", s.recurrence, s."timeOfDay", s."timeZone",
         s."calendarId", s."skipNonWorkingDays", s.payload, s."subjectType", s."subjectId"
  FROM "Schedule" s
  WHERE s.status = 'ACTIVE' AND s."nextRunAt" <= $1::timestamp(3)
    AND s.kind IN (SELECT jsonb_array_elements_text($2::jsonb))
    AND NOT EXISTS (SELECT 1 FROM "JobRun" r WHERE r."scheduleId" = s.id AND r.status = 'RUNNING')
  ORDER BY s."nextRunAt"
  LIMIT $3
  FOR UPDATE OF s SKIP LOCKED`;

const EXPIRED_RUNS_SQL = `
  SELECT r.id FROM "JobRun" r JOIN "Schedule" s ON s.id = r."scheduleId"
  WHERE r.status = 'RUNNING' AND r."leaseUntil" < $1::timestamp(3)
    AND s.kind IN (SELECT jsonb_array_elements_text($2::jsonb))
  ORDER BY r."leaseUntil"
  LIMIT $3
  FOR UPDATE OF r SKIP LOCKED`;

// One statement per batch, not per schedule: at scale the claim's cost is round trips. The
// new runs and the schedules' next slots are written by the same statement (two
// data-modifying parts of one query), so a claim is begin, lock+read, this, commit.
const RECORD_RUNS_AND_ADVANCE_SQL = `
  WITH inserted AS (
    INSERT INTO "JobRun" (id, "scheduleId", slot, status, attempts, "leaseOwner", "leaseUntil", late,
                          "startedAt", "finishedAt", error, result)
    SELECT x.id, x."scheduleId", x.slot::timestamp(3), x.status::"JobRunStatus", 1, x."leaseOwner",
           x."leaseUntil"::timestamp(3), x.late, $2::timestamp(3), x."finishedAt"::timestamp(3), x.error, x.result
    FROM jsonb_to_recordset($1::jsonb) AS x(id text, "scheduleId" text, slot text, status text, "leaseOwner" text,
                                            "leaseUntil" text, late boolean, "finishedAt" text, error text, result jsonb)
    ON CONFLICT ("scheduleId", slot) DO NOTHING
    RETURNING id
  ), advanced AS (
    UPDATE "Schedule" s SET "nextRunAt" = x."nextRunAt"::timestamp(3), "updatedAt" = $2::timestamp(3)
    FROM jsonb_to_recordset($3::jsonb) AS x(id text, "nextRunAt" text)
    WHERE s.id = x.id
    RETURNING s.id
  )
  SELECT id FROM inserted`;

const dueScheduleSelect = {
  id: true,
  workspaceId: true,
  kind: true,
  nextRunAt: true,
  recurrence: true,
  timeOfDay: true,
  timeZone: true,
  calendarId: true,
  skipNonWorkingDays: true,
  payload: true,
  subjectType: true,
  subjectId: true,
} as const;

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

async function lockedIds(tx: DbClient, sql: string, now: Date, kinds: readonly string[], limit: number) {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    sql,
    now.toISOString(),
    JSON.stringify(kinds),
    limit,
  );
  return rows.map((row) => row.id);
}

/** A due schedule as `DUE_SCHEDULES_SQL` returns it (the columns of `dueScheduleSelect`). */
interface LockedSchedule {
  id: string;
  workspaceId: string;
  kind: string;
  nextRunAt: Date | null;
  recurrence: Prisma.JsonValue;
  timeOfDay: string;
  timeZone: string;
  calendarId: string | null;
  skipNonWorkingDays: boolean;
  payload: Prisma.JsonValue | null;
  subjectType: string | null;
  subjectId: string | null;
}

function lockDueSchedules(tx: DbClient, now: Date, kinds: readonly string[], limit: number) {
  return tx.$queryRawUnsafe<LockedSchedule[]>(
    DUE_SCHEDULES_SQL,
    now.toISOString(),
    JSON.stringify(kinds),
    limit,
  );
}

interface RunRow {
  id: string;
  scheduleId: string;
  run: PlannedRun;
}

/**
 * Inserts the planned runs and advances the schedules in one statement; returns the ids of
 * the runs that were new (a slot already recorded keeps its owner).
 */
async function recordRunsAndAdvance(
  tx: DbClient,
  rows: RunRow[],
  advances: { id: string; nextRunAt: string | null }[],
  now: Date,
  lease: { owner: string; until: Date },
) {
  if (rows.length === 0 && advances.length === 0) return new Set<string>();
  const records = rows.map(({ id, scheduleId, run }) => {
    const running = run.status === 'RUNNING';
    return {
      id,
      scheduleId,
      slot: run.slot.toISOString(),
      status: run.status,
      leaseOwner: running ? lease.owner : null,
      leaseUntil: running ? lease.until.toISOString() : null,
      late: run.late,
      finishedAt: running ? null : now.toISOString(),
      error: run.error ?? null,
      result: run.result ?? null,
    };
  });
  const inserted = await tx.$queryRawUnsafe<{ id: string }[]>(
    RECORD_RUNS_AND_ADVANCE_SQL,
    JSON.stringify(records),
    now.toISOString(),
    JSON.stringify(advances),
  );
  return new Set(inserted.map((row) => row.id));
}

/** The schedule's view of its latest finished run. */
async function recordOutcome(tx: DbClient, scheduleId: string, status: RunOutcome, at: Date, error?: string) {
  const consecutiveFailures: Prisma.ScheduleUpdateInput['consecutiveFailures'] =
    status === 'FAILED' ? { increment: 1 } : status === 'SUCCEEDED' ? 0 : undefined;
  await tx.schedule.updateMany({
    where: { id: scheduleId },
    data: { lastRunAt: at, lastOutcome: status, lastError: error ?? null, consecutiveFailures },
  });
}

export function createJobRunsPrismaRepository(prisma: PrismaClient): JobRunsRepository {
  return {
    claimDue({ now, kinds, limit, lease, decide }) {
      return prisma.$transaction(async (tx) => {
        const schedules = await lockDueSchedules(tx, now, kinds, limit);
        const recorded: RunOutcome[] = [];
        if (schedules.length === 0) return { runs: [], lockedSchedules: 0, recorded };
        const planned: (RunRow & { schedule: (typeof schedules)[number] })[] = [];
        const advances: { id: string; nextRunAt: string | null }[] = [];
        for (const schedule of schedules) {
          const { nextRunAt } = schedule;
          if (!nextRunAt) continue;
          const decision = await decide({ ...schedule, nextRunAt });
          for (const run of decision.runs)
            planned.push({ id: randomUUID(), scheduleId: schedule.id, run, schedule });
          advances.push({ id: schedule.id, nextRunAt: decision.nextRunAt?.toISOString() ?? null });
        }
        const inserted = await recordRunsAndAdvance(tx, planned, advances, now, lease);
        const claimed: ClaimedRun[] = [];
        // A planned run that was not inserted: its slot was recorded before (by another
        // instance, or before a resume); whoever recorded it finishes it.
        for (const { id, run, schedule } of planned.filter((row) => inserted.has(row.id))) {
          if (run.status === 'RUNNING') {
            claimed.push({
              runId: id,
              scheduleId: schedule.id,
              workspaceId: schedule.workspaceId,
              kind: schedule.kind,
              slot: run.slot,
              late: run.late,
              attempt: 1,
              payload: schedule.payload,
              subjectType: schedule.subjectType,
              subjectId: schedule.subjectId,
            });
          } else {
            await recordOutcome(tx, schedule.id, run.status, now, run.error);
            recorded.push(run.status);
          }
        }
        return { runs: claimed, lockedSchedules: schedules.length, recorded };
      }, TRANSACTION_OPTIONS);
    },

    takeOverExpired({ now, kinds, limit, lease, maxAttempts }) {
      return prisma.$transaction(async (tx) => {
        const ids = await lockedIds(tx, EXPIRED_RUNS_SQL, now, kinds, limit);
        const taken: ClaimedRun[] = [];
        const abandoned: { runId: string; scheduleId: string }[] = [];
        if (ids.length === 0) return { taken, abandoned };
        const runs = await tx.jobRun.findMany({
          where: { id: { in: ids } },
          select: {
            id: true,
            slot: true,
            late: true,
            attempts: true,
            schedule: { select: dueScheduleSelect },
          },
        });
        for (const run of runs) {
          if (run.attempts >= maxAttempts) {
            const error = `abandoned: the lease expired ${run.attempts} times (instance died or hung each time)`;
            await tx.jobRun.update({
              where: { id: run.id },
              data: { status: 'FAILED', finishedAt: now, error, leaseOwner: null, leaseUntil: null },
              select: { id: true },
            });
            await recordOutcome(tx, run.schedule.id, 'FAILED', now, error);
            abandoned.push({ runId: run.id, scheduleId: run.schedule.id });
            continue;
          }
          await tx.jobRun.update({
            where: { id: run.id },
            data: { attempts: { increment: 1 }, leaseOwner: lease.owner, leaseUntil: lease.until },
            select: { id: true },
          });
          taken.push({
            runId: run.id,
            scheduleId: run.schedule.id,
            workspaceId: run.schedule.workspaceId,
            kind: run.schedule.kind,
            slot: run.slot,
            late: run.late,
            attempt: run.attempts + 1,
            payload: run.schedule.payload,
            subjectType: run.schedule.subjectType,
            subjectId: run.schedule.subjectId,
          });
        }
        return { taken, abandoned };
      }, TRANSACTION_OPTIONS);
    },

    async renewLease(runId, lease) {
      const { count } = await prisma.jobRun.updateMany({
        where: { id: runId, leaseOwner: lease.owner, status: 'RUNNING' },
        data: { leaseUntil: lease.until },
      });
      return count === 1;
    },

    finish(runId, owner, outcome) {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.jobRun.updateMany({
          where: { id: runId, leaseOwner: owner, status: 'RUNNING' },
          data: {
            status: outcome.status,
            finishedAt: outcome.finishedAt,
            error: outcome.error ?? null,
            result:
              outcome.result === undefined
                ? undefined
                : (JSON.parse(json(outcome.result) ?? 'null') as Prisma.InputJsonValue),
            leaseUntil: null,
          },
        });
        if (count !== 1) return false;
        const run = await tx.jobRun.findUnique({ where: { id: runId }, select: { scheduleId: true } });
        if (run) await recordOutcome(tx, run.scheduleId, outcome.status, outcome.finishedAt, outcome.error);
        return true;
      }, TRANSACTION_OPTIONS);
    },
  };
}
