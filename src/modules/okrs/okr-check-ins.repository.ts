import type { Actor } from '../access/access.types.js';
import type { CheckInAnswer, CheckInCadence } from './okr-check-in.rules.js';
import type { ConfidenceScale } from './okr-scoring.rules.js';
import type { KeyResultDto, OkrConfidence } from './okrs.types.js';

export interface CheckInDepartment {
  id: string;
  key: string;
  nameEn: string;
  nameZh: string;
  slackChannelId: string | null;
  /** The department's language (its channel's posts); null: the workspace's. */
  locale: string | null;
}

export interface OwnerRef {
  personId: string;
  slackUserId: string;
  displayName: string;
  locale: string | null;
}

/** A department with key results in a period, its cadence and who owns them. */
export interface DepartmentForCheckIn {
  department: CheckInDepartment;
  cadence: CheckInCadence;
  keyResults: (KeyResultDto & { ownerLocale: string | null })[];
}

export interface CheckInWindowDto {
  id: string;
  workspaceId: string;
  departmentId: string;
  cycleOn: string;
  closesAt: Date;
  closedAt: Date | null;
}

export interface StoredCheckIn {
  keyResultId: string;
  personId: string;
  value: number | null;
  done: boolean | null;
  progress: number;
  confidence: OkrConfidence | null;
  /** 1–10 on the 1–10 scale; confidence is then its three-step mapping. */
  confidenceScore: number | null;
  comment: string | null;
  blockers: string | null;
  late: boolean;
  answeredAt: Date;
}

/** Everything about one window: its department's key results (of the window's period), prompts and answers. */
export interface WindowDetail {
  window: CheckInWindowDto;
  department: CheckInDepartment;
  cadence: CheckInCadence;
  /** The workspace's confidence scale (read with the window, no extra query). */
  confidenceScale: ConfidenceScale;
  keyResults: KeyResultDto[];
  prompted: OwnerRef[];
  checkIns: StoredCheckIn[];
}

export interface CheckInsRepository {
  workspaceZone(workspaceId: string): Promise<{ zone: string; locale: string } | null>;
  /** Departments with key results in the period containing `on` (one query). */
  departmentsWithKeyResults(workspaceId: string, on: string): Promise<DepartmentForCheckIn[]>;
  /**
   * Each department's window of its cycle, created if missing (a second pass or replica finds
   * the same rows): one insert of the missing ones and one read, whatever the number.
   */
  ensureWindows(
    workspaceId: string,
    cycles: readonly { departmentId: string; cycleOn: string; closesAt: Date }[],
  ): Promise<CheckInWindowDto[]>;
  /** Prompts and answered key results of these windows (two queries). */
  progressOf(windowIds: readonly string[]): Promise<{
    prompts: { windowId: string; personId: string; promptedAt: Date; remindedAt: Date | null }[];
    answered: { windowId: string; keyResultId: string }[];
  }>;
  /** Records prompts, one statement; those already recorded stay as they were (a second pass sends nothing). */
  recordPrompts(rows: readonly { windowId: string; personId: string; promptedAt: Date }[]): Promise<void>;
  /** Marks these owners reminded (those not yet); returns how many were (one statement). */
  claimReminders(rows: readonly { windowId: string; personId: string }[], at: Date): Promise<number>;
  /** Open windows whose close has passed. */
  windowsToClose(workspaceId: string, now: Date): Promise<CheckInWindowDto[]>;
  claimClose(windowId: string, at: Date): Promise<boolean>;
  windowDetail(windowId: string): Promise<WindowDetail | null>;
  saveCheckIns(
    actor: Actor,
    windowId: string,
    rows: readonly (CheckInAnswer & { progress: number; late: boolean })[],
    now: Date,
  ): Promise<void>;
  /** A key result's most recent blocker, for the escalation form. */
  latestBlocker(keyResultId: string): Promise<{
    workspaceId: string;
    ownerPersonId: string;
    number: number;
    title: string;
    blockers: string | null;
  } | null>;
  leadsOf(departmentId: string): Promise<{ personId: string; slackUserId: string; locale: string | null }[]>;
  departmentByKey(workspaceId: string, key: string): Promise<CheckInDepartment | null>;
  departmentById(departmentId: string): Promise<CheckInDepartment | null>;
  cadenceOf(departmentId: string): Promise<CheckInCadence>;
  setCadence(actor: Actor, departmentId: string, cadence: CheckInCadence): Promise<void>;
  confidenceScale(workspaceId: string): Promise<ConfidenceScale>;
  /** Sets the workspace's confidence scale, audited ('okr.confidence_scale_set'), in one transaction. */
  setConfidenceScale(actor: Actor, scale: ConfidenceScale): Promise<void>;
  /** Every answer given in windows of [from, to] (cycle dates), for the review. */
  answersBetween(
    workspaceId: string,
    from: string,
    to: string,
  ): Promise<import('./okr-review.rules.js').ReviewedCheckIn[]>;
  /** Response rate inputs per department over windows that closed in [from, to). */
  responseCounts(
    workspaceId: string,
    from: Date,
    to: Date,
  ): Promise<{ departmentId: string; asked: number; answered: number }[]>;
}
