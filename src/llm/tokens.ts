import { createRequire } from 'node:module';
import type { Tiktoken } from 'js-tiktoken';

let encoder: Tiktoken | undefined;

/**
 * Tokens in `text` as OpenAI's current models count them (o200k_base, a real tokenizer).
 * Other servers' tokenizers differ a little; budgets are estimates with that in mind.
 */
export function countTokens(text: string): number {
  // Loaded on the first count, not at start: the package is ≈ 19 MB and its ranks ≈ 160 MB
  // once built; a process without an LLM never counts (bench/README.md, issue 16).
  encoder ??= (createRequire(import.meta.url)('js-tiktoken') as typeof import('js-tiktoken')).getEncoding(
    'o200k_base',
  );
  return encoder.encode(text).length;
}
