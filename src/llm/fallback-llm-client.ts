import { type LlmClient, LlmUnavailableError } from './llm-client.js';

/**
 * The client used when no model is configured. It never invents text: features detect
 * `mode === 'fallback'` (or catch LlmUnavailableError) and render their rule-based text,
 * so the no-LLM path is deterministic and tested like any other.
 */
export function createFallbackLlmClient(): LlmClient {
  return {
    mode: 'fallback',
    complete: () => Promise.reject(new LlmUnavailableError()),
  };
}
