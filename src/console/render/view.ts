import type { View } from '@slack/types';
import { createStyler } from './ansi.js';
import { renderBlocks } from './blocks.js';
import { consoleWords } from './console-words.js';
import { plainTextOf } from './emoji.js';
import type { RenderContext, RenderedSurface, ViewRenderOptions } from './render.types.js';
import { wrapText } from './wrap.js';

function titleOf(view: View, ctx: RenderContext): string {
  const t = consoleWords(ctx);
  if (view.type === 'modal') return t('console.render.modalTitle', { title: plainTextOf(view.title) });
  return t(view.type === 'home' ? 'console.render.appHome' : 'console.render.workflowStep');
}

/**
 * Renders a modal or App Home. Modal submit/close are not numbered controls: the user types
 * `submit` or `cancel`, so the footer names those commands next to the app's labels.
 */
export function renderView(view: View, ctx: RenderContext, options: ViewRenderOptions = {}): RenderedSurface {
  const style = createStyler(ctx.color ?? false);
  const width = Math.max(10, ctx.width ?? 80);
  const rule = '='.repeat(width);
  const { lines, controls } = renderBlocks(view.blocks, ctx, options);
  const top = [...wrapText(style.bold(titleOf(view, ctx)), width), rule];
  if (view.type !== 'modal') return { text: [...top, ...lines].join('\n'), controls };
  const buttons = [
    // Slack (and the stand-in) store a modal without a submit button as `submit: null`.
    ...(view.submit ? [style.primary(`[submit] ${view.submit.text}`)] : []),
    `[cancel] ${view.close?.text ?? consoleWords(ctx)('console.render.cancel')}`,
  ];
  return { text: [...top, ...lines, rule, buttons.join('  ')].join('\n'), controls };
}
