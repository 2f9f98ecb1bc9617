import type { Logger } from '../../logger.js';

/**
 * What happens to slots missed while no scheduler was running (an outage, a deploy):
 * - `run-once-late`: however many were missed, one run, for the latest missed slot, marked
 *   late (a digest: one late digest beats none, and five beat nobody).
 * - `skip-older-than`: the latest missed slot runs if it is at most `windowMs` old; older
 *   slots are recorded as SKIPPED and logged, never run (a check-in prompt for last Monday
 *   is noise).
 */
export type CatchUpPolicy = { policy: 'run-once-late' } | { policy: 'skip-older-than'; windowMs: number };

export interface JobContext {
  runId: string;
  scheduleId: string;
  workspaceId: string;
  kind: string;
  /** The slot this run is for (not when it started). */
  slot: Date;
  late: boolean;
  /** 1 on the first try; more when another instance took over an abandoned run. */
  attempt: number;
  /**
   * `${scheduleId}:${slot ISO}`. A run may be retried by another instance after a crash, so
   * effects must be idempotent on this key (e.g. a Delivery key): that is what makes a
   * slot's effect happen once.
   */
  runKey: string;
  payload: unknown;
  subjectType: string | null;
  subjectId: string | null;
  /** Aborted when this instance lost the run's lease: stop, another instance owns it now. */
  signal: AbortSignal;
  logger: Logger;
}

/** `undefined` (succeeded), or an explicit outcome and a small JSON result kept on the JobRun. */
export type JobResult = undefined | { outcome?: 'SUCCEEDED' | 'SKIPPED'; result?: unknown };

export interface JobHandler {
  kind: string;
  catchUp: CatchUpPolicy;
  run(context: JobContext): Promise<JobResult>;
}
