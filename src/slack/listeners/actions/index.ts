import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { ACTION_ITEM_ACTIONS, NOTIFICATION_ACTIONS } from '../../ids.js';
import {
  actionItemCancelButton,
  actionItemDoneButton,
  actionItemRedateMenu,
} from './action-items.actions.js';
import { registerEscalationActions } from './escalation-card.actions.js';
import { muteNotificationButton, snoozeNotificationButton } from './notifications.actions.js';

/** Button and menu listeners (block_actions), one line per action id. */
export function registerActions(app: App, deps: SlackDeps): void {
  app.action(NOTIFICATION_ACTIONS.snoozeHour, snoozeNotificationButton(deps));
  app.action(NOTIFICATION_ACTIONS.muteKind, muteNotificationButton(deps));
  app.action(ACTION_ITEM_ACTIONS.done, actionItemDoneButton(deps));
  app.action(ACTION_ITEM_ACTIONS.cancel, actionItemCancelButton(deps));
  app.action(ACTION_ITEM_ACTIONS.redate, actionItemRedateMenu(deps));
  registerEscalationActions(app, deps);
}
