/** OKRs: periods, objectives (company or department, aligned to a parent), key results, check-ins. */

export type OkrDirection = 'INCREASE' | 'DECREASE';
export type OkrConfidence = 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK';
export type OkrKeyResultKind = 'METRIC' | 'MILESTONE';

export interface OkrPeriodDto {
  id: string;
  key: string;
  startsOn: string;
  endsOn: string;
}

export interface KeyResultDto {
  id: string;
  number: number;
  objectiveId: string;
  title: string;
  kind: OkrKeyResultKind;
  unit: string | null;
  direction: OkrDirection;
  startValue: number | null;
  targetValue: number | null;
  currentValue: number | null;
  done: boolean;
  weight: number;
  owner: { personId: string; slackUserId: string; displayName: string };
  lastConfidence: OkrConfidence | null;
  /** The last 1–10 score (workspaces on the 1–10 scale); lastConfidence is its three-step mapping. */
  lastConfidenceScore: number | null;
  /** The KPI a metric follows: its current value is the KPI's latest sample (of `period`). */
  kpi: { key: string; period: string | null } | null;
}

export interface ObjectiveDto {
  id: string;
  number: number;
  periodKey: string;
  title: string;
  weight: number;
  department: {
    id: string;
    key: string;
    nameEn: string;
    nameZh: string;
    slackChannelId: string | null;
  } | null;
  parent: { id: string; number: number; title: string } | null;
  keyResults: KeyResultDto[];
}

/** A key result with its progress, an objective with its score: what the views show. */
export interface ScoredKeyResult extends KeyResultDto {
  progress: number;
}

export interface ScoredObjective extends Omit<ObjectiveDto, 'keyResults'> {
  score: number | null;
  keyResults: ScoredKeyResult[];
  /** Department objectives aligned to this one (for a company objective's tree). */
  children: ScoredObjective[];
}

export interface NewKeyResultInput {
  title: string;
  kind: OkrKeyResultKind;
  unit?: string | null;
  direction?: OkrDirection;
  startValue?: number | null;
  targetValue?: number | null;
  ownerPersonId: string;
  weight?: number;
  /** The key of a KPI the metric follows (resolved to `kpiId` by the service). */
  kpiKey?: string | null;
  kpiId?: string | null;
}

export interface NewObjectiveInput {
  title: string;
  /** Null: a company objective. */
  departmentId: string | null;
  parentNumber?: number | null;
  periodKey?: string;
  keyResults: NewKeyResultInput[];
}

export type OkrListScope = 'mine' | 'department' | 'company';
