import type { KpiBreachDto, KpiThresholdDto } from './kpi-plan.types.js';
import type { DepartmentRef } from './kpis.repository.js';

/** A transaction the repository holds, handed to work that must commit with it (action items). */
export type PlanTx = unknown;

export interface KpiPlansRepository {
  thresholdsFor(kpiIds: readonly string[]): Promise<Map<string, KpiThresholdDto[]>>;
  /** The workspace's breaches still open or with a recovery not yet announced (few). */
  unfinishedBreaches(workspaceId: string): Promise<KpiBreachDto[]>;
  /** Replaces the KPI's levels and writes the audit row, in one transaction. */
  savePlan(
    kpi: { id: string; workspaceId: string },
    thresholds: readonly KpiThresholdDto[],
    actorSlackId: string | null,
  ): Promise<void>;
  departmentsByKeys(workspaceId: string, keys: readonly string[]): Promise<DepartmentRef[]>;
  /** A lead (or head) of the department, else its first member: who owns the measures. */
  responsibleOf(departmentId: string): Promise<string | null>;
  openBreach(kpiId: string): Promise<KpiBreachDto | null>;
  /** Breaches of these KPIs open now, or that recovered and whose recovery is not announced yet. */
  breachesOf(kpiIds: readonly string[]): Promise<KpiBreachDto[]>;
  /** Opens a breach (null when another evaluation opened one first). */
  openNew(
    kpiId: string,
    level: number,
    point: { period: string; value: number },
  ): Promise<KpiBreachDto | null>;
  /** Records the latest point of an open breach and raises its level when `level` is worse. */
  track(breachId: string, level: number, point: { period: string; value: number }): Promise<KpiBreachDto>;
  recover(breachId: string, at: Date, point: { period: string; value: number } | null): Promise<void>;
  /** Claims an owed alert (alertedLevel below level, no fresh claim): the level to announce, or null. */
  claimAlert(breachId: string, now: Date, staleBefore: Date): Promise<number | null>;
  finishAlert(breachId: string, level: number, ts: string | null, claimedAt: Date): Promise<void>;
  releaseAlert(breachId: string, claimedAt: Date): Promise<void>;
  claimRecovery(breachId: string, now: Date, staleBefore: Date): Promise<boolean>;
  finishRecovery(breachId: string, at: Date, claimedAt: Date): Promise<void>;
  releaseRecovery(breachId: string, claimedAt: Date): Promise<void>;
  /** Claims an owed escalation (level 2+, escalatedLevel below level): the level, or null. */
  claimEscalation(breachId: string, now: Date, staleBefore: Date): Promise<number | null>;
  /** Records the escalation and runs `work` (the measures) in the same transaction. */
  finishEscalation(
    breachId: string,
    level: number,
    escalationId: string | null,
    claimedAt: Date,
    work: (tx: PlanTx) => Promise<void>,
  ): Promise<void>;
  releaseEscalation(breachId: string, claimedAt: Date): Promise<void>;
}
