import type { LocalDate } from '../calendar/local-date.rules.js';

/** OPEN → DONE | CANCELLED | OVERDUE (job); OVERDUE → DONE | CANCELLED; re-date → OPEN. */
export type ActionItemStatus = 'OPEN' | 'DONE' | 'CANCELLED' | 'OVERDUE';

/** Where an item came from: an escalation now; meetings, OKRs and KPI alerts later. */
export type ActionItemSourceType = 'escalation' | 'meeting' | 'okr' | 'kpi_alert';

/** A due date as people give it: a date, or N working days from now in the owner's working time. */
export type DueSpec = { date: LocalDate } | { workingDays: number };

export interface ActionItemDto {
  id: string;
  workspaceId: string;
  title: string;
  ownerPersonId: string;
  ownerDepartmentId: string | null;
  /** The owner's local date the item is due on. */
  dueOn: LocalDate;
  status: ActionItemStatus;
  sourceType: string;
  sourceId: string | null;
  decisionId: string | null;
  createdByPersonId: string | null;
  remindedAt: Date | null;
  overdueNotifiedAt: Date | null;
  completedAt: Date | null;
  createdAt: Date;
}

/** What the repository stores for a new item (due date already resolved). */
export interface NewActionItemRow {
  workspaceId: string;
  title: string;
  ownerPersonId: string;
  ownerDepartmentId: string | null;
  dueOn: LocalDate;
  sourceType: ActionItemSourceType;
  sourceId: string | null;
  decisionId: string | null;
  createdByPersonId: string | null;
}

/** What callers give `createMany`: the due date may still be "N working days". */
export interface NewActionItem {
  workspaceId: string;
  title: string;
  ownerPersonId: string;
  ownerDepartmentId?: string | null;
  due: DueSpec;
  sourceType: ActionItemSourceType;
  sourceId?: string | null;
  decisionId?: string | null;
  createdByPersonId?: string | null;
}

/** An item with its owner's particulars, for reminders and lists. */
export interface ActionItemWithOwner extends ActionItemDto {
  owner: {
    slackUserId: string;
    displayName: string;
    locale: string | null;
    timeZone: string | null;
    active: boolean;
  };
}
