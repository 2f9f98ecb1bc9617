import { DateTime } from 'luxon';
import { formatDateTime, formatLocaleOf } from '../../i18n/format.js';
import { createStyler, type Styler } from './ansi.js';
import { replaceEmojiShortcodes } from './emoji.js';
import type { RenderContext } from './render.types.js';

// Slack mrkdwn → terminal text. Angle-bracket tokens (links, mentions) and code spans are
// swapped for placeholders first so that emphasis markers inside URLs or code
// (`https://x/a_b_c`, `*ptr`) are never mistaken for formatting. Entities are decoded
// last: `&lt;` in user text must stay literal, not become a link.

const PLACEHOLDER = /\uE000(\d+)\uE001/g;
const ANGLE_TOKEN = /<([^<>\n]+)>/g;
const INLINE_CODE = /`([^`\n]+)`/g;
const CODE_BLOCK = /```([\s\S]*?)```/g;
// Emphasis needs a non-alphanumeric neighbour on both sides, as in Slack, so snake_case
// and 2*3*4 stay as typed. CJK neighbours are allowed: Chinese has no spaces to offer.
const emphasis = (marker: string) =>
  new RegExp(
    `(?<![A-Za-z0-9_${marker}\\\\])\\${marker}(?!\\s)([^${marker}\\n]+?)(?<!\\s)\\${marker}(?![A-Za-z0-9_${marker}])`,
    'g',
  );
const BOLD = emphasis('*');
const ITALIC = emphasis('_');
const STRIKE = emphasis('~');

export function unescapeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function splitLabel(body: string): { target: string; label: string | undefined } {
  const bar = body.indexOf('|');
  return bar === -1
    ? { target: body, label: undefined }
    : { target: body.slice(0, bar), label: body.slice(bar + 1) };
}

function viewerDate(unix: string | undefined, ctx: RenderContext): string | undefined {
  if (!ctx.timeZone || !unix || !/^\d+$/.test(unix)) return undefined;
  const at = DateTime.fromSeconds(Number(unix), { zone: ctx.timeZone });
  if (!at.isValid) return undefined;
  const local = formatDateTime(at.toJSDate(), formatLocaleOf(ctx.locale), ctx.timeZone);
  return `${local} (${ctx.timeZone})`;
}

function renderSpecial(target: string, label: string | undefined, ctx: RenderContext): string {
  const [command = '', ...args] = target.slice(1).split('^');
  if (command === 'here' || command === 'channel' || command === 'everyone') return `@${command}`;
  if (command === 'subteam') {
    const id = args[0] ?? '';
    return label ?? `@${ctx.resolveUsergroup?.(id) ?? id}`;
  }
  // <!date^1392734382^{date_short}|Feb 18, 2014>: Slack formats it in each viewer's zone;
  // the console does the same for the person acting, else shows the fallback.
  if (command === 'date') return viewerDate(args[0], ctx) ?? label ?? args[0] ?? '';
  return label ?? command;
}

function renderAngleToken(body: string, ctx: RenderContext, style: Styler): string {
  const { target, label } = splitLabel(body);
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return style.bold(`@${ctx.resolveUser?.(id) ?? label ?? id}`);
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return style.bold(`#${label ?? ctx.resolveChannel?.(id) ?? id}`);
  }
  if (target.startsWith('!')) return style.bold(renderSpecial(target, label, ctx));
  if (label === undefined || label === target) return style.link(target);
  if (target === `mailto:${label}`) return style.link(label);
  return `${style.link(label)} (${target})`;
}

function renderInline(text: string, ctx: RenderContext, style: Styler): string {
  const rendered: string[] = [];
  const hold = (value: string) => `\uE000${rendered.push(value) - 1}\uE001`;
  const held = text
    .replace(INLINE_CODE, (_, code: string) => hold(style.code(code)))
    .replace(/:[a-z0-9_+-]+:/g, (shortcode) => replaceEmojiShortcodes(shortcode))
    .replace(ANGLE_TOKEN, (_, body: string) => hold(renderAngleToken(body, ctx, style)))
    .replace(BOLD, (_, inner: string) => style.bold(inner))
    .replace(ITALIC, (_, inner: string) => style.italic(inner))
    .replace(STRIKE, (_, inner: string) => style.strike(inner));
  // A link label may itself contain a held code span, hence the second pass.
  let restored = held;
  for (let pass = 0; pass < 2 && restored.includes('\uE000'); pass += 1) {
    restored = restored.replace(PLACEHOLDER, (_, index: string) => rendered[Number(index)] ?? '');
  }
  return restored;
}

function renderCodeBlock(code: string, style: Styler): string {
  const body = code.replace(/^\n/, '').replace(/\n$/, '');
  // Indentation marks code in plain mode, where there is no colour to set it apart.
  return body
    .split('\n')
    .map((line) => `    ${style.code(line)}`)
    .join('\n');
}

/** Converts Slack mrkdwn to terminal text (plain unless `ctx.color`). */
export function mrkdwnToText(text: string, ctx: RenderContext): string {
  const style = createStyler(ctx.color ?? false);
  const pieces: string[] = [];
  let cursor = 0;
  for (const match of text.matchAll(CODE_BLOCK)) {
    const before = text.slice(cursor, match.index).replace(/\n$/, '');
    if (before !== '') pieces.push(renderInline(before, ctx, style));
    pieces.push(renderCodeBlock(match[1] ?? '', style));
    cursor = match.index + match[0].length;
    if (text[cursor] === '\n') cursor += 1;
  }
  const rest = text.slice(cursor);
  if (rest !== '' || pieces.length === 0) pieces.push(renderInline(rest, ctx, style));
  return unescapeEntities(pieces.join('\n'));
}
