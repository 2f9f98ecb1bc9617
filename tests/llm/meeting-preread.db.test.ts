import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countTokens, createLlm, createLlmClient, type Llm } from '../../src/llm/index.js';
import { writeMeetingPreRead } from '../../src/llm/meeting-preread.js';
import { createLlmRunsPrismaRepository } from '../../src/modules/ai/llm-runs.prisma-repository.js';
import { systemClock } from '../../src/modules/shared/clock.types.js';
import { type FakeOpenAi, startFakeOpenAi } from '../harness/fake-openai.js';
import { memoryLogger } from '../harness/memory-logger.js';
import { openTestDatabase, type TestDatabase } from '../harness/test-database.js';

let db: TestDatabase;
let fake: FakeOpenAi;
let llm: Llm;
let workspaceId: string;
const { logger } = memoryLogger();

beforeAll(async () => {
  countTokens('warm up');
  db = await openTestDatabase();
  fake = await startFakeOpenAi();
  workspaceId = (
    await db.prisma.workspace.create({
      data: { slackTeamId: 'T-PREREAD', name: 'Pre-read', defaultLocale: 'en', defaultTimeZone: 'UTC' },
    })
  ).id;
  llm = createLlm({
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
  });
});
afterAll(async () => {
  await llm?.settled();
  await fake?.close();
  await db?.close();
});

const request = () => ({
  workspaceId,
  locale: 'en',
  meeting: 'MTG-1 Launch sync, 2036-12-15',
  facts: [
    { ref: 'P1', text: 'ESC-4 “Packaging supplier” was resolved: Ningbo (source: ESC-4)' },
    { ref: 'P2', text: 'ESC-7 “Launch date slips” was raised (High) (source: ESC-7)' },
  ],
});
const reply = (value: unknown) => ({ content: JSON.stringify(value) });

describe('the meeting pre-read through the LLM layer', () => {
  it('keeps the sentences citing facts it was given, drops the rest, and says the model wrote it', async () => {
    fake.enqueue(
      reply({
        sentences: [
          { text: 'Packaging is settled on the Ningbo supplier.', refs: ['P1'] },
          { text: 'An invented claim.', refs: ['P9'] },
          { text: 'The launch may slip <!channel>.', refs: ['P2', 'P7'] },
        ],
      }),
    );
    const written = await writeMeetingPreRead(llm, request());
    expect(written.writtenBy).toBe('model');
    expect(written.sentences.map((s) => s.refs)).toEqual([['P1'], ['P2']]);
    expect(written.sentences[0]?.text).toBe('Packaging is settled on the Ningbo supplier.');
    expect(written.sentences[1]?.text).toContain('The launch may slip');
    expect(written.sentences[1]?.text).not.toContain('<!channel>');
    const sent = JSON.stringify(fake.requests.at(-1)?.body);
    expect(sent).toContain('[P1] ESC-4');
    await llm.settled();
    expect(await db.prisma.llmRun.findFirst({ where: { promptName: 'meeting-preread' } })).toMatchObject({
      outcome: 'ok',
    });
  });

  it('falls back to the rules when nothing the model wrote is cited, or the model fails', async () => {
    fake.enqueue(reply({ sentences: [{ text: 'Unfounded.', refs: ['X1'] }] }));
    expect(await writeMeetingPreRead(llm, request())).toEqual({ writtenBy: 'rules', sentences: [] });
    fake.enqueue({ status: 500 });
    expect(await writeMeetingPreRead(llm, request())).toEqual({ writtenBy: 'rules', sentences: [] });
  });
});
