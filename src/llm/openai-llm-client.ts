import type OpenAI from 'openai';
import type { Logger } from '../logger.js';
import { type LlmClient, type LlmCompletion, type LlmRequest, LlmRequestError } from './llm-client.js';

export interface OpenAiLlmClientOptions {
  apiKey: string;
  /** Any OpenAI-compatible server (Ollama, vLLM, Azure, a test fake); default api.openai.com. */
  baseUrl?: string;
  model: string;
  /** Per attempt. The SDK default is 10 minutes, far too long for a chat bot. */
  timeoutMs: number;
  /** Attempts after the first; the SDK default is 2. */
  maxRetries: number;
  /**
   * Older OpenAI-compatible servers only know `max_tokens`; OpenAI's reasoning models
   * only accept `max_completion_tokens`.
   */
  tokenLimitParam?: 'max_tokens' | 'max_completion_tokens';
  logger: Logger;
  now?: () => number;
}

/** LlmClient over the OpenAI chat-completions API (any server that speaks it, via `baseUrl`). */
export function createOpenAiLlmClient(options: OpenAiLlmClientOptions): LlmClient {
  const now = options.now ?? (() => performance.now());
  const tokenLimitParam = options.tokenLimitParam ?? 'max_tokens';
  // timeout and maxRetries are always explicit: the SDK defaults let one call hang > 30 min.
  // baseURL/organization/project are explicit too, so the SDK never falls back to reading
  // OPENAI_* from process.env behind config's back.
  // The SDK (≈ 15 MB) is loaded on the first completion, not at start (bench/README.md, issue 16).
  let sdk: OpenAiSdk | undefined;
  let openai: OpenAI | undefined;
  async function client(): Promise<OpenAI> {
    sdk ??= await import('openai');
    openai ??= new sdk.default({
      apiKey: options.apiKey,
      baseURL: options.baseUrl ?? 'https://api.openai.com/v1',
      organization: null,
      project: null,
      webhookSecret: null,
      timeout: options.timeoutMs,
      maxRetries: options.maxRetries,
    });
    return openai;
  }

  async function complete(request: LlmRequest): Promise<LlmCompletion> {
    const started = now();
    try {
      const openai = await client();
      const response = await openai.chat.completions.create(
        {
          model: request.model ?? options.model,
          messages: [
            { role: 'system', content: request.system },
            { role: 'user', content: request.user },
          ],
          ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
          ...(request.maxTokens !== undefined ? { [tokenLimitParam]: request.maxTokens } : {}),
          ...(request.responseFormat ? { response_format: responseFormatOf(request.responseFormat) } : {}),
        },
        request.signal ? { signal: request.signal } : undefined,
      );
      const latencyMs = now() - started;
      const text = response.choices[0]?.message.content?.trim() ?? '';
      if (!text) {
        throw new LlmRequestError(
          'empty_response',
          `model ${response.model} returned no text (id ${response.id})`,
        );
      }
      const usage = response.usage
        ? {
            promptTokens: response.usage.prompt_tokens,
            completionTokens: response.usage.completion_tokens,
            totalTokens: response.usage.total_tokens,
          }
        : undefined;
      options.logger.debug({ model: response.model, latencyMs, usage }, 'llm completion');
      return { text, model: response.model, latencyMs, ...(usage ? { usage } : {}) };
    } catch (error) {
      const failure = toLlmError(error, options.model, sdk);
      options.logger.warn(
        { model: options.model, kind: failure.kind, status: failure.status, latencyMs: now() - started },
        'llm completion failed',
      );
      throw failure;
    }
  }

  return { mode: 'openai', model: options.model, complete };
}

function responseFormatOf(format: NonNullable<LlmRequest['responseFormat']>) {
  if (format.type === 'json_object') return { type: 'json_object' as const };
  return {
    type: 'json_schema' as const,
    json_schema: { name: format.name, schema: format.schema, strict: true },
  };
}

type OpenAiSdk = typeof import('openai');

/** Maps SDK errors to LlmRequestError so no caller needs to import openai. */
function toLlmError(error: unknown, model: string, sdk: OpenAiSdk | undefined): LlmRequestError {
  if (error instanceof LlmRequestError) return error;
  const cause = { cause: error };
  if (!sdk) {
    const message = error instanceof Error ? error.message : String(error);
    return new LlmRequestError(
      'connection',
      `LLM client for ${model} failed to load: ${message}`,
      undefined,
      cause,
    );
  }
  const { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } = sdk;
  if (error instanceof APIConnectionTimeoutError) {
    return new LlmRequestError('timeout', `LLM request to ${model} timed out`, undefined, cause);
  }
  if (error instanceof APIUserAbortError) {
    return new LlmRequestError('aborted', `LLM request to ${model} was aborted`, undefined, cause);
  }
  if (error instanceof APIConnectionError) {
    return new LlmRequestError('connection', `LLM server unreachable for ${model}`, undefined, cause);
  }
  if (error instanceof APIError) {
    const kind = error.status === 429 ? 'rate_limited' : 'http_error';
    return new LlmRequestError(
      kind,
      `LLM request to ${model} failed with HTTP ${error.status}`,
      error.status,
      cause,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new LlmRequestError('connection', `LLM request to ${model} failed: ${message}`, undefined, cause);
}
