import { EVENTS } from '../../slack/ids.js';
import { appHomeOpened } from '../../slack/listeners/events/app-home-opened.event.js';
import { defineFeature, onEvent } from '../feature.types.js';

/** The Home tab: each feature gives its sections content (Feature.home). */
export const homeFeature = defineFeature({
  name: 'home',
  listeners: [onEvent(EVENTS.appHomeOpened, appHomeOpened)],
});
