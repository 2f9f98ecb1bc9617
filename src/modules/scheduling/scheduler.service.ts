import type { Logger } from '../../logger.js';
import type { Clock } from '../shared/clock.types.js';
import { planDueSlots } from './catch-up.rules.js';
import type { JobHandler, JobResult } from './job-handler.types.js';
import type { JobRunsRepository } from './job-runs.repository.js';
import { nextSlot } from './next-slot.rules.js';
import { scheduleTimingSchema } from './recurrence.schemas.js';
import type { ClaimDecision, ClaimedRun, DueSchedule, RunOutcome } from './schedule.types.js';
import type { ScheduleCalendars } from './working-calendar.types.js';

export interface SchedulerOptions {
  repo: JobRunsRepository;
  handlers: readonly JobHandler[];
  clock: Clock;
  logger: Logger;
  /** Names this process in leases and logs; unique per replica. */
  instanceId: string;
  /** How long a run is ours without renewal; renewed every third of it while the handler runs. */
  leaseMs?: number;
  calendars?: ScheduleCalendars;
  /** Schedules claimed per transaction. */
  batchSize?: number;
  /**
   * Handlers running at once in this instance. Each waits for the event loop to turn before it
   * starts, so requests waiting for their acknowledgement go between one job and the next.
   */
  concurrency?: number;
  /** A slot run later than this after its time is marked late. */
  lateAfterMs?: number;
  /** Tries (first run plus takeovers) before an abandoned run is marked FAILED. */
  maxAttempts?: number;
}

export interface TickSummary {
  started: number;
  tookOver: number;
  succeeded: number;
  failed: number;
  skipped: number;
  lostLeases: number;
}

export interface Scheduler {
  /** Takes over abandoned runs, claims due slots and runs them; resolves when they are done. */
  tick(): Promise<TickSummary>;
}

const ERROR_TEXT_MAX = 2_000;
/** Resolves after pending I/O (an HTTP request waiting for its ack) has had its turn. */
const turnOfTheEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
/** A tick stops claiming after this many batches, so one tick cannot run forever. */
const MAX_BATCHES_PER_TICK = 100;

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { repo, clock, logger, instanceId } = options;
  const leaseMs = options.leaseMs ?? 60_000;
  const batchSize = options.batchSize ?? 50;
  const concurrency = options.concurrency ?? 8;
  const lateAfterMs = options.lateAfterMs ?? 5 * 60_000;
  const maxAttempts = options.maxAttempts ?? 3;
  const handlers = new Map(options.handlers.map((handler) => [handler.kind, handler]));
  const kinds = [...handlers.keys()];
  const lease = () => ({ owner: instanceId, until: new Date(clock.now().getTime() + leaseMs) });

  async function decide(schedule: DueSchedule): Promise<ClaimDecision> {
    const timing = scheduleTimingSchema.safeParse(schedule);
    const handler = handlers.get(schedule.kind);
    if (!timing.success || !handler) {
      // A rule that no longer validates can never compute a next slot: fail once, visibly, and stop.
      const error = `invalid schedule ${schedule.id}: ${timing.error?.message ?? 'no handler'}`;
      return { nextRunAt: null, runs: [{ slot: schedule.nextRunAt, status: 'FAILED', late: false, error }] };
    }
    const calendar = schedule.calendarId ? await options.calendars?.forCalendarId(schedule.calendarId) : null;
    const now = clock.now();
    const plan = planDueSlots({
      firstDue: schedule.nextRunAt,
      now,
      nextAfter: (instant) => nextSlot(instant, timing.data, calendar),
      policy: handler.catchUp,
      lateAfterMs,
    });
    if (plan.skipped) {
      logger.warn(
        { scheduleId: schedule.id, kind: schedule.kind, ...plan.skipped.result },
        'missed slots older than their catch-up window were skipped',
      );
    }
    if (plan.run && plan.run.result.missedSlots > 0) {
      logger.info(
        {
          scheduleId: schedule.id,
          kind: schedule.kind,
          slot: plan.run.slot,
          missed: plan.run.result.missedSlots,
        },
        'missed slots collapsed into one late run',
      );
    }
    return {
      nextRunAt: plan.nextRunAt,
      runs: [
        ...(plan.skipped ? [{ ...plan.skipped, status: 'SKIPPED' as const, late: true }] : []),
        ...(plan.run ? [{ ...plan.run, status: 'RUNNING' as const }] : []),
      ],
    };
  }

  /** Runs one claimed slot under a renewed lease and records how it ended; never throws. */
  async function execute(run: ClaimedRun): Promise<RunOutcome | 'lost'> {
    const handler = handlers.get(run.kind);
    const abort = new AbortController();
    const runLogger = logger.child({ runId: run.runId, scheduleId: run.scheduleId, kind: run.kind });
    const renewal = setInterval(() => {
      repo.renewLease(run.runId, lease()).then(
        (held) => {
          if (!held) abort.abort(new Error(`lease of run ${run.runId} lost by ${instanceId}`));
        },
        (error: unknown) => runLogger.warn({ err: error }, 'could not renew a run lease; will retry'),
      );
    }, leaseMs / 3);
    renewal.unref();
    let outcome: { status: RunOutcome; error?: string; result?: unknown };
    try {
      if (!handler) throw new Error(`no handler for kind ${run.kind}`);
      const returned: JobResult = await handler.run({
        ...run,
        runKey: `${run.scheduleId}:${run.slot.toISOString()}`,
        signal: abort.signal,
        logger: runLogger,
      });
      outcome = { status: returned?.outcome ?? 'SUCCEEDED', result: returned?.result };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      runLogger.error({ err: error, slot: run.slot, attempt: run.attempt }, 'scheduled job failed');
      outcome = { status: 'FAILED', error: text.slice(0, ERROR_TEXT_MAX) };
    } finally {
      clearInterval(renewal);
    }
    try {
      const recorded = await repo.finish(run.runId, instanceId, { ...outcome, finishedAt: clock.now() });
      if (recorded) return outcome.status;
      runLogger.warn(
        { slot: run.slot },
        'run finished after its lease was lost; its outcome is left to the new owner',
      );
      return 'lost';
    } catch (error) {
      // The lease will expire and another instance (or this one) takes the run over.
      runLogger.error({ err: error }, 'could not record a run outcome');
      return 'lost';
    }
  }

  async function executeAll(runs: ClaimedRun[], summary: TickSummary): Promise<void> {
    const queue = [...runs];
    const worker = async () => {
      for (let run = queue.shift(); run; run = queue.shift()) {
        await turnOfTheEventLoop();
        const result = await execute(run);
        if (result === 'SUCCEEDED') summary.succeeded++;
        else if (result === 'FAILED') summary.failed++;
        else if (result === 'SKIPPED') summary.skipped++;
        else summary.lostLeases++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, runs.length) }, worker));
  }

  return {
    async tick() {
      const summary: TickSummary = {
        started: 0,
        tookOver: 0,
        succeeded: 0,
        failed: 0,
        skipped: 0,
        lostLeases: 0,
      };
      if (kinds.length === 0) return summary;
      for (let batch = 0; batch < MAX_BATCHES_PER_TICK; batch++) {
        const { taken, abandoned } = await repo.takeOverExpired({
          now: clock.now(),
          kinds,
          limit: batchSize,
          lease: lease(),
          maxAttempts,
        });
        for (const run of abandoned) logger.error(run, 'run abandoned after too many expired leases');
        const claim = await repo.claimDue({
          now: clock.now(),
          kinds,
          limit: batchSize,
          lease: lease(),
          decide,
        });
        summary.tookOver += taken.length;
        summary.started += claim.runs.length;
        summary.failed += abandoned.length + claim.recorded.filter((status) => status === 'FAILED').length;
        summary.skipped += claim.recorded.filter((status) => status === 'SKIPPED').length;
        await executeAll([...taken, ...claim.runs], summary);
        if (taken.length + abandoned.length < batchSize && claim.lockedSchedules < batchSize) break;
      }
      return summary;
    },
  };
}
