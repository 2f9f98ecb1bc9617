import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { SHORTCUTS } from '../../ids.js';
import { escalateThisShortcut } from './escalate-this.shortcut.js';

/** Message shortcuts (message_action), one line per callback_id. */
export function registerShortcuts(app: App, deps: SlackDeps): void {
  app.shortcut({ callback_id: SHORTCUTS.escalateThis, type: 'message_action' }, escalateThisShortcut(deps));
}
