import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  countTokens,
  createCircuitBreaker,
  createLlm,
  createLlmClient,
  type Llm,
  RiskSummaryOutput,
  summarizeRisks,
} from '../../src/llm/index.js';
import { createLlmRunsPrismaRepository } from '../../src/modules/ai/llm-runs.prisma-repository.js';
import { systemClock } from '../../src/modules/shared/clock.types.js';
import type { RiskSummary, RiskSummaryRequest } from '../../src/modules/shared/risk-summary.types.js';
import { type FakeOpenAi, startFakeOpenAi } from '../harness/fake-openai.js';
import { memoryLogger } from '../harness/memory-logger.js';
import { openTestDatabase, type TestDatabase } from '../harness/test-database.js';

let db: TestDatabase;
let fake: FakeOpenAi;
let workspaceId: string;
const { logger } = memoryLogger();

beforeAll(async () => {
  // Load the tokenizer first: its first use takes seconds on a busy machine, longer than the
  // fake server keeps an idle connection open (and these clients do not retry).
  countTokens('warm up');
  db = await openTestDatabase();
  fake = await startFakeOpenAi();
  const workspace = await db.prisma.workspace.create({
    data: { slackTeamId: 'T-LLM', name: 'LLM test', defaultLocale: 'en', defaultTimeZone: 'UTC' },
  });
  workspaceId = workspace.id;
});
afterAll(async () => {
  await fake?.close();
  await db?.close();
});
beforeEach(async () => {
  fake.requests.length = 0;
  fake.respondWith({});
  await settle();
  await db.prisma.llmRun.deleteMany({});
});

const layers: Llm[] = [];
/** Run records are written after the caller has its answer: wait for them before reading. */
const settle = () => Promise.all(layers.map((l) => l.settled()));

function layer(options: { budget?: number; breaker?: ReturnType<typeof createCircuitBreaker> } = {}): Llm {
  const llm = createLlm({
    client: createLlmClient({
      apiKey: 'sk-test',
      baseUrl: fake.baseUrl,
      model: 'gpt-test',
      maxRetries: 0,
      logger,
    }),
    runs: createLlmRunsPrismaRepository(db.prisma),
    clock: systemClock,
    logger,
    ...(options.budget !== undefined ? { dailyTokenBudget: options.budget } : {}),
    ...(options.breaker ? { breaker: options.breaker } : {}),
  });
  layers.push(llm);
  return llm;
}

const request: RiskSummaryRequest = {
  workspaceId: '',
  locale: 'en',
  maxItems: 3,
  facts: [
    {
      ref: 'ESC-12',
      kind: 'escalation',
      severity: 3,
      waitingHours: 30,
      text: 'Refund policy; SLA breached.',
    },
    { ref: 'AI-40', kind: 'action_item', severity: 2, waitingHours: 48, text: 'Vendor contract, overdue.' },
  ],
};
const rules = async (r: RiskSummaryRequest): Promise<RiskSummary> => ({
  items: r.facts.slice(0, r.maxItems).map((f) => ({ text: `Rules: ${f.text}`, refs: [f.ref] })),
  writtenBy: 'rules',
});
const reply = (value: unknown) => ({ content: JSON.stringify(value) });

describe('generateObject', () => {
  it('asks for structured output from the prompt file, validates it and records the run', async () => {
    fake.enqueue(reply({ items: [{ text: 'The refund escalation breached its SLA.', refs: ['ESC-12'] }] }));
    const summary = await summarizeRisks(layer(), { ...request, workspaceId }, rules);

    expect(summary).toEqual({
      items: [{ text: 'The refund escalation breached its SLA.', refs: ['ESC-12'] }],
      writtenBy: 'model',
    });
    const body = fake.requests[0]?.body as unknown as {
      response_format: { type: string; json_schema: { schema: { required: string[] } } };
      temperature: number;
      messages: { content: string }[];
    };
    expect(body.response_format.type).toBe('json_schema');
    expect(body.response_format.json_schema.schema.required).toEqual(['items']);
    expect(body.temperature).toBe(0.2);
    expect(body.messages[1]?.content).toContain(
      '<<<DATA facts\n[ESC-12] (escalation, severity 3, waiting 30 h)',
    );
    await settle();
    const runs = await db.prisma.llmRun.findMany();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      promptName: 'risk-summary',
      model: 'gpt-test',
      outcome: 'ok',
      writtenBy: 'model',
    });
    expect(runs[0]?.promptHash).toMatch(/^[0-9a-f]{12}$/);
    expect(runs[0]?.tokensIn).toBeGreaterThan(100);
    expect(runs[0]?.tokensOut).toBeGreaterThan(5);
  });

  it('falls back to JSON mode plus validation when the server refuses a JSON schema', async () => {
    fake.enqueue(
      {
        status: 400,
        errorMessage: "Invalid parameter: 'response_format' of type 'json_schema' is not supported",
      },
      reply({ items: [{ text: 'Vendor contract overdue.', refs: ['AI-40'] }] }),
      reply({ items: [{ text: 'Again.', refs: ['AI-40'] }] }),
    );
    const llm = layer();
    expect((await summarizeRisks(llm, { ...request, workspaceId }, rules)).writtenBy).toBe('model');
    await summarizeRisks(llm, { ...request, workspaceId }, rules);
    const formats = fake.requests.map((r) => (r.body.response_format as { type: string }).type);
    expect(formats).toEqual(['json_schema', 'json_object', 'json_object']);
    expect(JSON.stringify(fake.requests[1]?.body.messages)).toContain('JSON Schema');
  });

  it('drops items citing refs that were not given, and uses the rules when nothing cited is left', async () => {
    fake.enqueue(
      reply({
        items: [
          { text: 'Made up.', refs: ['ESC-999'] },
          { text: 'Real one.', refs: ['AI-40', 'ESC-999'] },
        ],
      }),
      reply({ items: [{ text: 'Only invented refs.', refs: ['ESC-7'] }] }),
    );
    const first = await summarizeRisks(layer(), { ...request, workspaceId }, rules);
    expect(first).toEqual({ items: [{ text: 'Real one.', refs: ['AI-40'] }], writtenBy: 'model' });
    const second = await summarizeRisks(layer(), { ...request, workspaceId }, rules);
    expect(second.writtenBy).toBe('rules');
    await settle();
    const outcomes = (await db.prisma.llmRun.findMany()).map((r) => r.outcome).sort();
    expect(outcomes).toEqual(['no_receipts', 'ok']);
  });

  it('uses the rules for output outside the schema or not JSON at all', async () => {
    fake.enqueue(
      { content: 'Sure! Here is your summary: everything is fine.' },
      reply({ items: [{ text: 'x' }] }),
    );
    expect((await summarizeRisks(layer(), { ...request, workspaceId }, rules)).writtenBy).toBe('rules');
    expect((await summarizeRisks(layer(), { ...request, workspaceId }, rules)).writtenBy).toBe('rules');
    await settle();
    const outcomes = (await db.prisma.llmRun.findMany()).map((r) => r.outcome);
    expect(outcomes).toEqual(['invalid_output', 'invalid_output']);
  });

  it('opens the circuit after repeated failures: the rules answer without calling the model', async () => {
    fake.respondWith({ status: 503 });
    const llm = layer({ breaker: createCircuitBreaker({ threshold: 2, cooldownMs: 60_000 }) });
    for (let i = 0; i < 4; i += 1) {
      expect((await summarizeRisks(llm, { ...request, workspaceId }, rules)).writtenBy).toBe('rules');
    }
    expect(fake.requests).toHaveLength(2);
    await settle();
    // Runs are recorded after the answer, off the caller's path, so two may share a timestamp:
    // the model was asked twice (above) and the breaker answered the other two.
    const outcomes = (await db.prisma.llmRun.findMany()).map((r) => r.outcome).sort();
    expect(outcomes).toEqual(['breaker_open', 'breaker_open', 'http_error', 'http_error']);
    expect((await llm.usage(workspaceId)).breaker).toBe('open');
  });

  it('answers by rules once the workspace has spent its daily token budget', async () => {
    fake.respondWith(reply({ items: [{ text: 'Fine.', refs: ['ESC-12'] }] }));
    const llm = layer({ budget: 1_100 });
    expect((await summarizeRisks(llm, { ...request, workspaceId }, rules)).writtenBy).toBe('model');
    await llm.settled();
    expect((await summarizeRisks(llm, { ...request, workspaceId }, rules)).writtenBy).toBe('rules');
    expect(fake.requests).toHaveLength(1);
    const usage = await llm.usage(workspaceId);
    expect(usage).toMatchObject({
      mode: 'openai',
      model: 'gpt-test',
      dailyTokenBudget: 1_100,
      callsToday: 1,
    });
    expect(usage.recentFailures.map((r) => r.outcome)).toEqual(['over_budget']);
  });

  it('with no model configured calls nothing, records nothing and lets the rules write', async () => {
    const llm = createLlm({
      client: createLlmClient({ model: 'gpt-test', logger }),
      runs: createLlmRunsPrismaRepository(db.prisma),
      clock: systemClock,
      logger,
    });
    expect(await summarizeRisks(llm, { ...request, workspaceId }, rules)).toMatchObject({
      writtenBy: 'rules',
    });
    expect(fake.requests).toHaveLength(0);
    expect(await db.prisma.llmRun.count()).toBe(0);
  });

  it('refuses a schema other than the one the prompt file names', async () => {
    await expect(
      layer().generateObject({
        prompt: 'risk-summary',
        vars: {},
        schema: RiskSummaryOutput.extend({}),
        fallback: () => ({ items: [] }),
        workspaceId,
      }),
    ).rejects.toThrow(/not RiskSummaryOutput/);
  });
});
