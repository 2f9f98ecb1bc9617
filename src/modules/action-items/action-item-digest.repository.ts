import type { LocalDate } from '../calendar/local-date.rules.js';
import type { ActionItemStatus } from './action-items.types.js';

/** An open or overdue action item as the managers' digest lists it. */
export interface DigestActionItem {
  id: string;
  title: string;
  status: ActionItemStatus;
  dueOn: LocalDate;
  ownerName: string;
  department: { nameEn: string; nameZh: string } | null;
}

export interface ActionItemDigestRepository {
  /**
   * OPEN and OVERDUE items of the departments (owned for one, or by one of its members when
   * no department is set) due on or before `dueOnOrBefore`: earliest due first, at most
   * `limit`, and how many there are in all before `today` and from `today` on.
   */
  openInDepartments(input: {
    workspaceId: string;
    departmentIds: readonly string[];
    today: LocalDate;
    dueOnOrBefore: LocalDate;
    limit: number;
  }): Promise<{ items: DigestActionItem[]; overdueTotal: number; dueSoonTotal: number }>;
}
