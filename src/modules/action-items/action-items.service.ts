/**
 * Action items: one owner (a person, and the department they act for), a due date, a
 * status, and where they came from. Every later feature creates its items through this
 * service (in Slack listeners: `deps.actionItems`).
 *
 * API for other modules:
 * - `createMany(items, { actorSlackId, tx })`: resolves each due date ({ date: 'YYYY-MM-DD' }
 *   or { workingDays: N }, counted in the OWNER's working time) and inserts the items with
 *   their 'action_item.created' audit rows. Pass the Prisma transaction client you hold as
 *   `tx` to create them inside your own transaction (e.g. an escalation's resolution);
 *   the due dates are resolved before any write, so a bad one changes nothing.
 * - `complete(actor, id)`, `cancel(actor, id)`, `reDate(actor, id, due)`: allowed for the
 *   owner, a lead or head of the owner's department, or an admin; anyone else is refused
 *   (audited 'authorization.refused') with a DomainError shown privately.
 * - `listForOwner(workspaceId, personId)`: OPEN and OVERDUE items, soonest first.
 * - `listForSource(workspaceId, sourceType, sourceId)`: every item of that source.
 * - `get(workspaceId, id)`.
 * Status rules: src/modules/action-items/action-items.rules.ts (`nextStatus`). The reminder
 * and overdue notices are sent by src/features/action-items/action-item-reminders.job.ts.
 */
import type { Actor } from '../access/access.types.js';
import type { Authorization } from '../access/authorization.service.js';
import type { WorkingTimeProfile } from '../calendar/working-time.rules.js';
import type { Clock } from '../shared/clock.types.js';
import { DomainError } from '../shared/domain-error.types.js';
import type { ActionItemsRepository, ActionItemsTx } from './action-items.repository.js';
import { type ActionItemEvent, cleanTitle, dueOnFrom, nextStatus } from './action-items.rules.js';
import type { ActionItemDto, DueSpec, NewActionItem } from './action-items.types.js';

export interface ActionItemsService {
  createMany(
    items: readonly NewActionItem[],
    options?: { actorSlackId?: string | null; tx?: ActionItemsTx },
  ): Promise<ActionItemDto[]>;
  get(workspaceId: string, id: string): Promise<ActionItemDto>;
  complete(actor: Actor, id: string): Promise<ActionItemDto>;
  cancel(actor: Actor, id: string): Promise<ActionItemDto>;
  reDate(actor: Actor, id: string, due: DueSpec): Promise<ActionItemDto>;
  listForOwner(workspaceId: string, ownerPersonId: string): Promise<ActionItemDto[]>;
  listForSource(workspaceId: string, sourceType: string, sourceId: string): Promise<ActionItemDto[]>;
}

const AUDIT_ACTION: Record<ActionItemEvent, string> = {
  complete: 'action_item.completed',
  cancel: 'action_item.cancelled',
  redate: 'action_item.redated',
  mark_overdue: 'action_item.overdue',
};

export function createActionItemsService(deps: {
  repo: ActionItemsRepository;
  clock: Clock;
  authorization: Pick<Authorization, 'subjectOf' | 'require'>;
  /** The owner's working time (deps.calendar.calendars.workingTimeProfileFor). */
  workingTimeProfileFor: (personId: string) => Promise<WorkingTimeProfile>;
  /** Called after an item changed, with its owner (a Home refresh). */
  onChanged?: (workspaceId: string, ownerPersonIds: string[]) => void;
}): ActionItemsService {
  const { repo, clock } = deps;

  async function get(workspaceId: string, id: string) {
    const item = await repo.find(workspaceId, id);
    if (!item)
      throw new DomainError(
        'action_item.not_found',
        { key: 'actionItems.errors.notFound' },
        { detail: `workspace ${workspaceId} has no action item ${id}` },
      );
    return item;
  }

  async function authorize(actor: Actor, item: ActionItemDto) {
    if (actor.personId === item.ownerPersonId) return;
    const subject = await deps.authorization.subjectOf(actor.personId);
    await deps.authorization.require(
      subject,
      'action_items.manage',
      item.ownerDepartmentId ? { departmentId: item.ownerDepartmentId } : {},
    );
  }

  async function transition(
    actor: Actor,
    id: string,
    event: ActionItemEvent,
    extra: (item: ActionItemDto) => { dueOn?: string; completedAt?: Date | null; resetNotices?: boolean },
  ) {
    const item = await get(actor.workspaceId, id);
    await authorize(actor, item);
    const status = nextStatus(item.status, event);
    if (!status)
      throw new DomainError(
        'action_item.already_closed',
        { key: 'actionItems.errors.alreadyClosed' },
        { detail: `action item ${id} is ${item.status}; cannot ${event}` },
      );
    const changes = extra(item);
    const changed = await repo.change(actor.workspaceId, {
      id,
      expected: item.status,
      status,
      ...changes,
      audit: {
        action: AUDIT_ACTION[event],
        actorSlackId: actor.slackUserId,
        before: { status: item.status, dueOn: item.dueOn },
        after: { status, dueOn: changes.dueOn ?? item.dueOn },
      },
    });
    if (!changed)
      throw new DomainError(
        'action_item.changed_meanwhile',
        { key: 'actionItems.errors.changedMeanwhile' },
        { detail: `action item ${id} changed while ${actor.slackUserId} tried to ${event}` },
      );
    deps.onChanged?.(changed.workspaceId, [changed.ownerPersonId]);
    return changed;
  }

  return {
    async createMany(items, options = {}) {
      if (items.length === 0) return [];
      const now = clock.now();
      const profiles = new Map<string, WorkingTimeProfile>();
      const rows = [];
      for (const item of items) {
        let profile = profiles.get(item.ownerPersonId);
        if (!profile && 'workingDays' in item.due) {
          profile = await deps.workingTimeProfileFor(item.ownerPersonId);
          profiles.set(item.ownerPersonId, profile);
        }
        rows.push({
          workspaceId: item.workspaceId,
          title: cleanTitle(item.title),
          ownerPersonId: item.ownerPersonId,
          ownerDepartmentId: item.ownerDepartmentId ?? null,
          // A plain date needs no profile; dueOnFrom only reads it for working days.
          dueOn: dueOnFrom(item.due, now, profile as WorkingTimeProfile),
          sourceType: item.sourceType,
          sourceId: item.sourceId ?? null,
          decisionId: item.decisionId ?? null,
          createdByPersonId: item.createdByPersonId ?? null,
        });
      }
      const created = await repo.createMany(rows, options.actorSlackId ?? null, options.tx);
      // Inside someone else's transaction the refresh may run before their commit; the
      // refresher coalesces and re-reads, so a later change still shows.
      const byWorkspace = new Map<string, string[]>();
      for (const item of created)
        byWorkspace.set(item.workspaceId, [...(byWorkspace.get(item.workspaceId) ?? []), item.ownerPersonId]);
      for (const [workspaceId, owners] of byWorkspace) deps.onChanged?.(workspaceId, [...new Set(owners)]);
      return created;
    },
    get,
    complete: (actor, id) => transition(actor, id, 'complete', () => ({ completedAt: clock.now() })),
    cancel: (actor, id) => transition(actor, id, 'cancel', () => ({ completedAt: clock.now() })),
    async reDate(actor, id, due) {
      const item = await get(actor.workspaceId, id);
      const profile = 'workingDays' in due ? await deps.workingTimeProfileFor(item.ownerPersonId) : undefined;
      const dueOn = dueOnFrom(due, clock.now(), profile as WorkingTimeProfile);
      return transition(actor, id, 'redate', () => ({ dueOn, resetNotices: true }));
    },
    listForOwner: (workspaceId, ownerPersonId) =>
      repo.listForOwner(workspaceId, ownerPersonId, ['OPEN', 'OVERDUE']),
    listForSource: (workspaceId, sourceType, sourceId) =>
      repo.listForSource(workspaceId, sourceType, sourceId),
  };
}
