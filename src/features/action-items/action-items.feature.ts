import { createActionItemDigestPrismaRepository } from '../../modules/action-items/action-item-digest.prisma-repository.js';
import { createActionItemsDigestSection } from '../../modules/action-items/action-item-digest.service.js';
import { actionItemsExportSection } from '../../modules/action-items/action-items.export.prisma-repository.js';
import { ACTION_ITEM_ACTIONS, BLOCKS } from '../../slack/ids.js';
import {
  actionItemCancelButton,
  actionItemDoneButton,
  actionItemRedateMenu,
} from '../../slack/listeners/actions/action-items.actions.js';
import { actionsSubcommand } from '../../slack/listeners/commands/liaison/actions.subcommand.js';
import { actionItemHomeLines } from '../../slack/views/action-items.view.js';
import { defineFeature, onAction } from '../feature.types.js';
import {
  ACTION_ITEM_REMINDERS_KIND,
  actionItemRemindersJob,
  ensureActionItemRemindersSchedule,
} from './action-item-reminders.job.js';

/**
 * Action items (owner, due date, status, source): `/liaison actions`, their buttons, the
 * hourly reminder pass, "My action items" on Home, and a deactivated owner's open items.
 */
export const actionItemsFeature = defineFeature({
  name: 'action-items',
  summary: 'actionItems.about',
  exportSections: ({ db }) => [actionItemsExportSection(db.prisma)],
  subcommands: [actionsSubcommand],
  listeners: [
    onAction(ACTION_ITEM_ACTIONS.done, actionItemDoneButton),
    onAction(ACTION_ITEM_ACTIONS.cancel, actionItemCancelButton),
    onAction(ACTION_ITEM_ACTIONS.redate, actionItemRedateMenu),
  ],
  jobs: [
    {
      kind: ACTION_ITEM_REMINDERS_KIND,
      handler: (deps) => actionItemRemindersJob({ notices: deps.actionItemNotices }),
      ensureSchedule: (deps, workspace) => ensureActionItemRemindersSchedule(deps.schedules, workspace.id),
    },
  ],
  home: [
    {
      id: BLOCKS.home.actionItems,
      section: { titleKey: 'home.sections.actionItems.title', emptyKey: 'home.sections.actionItems.empty' },
      load:
        (deps) =>
        async ({ workspaceId, personId, t, locale }) =>
          actionItemHomeLines(await deps.actionItems.listForOwner(workspaceId, personId), t, locale),
    },
  ],
  digestSections: (_deps, { db }) => [
    createActionItemsDigestSection({ repo: createActionItemDigestPrismaRepository(db.prisma) }),
  ],
  // The day before an item is due, and when it is overdue.
  notificationKinds: ['action_item.reminder', 'action_item.overdue'],
  openItems: (deps) => ({
    kind: 'action_items.open',
    async listOpenFor({ workspaceId, personId }) {
      const items = await deps.actionItems.listForOwner(workspaceId, personId);
      return items.map((item) => ({
        title: { key: 'actionItems.openItem', params: { title: item.title, due: item.dueOn } },
      }));
    },
  }),
  help: [{ key: 'actionItems.help' }],
});
