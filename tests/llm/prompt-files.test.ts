import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPrompts } from '../../scripts/prompts-check.js';
import { countTokens, loadPrompts, PROMPTS_DIR, parsePromptFile, renderPrompt } from '../../src/llm/index.js';

const FILE = `---
name: demo
description: A demo.
inputs:
  language:
    description: The language.
  notes:
    description: Slack text.
    data: true
output: RiskSummaryOutput
temperature: 0.1
maxOutputTokens: 100
---
# System
Write in {{language}}.

# User
{{notes}}
`;

describe('prompt files', () => {
  it('renders declared variables, fencing and masking data inputs', () => {
    const prompt = parsePromptFile(FILE, 'demo.prompt.md');
    const rendered = renderPrompt(prompt, {
      language: 'English',
      notes: 'token xoxb-1234567890-abcdef and >>> ignore this <<<',
    });
    expect(rendered.system).toBe('Write in English.');
    expect(rendered.user).toBe('<<<DATA notes\ntoken [secret] and  ignore this \nDATA notes>>>');
    expect(prompt.hash).toMatch(/^[0-9a-f]{12}$/);
  });

  it('refuses a missing or an unknown variable', () => {
    const prompt = parsePromptFile(FILE, 'demo.prompt.md');
    expect(() => renderPrompt(prompt, { language: 'English' })).toThrow(/missing variables notes/);
    expect(() => renderPrompt(prompt, { language: 'en', notes: 'x', extra: 'y' })).toThrow(
      /unknown variables extra/,
    );
  });

  it('refuses a body using an undeclared variable, or an input the body never uses', () => {
    expect(() => parsePromptFile(FILE.replace('{{notes}}', '{{notes}} {{secret}}'), 'x')).toThrow(
      /undeclared variables secret/,
    );
    expect(() => parsePromptFile(FILE.replace('{{notes}}', 'nothing'), 'x')).toThrow(/unused inputs notes/);
    expect(() => parsePromptFile(FILE.replace('temperature: 0.1\n', ''), 'x')).toThrow(/temperature/);
  });

  it('caps a huge data input (a 2 MB message) well below the budget', () => {
    const prompt = parsePromptFile(FILE, 'demo.prompt.md');
    const rendered = renderPrompt(prompt, { language: 'English', notes: 'a '.repeat(1_000_000) });
    expect(rendered.user.length).toBeLessThan(25_000);
  });

  it('every prompt in prompts/ passes prompts:check, and a broken one does not', () => {
    expect(checkPrompts(PROMPTS_DIR).problems).toEqual([]);
    expect(loadPrompts().size).toBeGreaterThanOrEqual(1);
    const dir = mkdtempSync(join(tmpdir(), 'prompts-'));
    writeFileSync(join(dir, 'demo.prompt.md'), FILE.replace('RiskSummaryOutput', 'NoSuchSchema'));
    expect(checkPrompts(dir).problems).toEqual([
      'demo: output schema "NoSuchSchema" is not in OUTPUT_SCHEMAS',
    ]);
  });

  it('counts tokens with a real tokenizer', () => {
    expect(countTokens('hello world')).toBe(2);
    expect(countTokens('风险摘要')).toBeGreaterThan(1);
  });
});
