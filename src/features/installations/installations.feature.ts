import { EVENTS } from '../../slack/ids.js';
import { appUninstalled } from '../../slack/listeners/events/app-uninstalled.event.js';
import { tokensRevoked } from '../../slack/listeners/events/tokens-revoked.event.js';
import { defineFeature, onEvent } from '../feature.types.js';

/** Installs and uninstalls: a removed Liaison stops acting in that workspace. */
export const installationsFeature = defineFeature({
  name: 'installations',
  listeners: [onEvent(EVENTS.appUninstalled, appUninstalled), onEvent(EVENTS.tokensRevoked, tokensRevoked)],
});
