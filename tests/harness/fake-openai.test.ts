import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOpenAi, startFakeOpenAi } from './fake-openai.js';

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi({
    responder: (request) => ({ content: `echo ${String(request.body.model)}` }),
  });
});
afterAll(() => fake.close());

const post = (path: string, body: unknown, auth = true) =>
  fetch(`${fake.origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: 'Bearer k' } : {}) },
    body: JSON.stringify(body),
  });

describe('fake OpenAI server', () => {
  it('answers both /v1/chat/completions and /chat/completions with completion JSON', async () => {
    for (const path of ['/v1/chat/completions', '/chat/completions']) {
      const response = await post(path, { model: 'm1', messages: [{ role: 'user', content: 'hi' }] });
      expect(response.status).toBe(200);
      const json = (await response.json()) as Record<string, unknown>;
      expect(json).toMatchObject({
        object: 'chat.completion',
        model: 'm1',
        choices: [{ index: 0, message: { role: 'assistant', content: 'echo m1' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number) },
      });
      expect(String(json.id)).toMatch(/^chatcmpl-/);
    }
  });

  it('uses queued replies first, and answers errors in OpenAI’s shape', async () => {
    fake.enqueue({ status: 429, headers: { 'retry-after': '1' } });
    const limited = await post('/v1/chat/completions', { model: 'm', messages: [] });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limit_exceeded' } });
    expect((await post('/v1/chat/completions', { model: 'm', messages: [] }, false)).status).toBe(401);
  });
});
