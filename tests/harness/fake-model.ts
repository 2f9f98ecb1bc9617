import { createLlmClient } from '../../src/llm/index.js';
import { type FakeOpenAi, startFakeOpenAi } from './fake-openai.js';
import { memoryLogger } from './memory-logger.js';

/**
 * The `llm` option of liaisonForThisFile for a file that talks to a model: starts the fake
 * OpenAI server, hands it to `keep` (the file scripts its answers and reads its requests), and
 * returns a client for it with no retries.
 */
export function fakeModelLlm(keep: (fake: FakeOpenAi) => void) {
  return async () => {
    const fake = await startFakeOpenAi();
    keep(fake);
    return createLlmClient({
      apiKey: 'sk-test',
      baseUrl: fake.baseUrl,
      model: 'gpt-fake',
      maxRetries: 0,
      logger: memoryLogger().logger,
    });
  };
}
