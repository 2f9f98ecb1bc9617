import type { Actor } from '../access/access.types.js';
import type {
  KeyResultDto,
  NewKeyResultInput,
  ObjectiveDto,
  OkrConfidence,
  OkrPeriodDto,
} from './okrs.types.js';

/** Which objectives a list reads (all within one period). */
export interface ObjectiveFilter {
  /** Company objectives (no department). */
  company?: boolean;
  departmentIds?: readonly string[];
  /** Objectives with a key result this person owns. */
  ownerPersonId?: string;
}

/** The OKR tree's storage (src/modules/okrs/okrs.prisma-repository.ts). */
export interface OkrsRepository {
  ensurePeriod(workspaceId: string, period: Omit<OkrPeriodDto, 'id'>): Promise<OkrPeriodDto>;
  findPeriod(workspaceId: string, key: string): Promise<OkrPeriodDto | null>;
  personIdOf(workspaceId: string, slackUserId: string): Promise<string | null>;
  departmentExists(workspaceId: string, departmentId: string): Promise<boolean>;
  /** KPI ids by their (lowercase) keys, for key results that follow a KPI. */
  kpiIdsByKey(workspaceId: string, keys: readonly string[]): Promise<Map<string, string>>;
  createObjective(
    actor: Actor,
    input: {
      periodId: string;
      departmentId: string | null;
      parentId: string | null;
      title: string;
      keyResults: NewKeyResultInput[];
    },
  ): Promise<ObjectiveDto>;
  addKeyResult(actor: Actor, objectiveId: string, keyResult: NewKeyResultInput): Promise<KeyResultDto>;
  findObjective(workspaceId: string, number: number): Promise<ObjectiveDto | null>;
  listObjectives(workspaceId: string, periodId: string, filter: ObjectiveFilter): Promise<ObjectiveDto[]>;
  /** Every objective of a period, company and department (for trees and reviews). */
  listPeriod(workspaceId: string, periodId: string): Promise<ObjectiveDto[]>;
  /** Stores a check-in's effect on its key result (value or done, confidence). */
  applyToKeyResult(
    keyResultId: string,
    change: { currentValue?: number | null; done?: boolean; lastConfidence?: OkrConfidence | null },
  ): Promise<void>;
}
