import { getEncoding, type Tiktoken } from 'js-tiktoken';

let encoder: Tiktoken | undefined;

/**
 * Tokens in `text` as OpenAI's current models count them (o200k_base, a real tokenizer).
 * Other servers' tokenizers differ a little; budgets are estimates with that in mind.
 */
export function countTokens(text: string): number {
  encoder ??= getEncoding('o200k_base');
  return encoder.encode(text).length;
}
