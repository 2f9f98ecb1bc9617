import { createStyler } from './ansi.js';
import { renderBlocks } from './blocks.js';
import { consoleWords } from './console-words.js';
import { mrkdwnToText } from './mrkdwn.js';
import type { ConsoleMessage, RenderContext, RenderedSurface } from './render.types.js';
import { wrapText } from './wrap.js';

function authorLine(message: ConsoleMessage, ctx: RenderContext): string | undefined {
  const style = createStyler(ctx.color ?? false);
  const author =
    message.botName ??
    (message.user === undefined ? undefined : (ctx.resolveUser?.(message.user) ?? message.user));
  const t = consoleWords(ctx);
  const tags = [
    message.ephemeral ? t('console.render.onlyVisibleToYou') : undefined,
    message.threadTs === undefined ? undefined : t('console.render.inThread', { ts: message.threadTs }),
    message.edited ? t('console.render.edited') : undefined,
  ].filter((tag): tag is string => tag !== undefined);
  const parts = [...(author === undefined ? [] : [style.bold(author)]), ...tags.map((tag) => style.dim(tag))];
  return parts.length === 0 ? undefined : parts.join(' · ');
}

/**
 * Renders a chat message. Blocks win over `text` when both exist, as in Slack, where
 * `text` is only the notification fallback.
 */
export function renderMessage(message: ConsoleMessage, ctx: RenderContext): RenderedSurface {
  const header = authorLine(message, ctx);
  const headerLines = header === undefined ? [] : [header];
  if (message.blocks !== undefined && message.blocks.length > 0) {
    const { lines, controls } = renderBlocks(message.blocks, ctx);
    return { text: [...headerLines, ...lines].join('\n'), controls };
  }
  const body =
    message.text === undefined || message.text === ''
      ? [consoleWords(ctx)('console.render.emptyMessage')]
      : wrapText(mrkdwnToText(message.text, ctx), ctx.width ?? 80);
  return { text: [...headerLines, ...body].join('\n'), controls: [] };
}
