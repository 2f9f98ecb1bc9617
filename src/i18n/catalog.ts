import { en } from './en.js';
import type { SupportedLocale } from './locales.js';
import { zhCN } from './zh-CN.js';

/** Dotted paths to every message, e.g. 'help.title'. */
type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Paths<typeof en>;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const catalogs: Record<SupportedLocale, unknown> = { en, 'zh-CN': zhCN };

function lookup(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * A translator for one locale. A placeholder with no value is left visible as {name}
 * rather than silently dropped, so a missing parameter shows up in tests.
 */
export function translator(locale: SupportedLocale): Translate {
  const catalog = catalogs[locale];
  return (key, params) => {
    const template = lookup(catalog, key) ?? lookup(en, key) ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}

/** Maps a Slack locale (en-US, zh-CN, zh-TW, ja-JP, …) to one Liaison speaks. */
export function resolveLocale(
  slackLocale: string | null | undefined,
  fallback: SupportedLocale,
): SupportedLocale {
  if (!slackLocale) return fallback;
  const lower = slackLocale.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return fallback;
}
