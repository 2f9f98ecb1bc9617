import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { EVENTS } from '../../ids.js';
import { appHomeOpened } from './app-home-opened.event.js';
import { appUninstalled } from './app-uninstalled.event.js';
import { teamJoin } from './team-join.event.js';
import { tokensRevoked } from './tokens-revoked.event.js';
import { userChange } from './user-change.event.js';

export function registerEvents(app: App, deps: SlackDeps): void {
  app.event(EVENTS.appHomeOpened, appHomeOpened(deps));
  app.event(EVENTS.userChange, userChange(deps));
  app.event(EVENTS.teamJoin, teamJoin(deps));
  app.event(EVENTS.appUninstalled, appUninstalled(deps));
  app.event(EVENTS.tokensRevoked, tokensRevoked(deps));
}
