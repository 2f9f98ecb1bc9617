import type { Recurrence } from './recurrence.schemas.js';

export type ScheduleStatus = 'ACTIVE' | 'PAUSED';
export type RunOutcome = 'SUCCEEDED' | 'FAILED' | 'SKIPPED';
export type RunStatus = 'RUNNING' | RunOutcome;

/** A schedule as services and views see it. */
export interface ScheduleDto {
  id: string;
  workspaceId: string;
  kind: string;
  name: string;
  /** Null when the stored rule no longer validates (shown as such; never run). */
  recurrence: Recurrence | null;
  timeOfDay: string;
  timeZone: string;
  calendarId: string | null;
  skipNonWorkingDays: boolean;
  status: ScheduleStatus;
  nextRunAt: Date | null;
  lastRunAt: Date | null;
  lastOutcome: RunStatus | null;
  lastError: string | null;
  consecutiveFailures: number;
  subjectType: string | null;
  subjectId: string | null;
  payload: unknown;
}

export interface NewSchedule {
  workspaceId: string;
  kind: string;
  name: string;
  recurrence: unknown;
  timeOfDay: string;
  timeZone: string;
  calendarId?: string | null;
  skipNonWorkingDays?: boolean;
  subjectType?: string | null;
  subjectId?: string | null;
  payload?: unknown;
}

/** Who holds a run and until when; renewed while the handler runs. */
export interface Lease {
  owner: string;
  until: Date;
}

/** A due schedule, locked for this transaction, as the claim step sees it. */
export interface DueSchedule {
  id: string;
  workspaceId: string;
  kind: string;
  nextRunAt: Date;
  recurrence: unknown;
  timeOfDay: string;
  timeZone: string;
  calendarId: string | null;
  skipNonWorkingDays: boolean;
}

/** What to record for a due schedule: new JobRun rows and its next slot. */
export interface ClaimDecision {
  nextRunAt: Date | null;
  runs: PlannedRun[];
}

export interface PlannedRun {
  slot: Date;
  /** RUNNING: this instance runs it now. SKIPPED / FAILED: recorded as finished. */
  status: RunStatus;
  late: boolean;
  result?: unknown;
  error?: string;
}

/** A run this instance holds the lease of and must now execute. */
export interface ClaimedRun {
  runId: string;
  scheduleId: string;
  workspaceId: string;
  kind: string;
  slot: Date;
  late: boolean;
  attempt: number;
  payload: unknown;
  subjectType: string | null;
  subjectId: string | null;
}
