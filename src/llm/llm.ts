import { z } from 'zod';
import type { Logger } from '../logger.js';
import type { LlmRunsRepository } from '../modules/ai/llm-runs.repository.js';
import type { LlmRunRecord, LlmUsageReport, WrittenBy } from '../modules/ai/llm-runs.types.js';
import type { Clock } from '../modules/shared/clock.types.js';
import { type CircuitBreaker, createCircuitBreaker } from './circuit-breaker.js';
import { type LlmClient, LlmRequestError } from './llm-client.js';
import { OUTPUT_SCHEMAS } from './output-schemas.js';
import { PromptError, type PromptVars, promptNamed, renderPrompt } from './prompt-files.js';
import { countTokens } from './tokens.js';

/**
 * The one port features use to ask a language model: `generateObject` renders a prompt file,
 * asks for structured output, validates it with the prompt's zod schema, checks its receipts,
 * and answers with the rule-based `fallback` whenever the model is off, over budget, failing
 * (circuit breaker), slow, or wrong. The result says which path wrote it.
 */
export interface Llm {
  readonly mode: 'openai' | 'fallback';
  readonly model?: string;
  readonly dailyTokenBudget: number;
  generateObject<T>(request: GenerateObjectRequest<T>): Promise<Generated<T>>;
  /** For `/liaison ai`: today's usage (UTC day), the budget, the breaker, the last failures. */
  usage(workspaceId: string): Promise<LlmUsage>;
  /** Resolves when every run record started so far is written (they are counted and stored off the caller's path). */
  settled(): Promise<void>;
}

export interface GenerateObjectRequest<T> {
  /** A prompt's name (prompts/<name>.prompt.md). */
  prompt: string;
  /** Exactly the prompt's inputs. */
  vars: PromptVars;
  /** The zod schema the prompt's `output` names (OUTPUT_SCHEMAS). */
  schema: z.ZodType<T>;
  /** The same shape by rules: what answers when the model does not. */
  fallback: () => T | Promise<T>;
  workspaceId: string;
  /** Receipts: the value with uncited parts removed, or undefined when nothing is left (the rules answer). */
  check?: (value: T) => T | undefined;
}

export interface Generated<T> {
  value: T;
  writtenBy: WrittenBy;
  /** 'ok', 'no_model', or why the rules answered. */
  outcome: string;
}

export interface LlmUsage extends LlmUsageReport {
  mode: 'openai' | 'fallback';
  model?: string;
  dailyTokenBudget: number;
  breaker: CircuitBreaker['state'];
}

export const LLM_LAYER_DEFAULTS = {
  dailyTokenBudget: 200_000,
  breakerThreshold: 3,
  breakerCooldownMs: 60_000,
  /** How long the in-process count of today's tokens is trusted before the database is read again. */
  usageCacheMs: 30_000,
} as const;

function startOfUtcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

function jsonSchemaInstruction(schema: z.ZodType): string {
  return `Answer with one JSON object, nothing else, matching this JSON Schema:\n${JSON.stringify(jsonSchemaOf(schema))}`;
}

export function createLlm(deps: {
  client: LlmClient;
  runs: LlmRunsRepository;
  clock: Clock;
  logger: Logger;
  dailyTokenBudget?: number;
  breaker?: CircuitBreaker;
  now?: () => number;
}): Llm {
  const { client, runs, clock, logger } = deps;
  const now = deps.now ?? (() => performance.now());
  const dailyTokenBudget = deps.dailyTokenBudget ?? LLM_LAYER_DEFAULTS.dailyTokenBudget;
  const breaker =
    deps.breaker ??
    createCircuitBreaker({
      threshold: LLM_LAYER_DEFAULTS.breakerThreshold,
      cooldownMs: LLM_LAYER_DEFAULTS.breakerCooldownMs,
    });
  /** Servers that refused a JSON schema once get JSON mode from then on. */
  let structuredOutput = true;
  const usedToday = new Map<string, { day: number; tokens: number; readAt: number }>();

  async function tokensUsedToday(workspaceId: string): Promise<number> {
    const day = startOfUtcDay(clock.now());
    const cached = usedToday.get(workspaceId);
    if (
      cached &&
      cached.day === day.getTime() &&
      Date.now() - cached.readAt < LLM_LAYER_DEFAULTS.usageCacheMs
    )
      return cached.tokens;
    const tokens = await runs.tokensSince(workspaceId, day);
    usedToday.set(workspaceId, { day: day.getTime(), tokens, readAt: Date.now() });
    return tokens;
  }

  const pending = new Set<Promise<void>>();
  // The tokenizer's tables take a moment to load: once at start, not on someone's first call.
  if (client.mode === 'openai') setImmediate(() => countTokens(''));

  /**
   * Stores a run after the caller has its answer: counting tokens with the real tokenizer
   * costs milliseconds per prompt, which the person waiting should not pay.
   */
  function record(
    run: Omit<LlmRunRecord, 'at' | 'tokensIn' | 'tokensOut'>,
    texts: { sent: string[]; answer: string },
  ) {
    const at = clock.now();
    const write = (async () => {
      await new Promise((resolve) => setImmediate(resolve));
      const tokensIn = texts.sent.reduce((n, text) => n + countTokens(text), 0);
      const tokensOut = texts.answer ? countTokens(texts.answer) : 0;
      const cached = usedToday.get(run.workspaceId);
      if (cached) cached.tokens += tokensIn + tokensOut;
      await runs.record({ ...run, tokensIn, tokensOut, at });
    })().catch((error: unknown) =>
      logger.warn({ err: error, prompt: run.promptName }, 'could not record an LLM run'),
    );
    pending.add(write);
    void write.finally(() => pending.delete(write));
  }

  async function ask(
    request: { model: string; system: string; user: string; temperature: number; maxTokens: number },
    schema: z.ZodType,
    name: string,
  ) {
    if (structuredOutput) {
      try {
        return await client.complete({
          ...request,
          responseFormat: {
            type: 'json_schema',
            name: name.replace(/-/g, '_'),
            schema: jsonSchemaOf(schema),
          },
        });
      } catch (error) {
        // A server without structured output answers 400 (or 422): plain JSON mode from now on.
        if (!(error instanceof LlmRequestError && (error.status === 400 || error.status === 422)))
          throw error;
        structuredOutput = false;
        logger.info({ model: request.model }, 'the LLM server refused a JSON schema; using JSON mode');
      }
    }
    return client.complete({
      ...request,
      system: `${request.system}\n\n${jsonSchemaInstruction(schema)}`,
      responseFormat: { type: 'json_object' },
    });
  }

  return {
    mode: client.mode,
    ...(client.model ? { model: client.model } : {}),
    dailyTokenBudget,
    async generateObject<T>(request: GenerateObjectRequest<T>): Promise<Generated<T>> {
      const prompt = promptNamed(request.prompt);
      if (OUTPUT_SCHEMAS[prompt.output] !== request.schema)
        throw new PromptError(
          `${prompt.name}: the schema given is not ${prompt.output}, the one its file names`,
        );
      const rendered = renderPrompt(prompt, request.vars);
      const rules = async (outcome: string): Promise<Generated<T>> => ({
        value: await request.fallback(),
        writtenBy: 'rules',
        outcome,
      });
      if (client.mode === 'fallback') return rules('no_model');

      const model = prompt.model ?? client.model ?? 'unknown';
      const base = {
        workspaceId: request.workspaceId,
        promptName: prompt.name,
        promptHash: prompt.hash,
        model,
      };
      const started = now();
      const none = { sent: [], answer: '' };
      const estimate = estimateTokens(rendered.system) + estimateTokens(rendered.user);
      if (
        (await tokensUsedToday(request.workspaceId)) + estimate + prompt.maxOutputTokens >
        dailyTokenBudget
      ) {
        record({ ...base, latencyMs: 0, outcome: 'over_budget', writtenBy: 'rules' }, none);
        return rules('over_budget');
      }
      if (!breaker.allows()) {
        record({ ...base, latencyMs: 0, outcome: 'breaker_open', writtenBy: 'rules' }, none);
        return rules('breaker_open');
      }
      let text = '';
      let outcome: string;
      let value: T | undefined;
      try {
        const completion = await ask(
          {
            model,
            system: rendered.system,
            user: rendered.user,
            temperature: prompt.temperature,
            maxTokens: prompt.maxOutputTokens,
          },
          request.schema,
          prompt.name,
        );
        text = completion.text;
        const parsed = request.schema.safeParse(parseJson(text));
        if (!parsed.success) {
          outcome = 'invalid_output';
          breaker.failed();
        } else if (leaksPrompt(text, rendered.system)) {
          outcome = 'prompt_leak';
          breaker.succeeded();
        } else {
          breaker.succeeded();
          value = request.check ? request.check(parsed.data) : parsed.data;
          outcome = value === undefined ? 'no_receipts' : 'ok';
        }
      } catch (error) {
        if (!(error instanceof LlmRequestError)) throw error;
        breaker.failed();
        outcome = error.kind;
      }
      record(
        {
          ...base,
          latencyMs: Math.round(now() - started),
          outcome,
          writtenBy: value === undefined ? 'rules' : 'model',
        },
        { sent: [rendered.system, rendered.user], answer: text },
      );
      if (value === undefined) return rules(outcome);
      return { value, writtenBy: 'model', outcome };
    },
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    async usage(workspaceId) {
      await this.settled();
      const report = await runs.usage(workspaceId, startOfUtcDay(clock.now()), 5);
      return {
        ...report,
        mode: client.mode,
        ...(client.model ? { model: client.model } : {}),
        dailyTokenBudget,
        breaker: breaker.state,
      };
    },
  };
}

/**
 * A quick upper estimate of a text's tokens for the budget check before a call (the exact
 * count, with js-tiktoken, is recorded after): about one token per 3 bytes of UTF-8 —
 * English averages 4 or more bytes per token, Chinese about 3.
 */
function estimateTokens(text: string): number {
  return Math.ceil(Buffer.byteLength(text, 'utf8') / 3);
}

const jsonSchemas = new WeakMap<z.ZodType, Record<string, unknown>>();

/** The zod schema as JSON Schema for structured output (computed once per schema). */
function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  let json = jsonSchemas.get(schema);
  if (!json) {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
    json = rest;
    jsonSchemas.set(schema, json);
  }
  return json;
}

/** True when the answer repeats a line of the instructions (a prompt-leak request obeyed). */
function leaksPrompt(answer: string, system: string): boolean {
  const flat = answer.replace(/\\n/g, ' ').replace(/\s+/g, ' ');
  return system
    .split('\n')
    .map((line) => line.replace(/^[-\s]+/, '').trim())
    .filter((line) => line.length >= 40)
    .some((line) => flat.includes(line.slice(0, 40)));
}

/** The model's JSON, also when a server wraps it in a ```json fence. */
function parseJson(text: string): unknown {
  const unfenced = text.replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  try {
    return JSON.parse(unfenced);
  } catch {
    return undefined;
  }
}
