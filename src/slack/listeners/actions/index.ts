import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { NOTIFICATION_ACTIONS } from '../../ids.js';
import { muteNotificationButton, snoozeNotificationButton } from './notifications.actions.js';

/** Button and menu listeners (block_actions), one line per action id. */
export function registerActions(app: App, deps: SlackDeps): void {
  app.action(NOTIFICATION_ACTIONS.snoozeHour, snoozeNotificationButton(deps));
  app.action(NOTIFICATION_ACTIONS.muteKind, muteNotificationButton(deps));
}
