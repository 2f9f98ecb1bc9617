export { type CircuitBreaker, createCircuitBreaker } from './circuit-breaker.js';
export { type CreateLlmClientOptions, createLlmClient, LLM_DEFAULTS } from './create-llm-client.js';
export { createFallbackLlmClient } from './fallback-llm-client.js';
export { KPI_SENTENCE_MAX_CHARS, kpiNarrativeVars, narrateKpis } from './kpi-narrative.js';
export {
  createLlm,
  type Generated,
  type GenerateObjectRequest,
  LLM_LAYER_DEFAULTS,
  type Llm,
  type LlmUsage,
} from './llm.js';
export {
  type LlmClient,
  type LlmCompletion,
  LlmError,
  type LlmFailureKind,
  type LlmRequest,
  LlmRequestError,
  LlmUnavailableError,
  type LlmUsage as LlmTokenUsage,
} from './llm-client.js';
export { createOpenAiLlmClient, type OpenAiLlmClientOptions } from './openai-llm-client.js';
export {
  ActionItemDraftsOutput,
  EscalationSummaryOutput,
  OUTPUT_SCHEMAS,
  RiskSummaryOutput,
} from './output-schemas.js';
export {
  languageFor,
  loadPrompts,
  loadPromptsFrom,
  PROMPTS_DIR,
  PromptError,
  type PromptFile,
  type PromptVars,
  parsePromptFile,
  type RenderedPrompt,
  renderPrompt,
} from './prompt-files.js';
export { keepCited, knownOwner } from './receipts.js';
export { RISK_ITEM_MAX_CHARS, riskFactLine, riskSummaryVars, summarizeRisks } from './risk-summary.js';
export { asDataBlock, escapeMrkdwn, maskSecrets, plainSafeText, slackSafeText } from './safety.js';
export { countTokens } from './tokens.js';
