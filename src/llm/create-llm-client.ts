import type { Logger } from '../logger.js';
import { createFallbackLlmClient } from './fallback-llm-client.js';
import type { LlmClient } from './llm-client.js';
import { createOpenAiLlmClient } from './openai-llm-client.js';

export const LLM_DEFAULTS = { timeoutMs: 20_000, maxRetries: 1 } as const;

export interface CreateLlmClientOptions {
  /** Unset or blank means "no LLM": the fallback client. Local servers that ignore keys still need any value. */
  apiKey?: string;
  baseUrl?: string;
  model: string;
  timeoutMs?: number;
  maxRetries?: number;
  logger: Logger;
}

/** The OpenAI adapter when a key is configured, otherwise the deterministic fallback. */
export function createLlmClient(options: CreateLlmClientOptions): LlmClient {
  const apiKey = options.apiKey?.trim();
  if (!apiKey) {
    options.logger.info('no LLM configured: features use rule-based text');
    return createFallbackLlmClient();
  }
  const client = createOpenAiLlmClient({
    apiKey,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    model: options.model,
    timeoutMs: options.timeoutMs ?? LLM_DEFAULTS.timeoutMs,
    maxRetries: options.maxRetries ?? LLM_DEFAULTS.maxRetries,
    logger: options.logger,
  });
  options.logger.info(
    { model: options.model, baseUrl: options.baseUrl ?? 'https://api.openai.com/v1' },
    'LLM configured',
  );
  return client;
}
