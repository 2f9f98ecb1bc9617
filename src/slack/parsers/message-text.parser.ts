import { decodeSlackEntities } from './liaison-command.parser.js';

/**
 * A Slack message's text as a person reads it: `<@U1|sam>` → `@sam`, `<#C1|general>` →
 * `#general`, `<!channel>` → `@channel`, `<https://x|label>` → `label`, entities decoded.
 * The result is plain text: whoever shows it in mrkdwn escapes it again.
 */
export function readableMessageText(text: string): string {
  const unwrapped = text.replace(/<([^<>]*)>/g, (_, inner: string) => {
    const [target = '', label] = inner.split('|');
    if (target.startsWith('@')) return `@${label ?? target.slice(1)}`;
    if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
    if (target.startsWith('!')) return label ?? `@${target.slice(1).replace(/^subteam\^\w+$/, 'group')}`;
    return label ?? target;
  });
  return decodeSlackEntities(unwrapped);
}

/** At most `max` characters, cut at a word boundary when one is near, with an ellipsis. */
export function truncateText(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
