import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** manifest.yml at the project root: the one list of bot scopes, for Slack's app settings and for the install URL. */
export const MANIFEST_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../manifest.yml');

const indentOf = (line: string) => line.length - line.trimStart().length;

/**
 * The `oauth_config.scopes.bot` list of a Slack app manifest. A small reader for that one
 * block-style list (the YAML parser is a development dependency only); a test compares it
 * with a full YAML parse of manifest.yml.
 */
export function botScopesOf(manifestText: string): string[] {
  const path = ['oauth_config', 'scopes', 'bot'];
  const scopes: string[] = [];
  let depth = 0;
  let parentIndent = -1;
  for (const raw of manifestText.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '');
    const text = line.trim();
    if (text === '' || text.startsWith('#')) continue;
    const indent = indentOf(line);
    if (depth === path.length) {
      if (indent <= parentIndent && !text.startsWith('- ')) break;
      if (!text.startsWith('- ')) break;
      scopes.push(
        text
          .slice(2)
          .trim()
          .replace(/^["']|["']$/g, ''),
      );
      continue;
    }
    if (indent <= parentIndent) {
      // Left the block we were descending into without finding the list.
      depth = 0;
      parentIndent = -1;
    }
    if (text === `${path[depth]}:` && indent > parentIndent) {
      depth += 1;
      parentIndent = indent;
    }
  }
  if (scopes.length === 0) throw new Error('manifest.yml declares no oauth_config.scopes.bot');
  return scopes;
}

/** The bot scopes /slack/install asks for: exactly the manifest's. */
export function manifestBotScopes(path: string = MANIFEST_PATH): string[] {
  return botScopesOf(readFileSync(path, 'utf8'));
}
