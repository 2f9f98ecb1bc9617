import type { Actor } from '../access/access.types.js';
import type { NewKeyResultInput } from './okrs.types.js';

/** An objective already in the period, as the import compares it. */
export interface ImportedObjective {
  id: string;
  number: number;
  importKey: string | null;
  departmentId: string | null;
  parentId: string | null;
  title: string;
  keyResults: ({ id: string; importKey: string | null } & Required<
    Pick<
      NewKeyResultInput,
      'title' | 'kind' | 'unit' | 'startValue' | 'targetValue' | 'ownerPersonId' | 'kpiId'
    >
  >)[];
}

/** What one import writes: objectives by key (created or updated) and their key results. */
export interface ImportPlan {
  objectives: {
    key: string;
    existingId: string | null;
    departmentId: string | null;
    /** The parent's import key in this plan, or an existing objective's id. */
    parent: { key: string } | { id: string } | null;
    title: string;
    /** A stored objective the file leaves as it is (only its key results may change). */
    unchanged?: boolean;
  }[];
  keyResults: {
    objectiveKey: string;
    key: string;
    existingId: string | null;
    input: NewKeyResultInput;
  }[];
}

/** The CSV import's storage (okr-import.prisma-repository.ts). */
export interface OkrImportRepository {
  departmentIdsByKey(workspaceId: string, keys: readonly string[]): Promise<Map<string, string>>;
  /** Active people by Slack user id or email (keys as given, emails lowercased). */
  peopleByRef(workspaceId: string, refs: readonly string[]): Promise<Map<string, string>>;
  objectivesOf(workspaceId: string, periodId: string): Promise<ImportedObjective[]>;
  /** Everything in one transaction, audited once. */
  apply(actor: Actor, periodId: string, plan: ImportPlan): Promise<void>;
}
