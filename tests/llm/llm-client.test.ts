import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createLlmClient,
  LLM_DEFAULTS,
  LlmError,
  LlmRequestError,
  LlmUnavailableError,
} from '../../src/llm/index.js';
import { createLogger } from '../../src/logger.js';
import { type FakeOpenAi, startFakeOpenAi } from '../harness/fake-openai.js';

const logLines: string[] = [];
const logger = createLogger({
  level: 'debug',
  destination: new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  }),
});

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.respondWith({});
  logLines.length = 0;
});

const client = (overrides: { timeoutMs?: number; maxRetries?: number } = {}) =>
  createLlmClient({
    apiKey: 'sk-test-secret',
    baseUrl: fake.baseUrl,
    model: 'gpt-test',
    logger,
    ...overrides,
  });

describe('createLlmClient', () => {
  it('without an API key returns the fallback, whose complete() throws LlmUnavailableError', async () => {
    const fallback = createLlmClient({ apiKey: '  ', model: 'gpt-test', logger });
    expect(fallback.mode).toBe('fallback');
    expect(fallback.model).toBeUndefined();
    await expect(fallback.complete({ system: 's', user: 'u' })).rejects.toBeInstanceOf(LlmUnavailableError);
    await expect(fallback.complete({ system: 's', user: 'u' })).rejects.toBeInstanceOf(LlmError);
  });

  it('defaults to a 20 s timeout and one retry', () => {
    expect(LLM_DEFAULTS).toEqual({ timeoutMs: 20_000, maxRetries: 1 });
  });
});

describe('OpenAI adapter against the fake server', () => {
  it('completes a round trip through the configured baseURL', async () => {
    fake.enqueue({ content: '  Summary: all KPIs on track.  ', model: 'gpt-test-2024' });
    const llm = client();
    expect(llm.mode).toBe('openai');
    const result = await llm.complete({
      system: 'You summarise.',
      user: 'KPIs: …',
      temperature: 0.2,
      maxTokens: 200,
    });

    expect(result).toMatchObject({ text: 'Summary: all KPIs on track.', model: 'gpt-test-2024' });
    expect(result.usage?.totalTokens).toBeGreaterThan(0);
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer sk-test-secret');
    expect(request?.body).toMatchObject({
      model: 'gpt-test',
      temperature: 0.2,
      max_tokens: 200,
      messages: [
        { role: 'system', content: 'You summarise.' },
        { role: 'user', content: 'KPIs: …' },
      ],
    });
    expect(logLines.join('')).not.toContain('sk-test-secret');
  });

  it('a server slower than the timeout fails within timeout × attempts plus slack, not hanging', async () => {
    fake.respondWith({ delayMs: 5_000, content: 'too late' });
    const timeoutMs = 300;
    const maxRetries = 1;
    const started = performance.now();
    const error = await client({ timeoutMs, maxRetries })
      .complete({ system: 's', user: 'u' })
      .catch((caught: unknown) => caught);
    const elapsed = performance.now() - started;

    expect(error).toBeInstanceOf(LlmRequestError);
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(fake.requests).toHaveLength(maxRetries + 1);
    // The SDK waits ≤ ~1 s between attempts; 1.5 s covers that and scheduling noise.
    expect(elapsed).toBeLessThan(timeoutMs * (maxRetries + 1) + 1_500);
  });

  it('retries a 500 once and then succeeds', async () => {
    fake.enqueue({ status: 500, headers: { 'retry-after-ms': '10' } }, { content: 'second time lucky' });
    const result = await client().complete({ system: 's', user: 'u' });
    expect(result.text).toBe('second time lucky');
    expect(fake.requests).toHaveLength(2);
  });

  it('reports a persistent 429 as rate_limited after the configured retries', async () => {
    fake.respondWith({ status: 429, headers: { 'retry-after-ms': '10' } });
    await expect(client({ maxRetries: 2 }).complete({ system: 's', user: 'u' })).rejects.toMatchObject({
      kind: 'rate_limited',
      status: 429,
    });
    expect(fake.requests).toHaveLength(3);
  });

  it('treats an empty completion as a failure so callers fall back', async () => {
    fake.enqueue({ content: '' });
    await expect(client().complete({ system: 's', user: 'u' })).rejects.toMatchObject({
      kind: 'empty_response',
    });
  });

  it('reports an unreachable server as a connection failure', async () => {
    const gone = await startFakeOpenAi();
    const baseUrl = gone.baseUrl;
    await gone.close();
    const llm = createLlmClient({
      apiKey: 'k',
      baseUrl,
      model: 'm',
      maxRetries: 0,
      timeoutMs: 1_000,
      logger,
    });
    await expect(llm.complete({ system: 's', user: 'u' })).rejects.toMatchObject({ kind: 'connection' });
  });
});
