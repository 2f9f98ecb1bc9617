import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { asDataBlock } from './safety.js';

/** `prompts/` at the repository root: one `<name>.prompt.md` per prompt. */
export const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

/** A prompt file is wrong, or a render was asked for with missing or unknown variables. */
export class PromptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PromptError';
  }
}

const frontmatterSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/),
  description: z.string().min(1),
  inputs: z.record(
    z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
    z.strictObject({ description: z.string().min(1), data: z.boolean().optional() }),
  ),
  output: z.string().min(1),
  temperature: z.number().min(0).max(2),
  maxOutputTokens: z.number().int().min(16).max(8_000),
  model: z.string().min(1).optional(),
});

export interface PromptFile {
  name: string;
  description: string;
  /** Variable name → whether it carries data from Slack (masked and fenced when rendered). */
  inputs: Record<string, { description: string; data: boolean }>;
  /** The output schema's name in OUTPUT_SCHEMAS. */
  output: string;
  temperature: number;
  maxOutputTokens: number;
  model?: string;
  system: string;
  user: string;
  /** The first 12 hex digits of the file's SHA-256: which version of the prompt ran. */
  hash: string;
}

export type PromptVars = Record<string, string | number>;

export interface RenderedPrompt {
  prompt: PromptFile;
  system: string;
  user: string;
}

const VARIABLE = /\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g;

/** Parses one prompt file; every variable its body uses must be declared, and every declared one used. */
export function parsePromptFile(text: string, source: string): PromptFile {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text.replace(/\r\n/g, '\n'));
  if (!match) throw new PromptError(`${source}: no YAML frontmatter between --- lines`);
  const parsed = frontmatterSchema.safeParse(parseYaml(match[1] ?? ''));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'frontmatter'}: ${i.message}`);
    throw new PromptError(`${source}: ${problems.join('; ')}`);
  }
  const body = match[2] ?? '';
  const sections = /^# System\n([\s\S]*?)\n# User\n([\s\S]*)$/m.exec(body.trim());
  if (!sections) throw new PromptError(`${source}: the body needs a "# System" and then a "# User" section`);
  const system = (sections[1] ?? '').trim();
  const user = (sections[2] ?? '').trim();
  const used = new Set([...`${system}\n${user}`.matchAll(VARIABLE)].map((m) => m[1] ?? ''));
  const declared = Object.keys(parsed.data.inputs);
  const undeclared = [...used].filter((name) => !declared.includes(name));
  if (undeclared.length > 0)
    throw new PromptError(`${source}: undeclared variables ${undeclared.join(', ')}`);
  const unused = declared.filter((name) => !used.has(name));
  if (unused.length > 0) throw new PromptError(`${source}: declared but unused inputs ${unused.join(', ')}`);
  const { model, ...rest } = parsed.data;
  return {
    ...rest,
    inputs: Object.fromEntries(
      Object.entries(parsed.data.inputs).map(([name, input]) => [
        name,
        { description: input.description, data: input.data ?? false },
      ]),
    ),
    ...(model ? { model } : {}),
    system,
    user,
    hash: createHash('sha256').update(text).digest('hex').slice(0, 12),
  };
}

/** Reads every `*.prompt.md` of a folder; the file name must be the prompt's name. */
export function loadPromptsFrom(dir: string): Map<string, PromptFile> {
  const prompts = new Map<string, PromptFile>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.prompt.md'))
    .sort()) {
    const prompt = parsePromptFile(readFileSync(join(dir, file), 'utf8'), file);
    if (`${prompt.name}.prompt.md` !== file)
      throw new PromptError(
        `${file}: its name is "${prompt.name}"; the file must be ${prompt.name}.prompt.md`,
      );
    prompts.set(prompt.name, prompt);
  }
  return prompts;
}

let cached: Map<string, PromptFile> | undefined;

/** The repository's prompts, read once per process. */
export function loadPrompts(): Map<string, PromptFile> {
  cached ??= loadPromptsFrom(PROMPTS_DIR);
  return cached;
}

/** The prompt called `name`, or a PromptError. */
export function promptNamed(name: string): PromptFile {
  const prompt = loadPrompts().get(name);
  if (!prompt) throw new PromptError(`no prompt named "${name}" in prompts/`);
  return prompt;
}

/**
 * Fills a prompt's variables. Exactly the declared inputs must be given (a missing or an
 * unknown one is a PromptError). Data inputs have secrets masked and go inside DATA markers,
 * so whatever a Slack message says reaches the model as data to summarize, not as instructions.
 */
export function renderPrompt(nameOrPrompt: string | PromptFile, vars: PromptVars): RenderedPrompt {
  const prompt = typeof nameOrPrompt === 'string' ? promptNamed(nameOrPrompt) : nameOrPrompt;
  const declared = Object.keys(prompt.inputs);
  const missing = declared.filter((name) => vars[name] === undefined);
  if (missing.length > 0) throw new PromptError(`${prompt.name}: missing variables ${missing.join(', ')}`);
  const unknown = Object.keys(vars).filter((name) => !declared.includes(name));
  if (unknown.length > 0) throw new PromptError(`${prompt.name}: unknown variables ${unknown.join(', ')}`);
  const values = new Map(
    declared.map((name) => {
      const value = String(vars[name]);
      return [name, prompt.inputs[name]?.data ? asDataBlock(name, value) : value];
    }),
  );
  const fill = (template: string) => template.replace(VARIABLE, (_, name: string) => values.get(name) ?? '');
  return { prompt, system: fill(prompt.system), user: fill(prompt.user) };
}

/** The language name a prompt's `language` input gets for an audience's locale. */
export function languageFor(locale: string): string {
  return locale === 'zh-CN' ? 'Simplified Chinese (简体中文)' : 'English';
}
