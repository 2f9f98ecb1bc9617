import { resolveLocale, type Translate, translator } from '../../i18n/catalog.js';
import type { RenderContext } from './render.types.js';

/**
 * The words a Slack client shows around an app's content ("(optional)", "More actions",
 * "edited"…), in the viewer's language as Slack's own client does. English by default.
 */
export function consoleWords(ctx: Pick<RenderContext, 'locale'>): Translate {
  return translator(resolveLocale(ctx.locale, 'en'));
}
