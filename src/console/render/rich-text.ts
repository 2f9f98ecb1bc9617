import type {
  RichTextBlock,
  RichTextBlockElement,
  RichTextElement,
  RichTextList,
  RichTextSection,
} from '@slack/types';
import { createStyler, type Styler } from './ansi.js';
import type { RenderContext } from './render.types.js';

// rich_text is what Slack produces from a user's composer (and what apps echo back), so
// it is already structured: no mrkdwn parsing, just a faithful flattening to lines.

function applyStyle(text: string, element: RichTextElement, style: Styler): string {
  const flags = element.style;
  if (flags === undefined) return text;
  let out = text;
  if (flags.code) out = style.code(out);
  if (flags.bold) out = style.bold(out);
  if (flags.italic) out = style.italic(out);
  if (flags.strike) out = style.strike(out);
  return out;
}

function emojiText(name: string, unicode: string | undefined): string {
  if (unicode === undefined) return `:${name}:`;
  const points = unicode.split('-').map((hex) => Number.parseInt(hex, 16));
  return points.every((point) => Number.isInteger(point) && point >= 0 && point <= 0x10ffff)
    ? String.fromCodePoint(...points)
    : `:${name}:`;
}

function elementText(element: RichTextElement, ctx: RenderContext, style: Styler): string {
  switch (element.type) {
    case 'text':
      return applyStyle(element.text, element, style);
    case 'link':
      return element.text === undefined || element.text === element.url
        ? style.link(element.url)
        : `${applyStyle(style.link(element.text), element, style)} (${element.url})`;
    case 'user':
      return style.bold(`@${ctx.resolveUser?.(element.user_id) ?? element.user_id}`);
    case 'channel':
      return style.bold(`#${ctx.resolveChannel?.(element.channel_id) ?? element.channel_id}`);
    case 'usergroup':
      return style.bold(`@${ctx.resolveUsergroup?.(element.usergroup_id) ?? element.usergroup_id}`);
    case 'broadcast':
      return style.bold(`@${element.range}`);
    case 'team':
      return `@${element.team_id}`;
    case 'emoji':
      return emojiText(element.name, element.unicode);
    case 'date':
      return element.fallback ?? new Date(element.timestamp * 1000).toISOString();
    case 'color':
      return element.value;
  }
}

function sectionText(section: { elements: RichTextElement[] }, ctx: RenderContext, style: Styler): string {
  return section.elements.map((element) => elementText(element, ctx, style)).join('');
}

function listLines(list: RichTextList, ctx: RenderContext, style: Styler): string[] {
  const pad = '  '.repeat(list.indent ?? 0);
  return list.elements.map((item: RichTextSection, position) => {
    const marker = list.style === 'ordered' ? `${position + 1}.` : '•';
    return `${pad}${marker} ${sectionText(item, ctx, style)}`;
  });
}

function elementLines(element: RichTextBlockElement, ctx: RenderContext, style: Styler): string[] {
  const lines = (text: string) => text.replace(/\n$/, '').split('\n');
  switch (element.type) {
    case 'rich_text_section':
      return lines(sectionText(element, ctx, style));
    case 'rich_text_list':
      return listLines(element, ctx, style);
    case 'rich_text_quote':
      return lines(sectionText(element, ctx, style)).map((line) => `> ${line}`);
    case 'rich_text_preformatted':
      return lines(sectionText(element, ctx, style)).map((line) => `    ${style.code(line)}`);
    default:
      // Newer element types from Slack render as nothing rather than breaking the message.
      return [];
  }
}

/** Flattens a rich_text block to lines (unwrapped; the caller wraps). */
export function richTextToLines(block: RichTextBlock, ctx: RenderContext): string[] {
  const style = createStyler(ctx.color ?? false);
  return block.elements.flatMap((element) => elementLines(element, ctx, style));
}
