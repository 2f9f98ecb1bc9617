import { DateTime } from 'luxon';
import { addDays, type LocalDate, utcMidnightMs } from '../calendar/local-date.rules.js';
import type { DigestAudience, DigestLine, DigestSection } from '../digest/digest-section.types.js';
import type { RiskFact } from '../shared/risk-summary.types.js';
import type { ActionItemDigestRepository, DigestActionItem } from './action-item-digest.repository.js';

/** Lines shown per group at most; the rest are counted ("and N more"). */
export const ACTION_ITEM_DIGEST_LINES = 10;
/** Items read per reader at most (the earliest due first); the totals count them all. */
const ITEMS_LIMIT = 5_000;

/** The short reference a reader and the risk summary cite: 'AI-' and the id's first 8 characters. */
export function actionItemRef(id: string): string {
  return `AI-${id.slice(0, 8)}`;
}

function formatDay(day: LocalDate, locale: string): string {
  return DateTime.fromISO(day, { zone: 'UTC' })
    .setLocale(locale)
    .toLocaleString({ weekday: 'short', month: 'short', day: 'numeric' });
}

/**
 * The digest's action-items section: the reader's departments' overdue items, and those due
 * in the coming week (a weekly digest) or by tomorrow (a daily one). Overdue ones are facts
 * of severity 2 (waiting since their due date), due-soon ones of severity 1.
 */
export function createActionItemsDigestSection(deps: { repo: ActionItemDigestRepository }): DigestSection {
  return {
    id: 'action-items',
    order: 20,
    async load(audience: DigestAudience) {
      if (audience.departments.length === 0) return null;
      const { t, locale, now } = audience;
      const today = DateTime.fromJSDate(now, { zone: audience.timeZone }).toISODate() ?? '';
      const horizon = audience.period.cadence === 'weekly' ? 7 : 1;
      const { items, overdueTotal, dueSoonTotal } = await deps.repo.openInDepartments({
        workspaceId: audience.workspaceId,
        departmentIds: audience.departments.map((d) => d.id),
        today,
        dueOnOrBefore: addDays(today, horizon),
        limit: ITEMS_LIMIT,
      });
      const isOverdue = (item: DigestActionItem) => item.status === 'OVERDUE' || item.dueOn < today;
      const overdue = items.filter(isOverdue);
      const dueSoon = items.filter((item) => !isOverdue(item));
      const params = (item: DigestActionItem) => ({
        title: item.title,
        owner: item.ownerName,
        department: item.department
          ? locale === 'zh-CN'
            ? item.department.nameZh
            : item.department.nameEn
          : t('digest.sections.actionItems.noDepartment'),
        due: formatDay(item.dueOn, locale),
      });
      const line = (item: DigestActionItem): DigestLine => ({
        ref: actionItemRef(item.id),
        text: `${actionItemRef(item.id)} ${t('digest.sections.actionItems.line', params(item))}`,
      });
      const facts: RiskFact[] = items.map((item) => {
        const late = isOverdue(item);
        return {
          ref: actionItemRef(item.id),
          kind: 'action_item',
          severity: late ? 2 : 1,
          waitingHours: late ? Math.max(0, (now.getTime() - utcMidnightMs(item.dueOn)) / 3_600_000) : 0,
          text: t(
            late ? 'digest.sections.actionItems.factOverdue' : 'digest.sections.actionItems.factDueSoon',
            params(item),
          ),
        };
      });
      return {
        title: t('digest.sections.actionItems.title'),
        groups: [
          {
            heading: t('digest.sections.actionItems.overdue'),
            lines: overdue.slice(0, ACTION_ITEM_DIGEST_LINES).map(line),
            total: overdueTotal,
            emptyText: t('digest.sections.actionItems.overdueEmpty'),
          },
          {
            heading: t('digest.sections.actionItems.dueSoon'),
            lines: dueSoon.slice(0, ACTION_ITEM_DIGEST_LINES).map(line),
            total: dueSoonTotal,
            emptyText: t('digest.sections.actionItems.dueSoonEmpty'),
          },
        ],
        facts,
      };
    },
  };
}
