export { type CreateLlmClientOptions, createLlmClient, LLM_DEFAULTS } from './create-llm-client.js';
export { createFallbackLlmClient } from './fallback-llm-client.js';
export {
  type LlmClient,
  type LlmCompletion,
  LlmError,
  type LlmFailureKind,
  type LlmRequest,
  LlmRequestError,
  LlmUnavailableError,
  type LlmUsage,
} from './llm-client.js';
export { createOpenAiLlmClient, type OpenAiLlmClientOptions } from './openai-llm-client.js';
