/**
 * The transport under the LLM layer: one chat completion from an OpenAI-compatible server.
 * Features do not call it; they use `generateObject` (llm.ts), which renders a prompt file,
 * asks for structured output, validates it and falls back to rules. When no model is
 * configured the client is in `fallback` mode and every `complete` call throws
 * LlmUnavailableError; a configured model can still fail (timeout, 429, 5xx), which
 * surfaces as LlmRequestError.
 */
export interface LlmClient {
  readonly mode: 'openai' | 'fallback';
  /** The configured model name; undefined in fallback mode. */
  readonly model?: string;
  complete(request: LlmRequest): Promise<LlmCompletion>;
}

export interface LlmRequest {
  /** A prompt's own model; the client's configured one otherwise. */
  model?: string;
  system: string;
  user: string;
  temperature?: number;
  maxTokens?: number;
  /**
   * Structured output from a JSON schema (OpenAI, vLLM, llama.cpp, recent Ollama), or plain
   * JSON mode for servers without it.
   */
  responseFormat?:
    | { type: 'json_schema'; name: string; schema: Record<string, unknown> }
    | { type: 'json_object' };
  /** Lets a caller give up earlier than the client's own timeout. */
  signal?: AbortSignal;
}

export interface LlmUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface LlmCompletion {
  text: string;
  /** The model that answered, as the server reports it (may be more specific than the configured one). */
  model: string;
  usage?: LlmUsage;
  latencyMs: number;
}

/** Base class so callers can fall back on any LLM failure with one `instanceof`. */
export class LlmError extends Error {}

/** No model is configured; use the rule-based text instead. */
export class LlmUnavailableError extends LlmError {
  constructor(message = 'No LLM is configured (OPENAI_API_KEY unset); use the rule-based fallback') {
    super(message);
    this.name = 'LlmUnavailableError';
  }
}

export type LlmFailureKind =
  | 'timeout'
  | 'rate_limited'
  | 'http_error'
  | 'connection'
  | 'aborted'
  | 'empty_response';

/** A configured model did not produce usable text. Never carries the prompt or the API key. */
export class LlmRequestError extends LlmError {
  constructor(
    readonly kind: LlmFailureKind,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LlmRequestError';
  }
}
