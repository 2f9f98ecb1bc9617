import type { LocalDate } from '../calendar/local-date.rules.js';
import type {
  ActionItemDto,
  ActionItemStatus,
  ActionItemWithOwner,
  NewActionItemRow,
} from './action-items.types.js';

/**
 * A transaction another module already holds (e.g. the escalation resolution), passed
 * through untouched: only the Prisma repository knows what it is.
 */
export type ActionItemsTx = unknown;

export interface ActionItemChange {
  id: string;
  /** The status the item must still have (compare-and-set); otherwise nothing changes. */
  expected: ActionItemStatus;
  status: ActionItemStatus;
  dueOn?: LocalDate;
  completedAt?: Date | null;
  /** Re-dating clears both so the new date gets its reminder and overdue notice. */
  resetNotices?: boolean;
  audit: { action: string; actorSlackId: string | null; before: unknown; after: unknown };
}

export interface ActionItemsRepository {
  /** Inserts the items and their `action_item.created` audit rows, in `tx` when given. */
  createMany(
    rows: readonly NewActionItemRow[],
    actorSlackId: string | null,
    tx?: ActionItemsTx,
  ): Promise<ActionItemDto[]>;
  find(workspaceId: string, id: string): Promise<ActionItemDto | null>;
  /** Applies the change and its audit row in one transaction; null when the status moved meanwhile. */
  change(workspaceId: string, change: ActionItemChange): Promise<ActionItemDto | null>;
  listForOwner(
    workspaceId: string,
    ownerPersonId: string,
    statuses: readonly ActionItemStatus[],
  ): Promise<ActionItemDto[]>;
  listForSource(workspaceId: string, sourceType: string, sourceId: string): Promise<ActionItemDto[]>;
  /** OPEN items due on or before `dueOnOrBefore` whose owner is active, with the owner. */
  listNeedingNotice(workspaceId: string, dueOnOrBefore: LocalDate): Promise<ActionItemWithOwner[]>;
  /** Sets remindedAt once (compare-and-set on remindedAt null, status OPEN, same dueOn). */
  claimReminder(id: string, dueOn: LocalDate, at: Date): Promise<boolean>;
  /** OPEN → OVERDUE and overdueNotifiedAt once, audited 'action_item.overdue'; false when already done. */
  claimOverdue(workspaceId: string, id: string, dueOn: LocalDate, at: Date): Promise<boolean>;
}
