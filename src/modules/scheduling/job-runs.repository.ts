import type { ClaimDecision, ClaimedRun, DueSchedule, Lease, RunOutcome } from './schedule.types.js';

/** The scheduler's side of the database: claiming slots, leases, outcomes. */
export interface JobRunsRepository {
  /**
   * In one transaction: locks up to `limit` schedules that are ACTIVE, of one of `kinds`,
   * due at `now` and have no RUNNING run (FOR UPDATE SKIP LOCKED, so replicas never wait
   * for each other), asks `decide` what to record for each, inserts those JobRuns (a slot
   * already recorded belongs to whoever recorded it: ON CONFLICT DO NOTHING) and stores the
   * next slot. Returns the RUNNING runs it inserted, leased to `lease.owner`, how many
   * schedules it locked, and the outcomes of runs it recorded as already finished.
   */
  claimDue(input: {
    now: Date;
    kinds: readonly string[];
    limit: number;
    lease: Lease;
    decide: (schedule: DueSchedule) => Promise<ClaimDecision>;
  }): Promise<{ runs: ClaimedRun[]; lockedSchedules: number; recorded: RunOutcome[] }>;

  /**
   * Takes over RUNNING runs whose lease expired before `now` (their instance died or hung):
   * attempts + 1 and a new lease. Runs that already used `maxAttempts` are marked FAILED
   * instead, so a run that kills its instance every time is not retried forever.
   */
  takeOverExpired(input: {
    now: Date;
    kinds: readonly string[];
    limit: number;
    lease: Lease;
    maxAttempts: number;
  }): Promise<{ taken: ClaimedRun[]; abandoned: { runId: string; scheduleId: string }[] }>;

  /** Extends the lease if `owner` still holds the run; false means it was lost. */
  renewLease(runId: string, lease: Lease): Promise<boolean>;

  /**
   * Records the outcome if `owner` still holds the run, and the schedule's last run,
   * outcome, error and consecutive failures, in one transaction. False: lease lost.
   */
  finish(
    runId: string,
    owner: string,
    outcome: { status: RunOutcome; finishedAt: Date; error?: string; result?: unknown },
  ): Promise<boolean>;
}
