import { describe, expect, it } from 'vitest';
import { catalogs, resolveLocale, translator } from '../../src/i18n/catalog.js';

function leaves(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, `${path}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  const en = leaves(catalogs.en);
  const zh = leaves(catalogs['zh-CN']);

  it('have the same keys in English and Simplified Chinese', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of en) expect(placeholders(zh.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('are actually translated (no English sentence left in the Chinese catalog)', () => {
    const prose = (text: string) => /[A-Za-z]{4,}/.test(text.replace(/\{\w+\}|`[^`]*`/g, ''));
    const untranslated = [...en].filter(
      ([key, text]) => prose(text) && key !== 'common.appName' && zh.get(key) === text,
    );
    expect(untranslated).toEqual([]);
  });

  it('fills placeholders and leaves a missing one visible', () => {
    const t = translator('zh-CN');
    expect(t('errors.apology', { referenceId: 'ERR-1' })).toContain('ERR-1');
    expect(translator('en')('errors.apology')).toContain('{referenceId}');
  });
});

describe('resolveLocale', () => {
  it('maps Slack locales to the languages Liaison speaks, else the workspace default', () => {
    expect(resolveLocale('zh-CN', 'en')).toBe('zh-CN');
    expect(resolveLocale('zh-TW', 'en')).toBe('zh-CN');
    expect(resolveLocale('en-GB', 'zh-CN')).toBe('en');
    expect(resolveLocale('ja-JP', 'zh-CN')).toBe('zh-CN');
    expect(resolveLocale(null, 'en')).toBe('en');
  });
});
