import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { COMMANDS } from '../../ids.js';
import { escalateCommand } from './escalate.command.js';
import { liaisonCommand } from './liaison.command.js';

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(COMMANDS.liaison, liaisonCommand(deps));
  app.command(COMMANDS.escalate, escalateCommand(deps));
}
