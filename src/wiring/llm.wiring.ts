import type { Database } from '../db/database.js';
import { createFallbackLlmClient } from '../llm/fallback-llm-client.js';
import { createLlm, type Llm } from '../llm/llm.js';
import type { LlmClient } from '../llm/llm-client.js';
import type { Logger } from '../logger.js';
import { createLlmRunsPrismaRepository } from '../modules/ai/llm-runs.prisma-repository.js';
import type { Clock } from '../modules/shared/clock.types.js';

/** The LLM layer over the configured client, recording its runs in the database. */
export function buildLlm(input: {
  db: Database;
  clock: Clock;
  logger: Logger;
  /** The OpenAI adapter, or `{ mode: 'fallback' }`: rules answer every prompt. */
  llm: LlmClient | { mode: 'fallback' };
  dailyTokenBudget?: number;
}): Llm {
  const client = 'complete' in input.llm ? input.llm : createFallbackLlmClient();
  return createLlm({
    client,
    runs: createLlmRunsPrismaRepository(input.db.prisma),
    clock: input.clock,
    logger: input.logger,
    ...(input.dailyTokenBudget !== undefined ? { dailyTokenBudget: input.dailyTokenBudget } : {}),
  });
}
