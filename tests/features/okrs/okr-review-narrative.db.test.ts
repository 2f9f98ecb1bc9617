import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OKR_BLOCKS, OKR_COMMAND } from '../../../src/features/okrs/okrs.ids.js';
import { createDemoPrismaRepository } from '../../../src/modules/demo/demo.prisma-repository.js';
import { ensureDemoOkrs } from '../../../src/modules/demo/demo.service.js';
import { fixedClock } from '../../fakes/fixed-clock.js';
import { blockById, textOf } from '../../harness/blocks.js';
import { fakeModelLlm } from '../../harness/fake-model.js';
import type { FakeOpenAi } from '../../harness/fake-openai.js';
import { connectDriver } from '../../harness/fake-slack.js';
import { liaisonForThisFile, SIGNING_SECRET } from '../../harness/liaison-under-test.js';
import type { SlackDriver } from '../../harness/slack-driver.js';

let fake: FakeOpenAi;
const file = liaisonForThisFile({
  seedDemo: true,
  llm: fakeModelLlm((started) => {
    fake = started;
  }),
});
afterAll(() => fake?.close());
const db = () => file.db.prisma;
let driver: SlackDriver;

beforeAll(async () => {
  // The demo's 2026-Q4, as seeded on Monday 7 December 2026.
  await ensureDemoOkrs({
    repo: createDemoPrismaRepository(db()),
    clock: fixedClock('2026-12-07T02:00:00Z'),
  });
  driver = connectDriver(file.liaison.slack, {
    baseUrl: file.liaison.baseUrl,
    signingSecret: SIGNING_SECRET,
  });
});

async function review(userId: string) {
  file.liaison.slack.reset();
  await driver.slashCommand({ command: OKR_COMMAND, text: 'review 2026-Q4', userId, channelId: 'C0GENERAL' });
  await file.liaison.slack.waitForCall('response_url', undefined, 10_000).catch(() => undefined);
  return file.liaison.slack.ephemerals(userId, 'C0GENERAL').at(-1);
}

const reply = (value: unknown) => ({ content: JSON.stringify(value) });

describe('/okr review’s narrative through the language model, with receipts', () => {
  it('keeps the sentences citing given facts, drops one citing a ref it was not given, links the check-ins', async () => {
    let supply = { ref: '', date: '', kr: '' };
    fake.respondWith((request) => {
      const sent = JSON.stringify(request.body);
      const found =
        /\[(C\d+)\] check-in of (2026-11-30) by zhang\.min on KR-(\d+) [^;]*Inventory turnover/.exec(sent);
      supply = { ref: found?.[1] ?? 'none', date: found?.[2] ?? '', kr: found?.[3] ?? '' };
      return reply({
        sentences: [
          { text: 'Supply Chain went off track on inventory turnover.', refs: ['D3', supply.ref] },
          { text: 'An invented claim about finance.', refs: ['D1', 'C99'] },
        ],
      });
    });
    const shown = await review('U0DEMOSAM');
    const narrative = textOf(blockById(shown?.blocks, OKR_BLOCKS.reviewNarrative));
    expect(supply.ref).toMatch(/^C\d+$/);
    expect(narrative).toContain('Written by the language model');
    expect(narrative).toContain('Supply Chain went off track on inventory turnover.');
    expect(narrative).toContain(`check-in of Mon 30 Nov 2026 by <@U0DEMOZHANG> on KR-${supply.kr}`);
    expect(narrative).toContain('figures of Supply Chain');
    expect(narrative).not.toContain('invented');
    // The per-department figures stay, above the narrative.
    expect(textOf(blockById(shown?.blocks, OKR_BLOCKS.review))).toContain('Supplier lead times slipping');
    await file.liaison.deps.llm.settled();
    expect(await db().llmRun.findFirst({ where: { promptName: 'okr-review' } })).toMatchObject({
      outcome: 'ok',
    });
  });

  it('says the rules wrote it when nothing the model wrote can be used, in the reader’s language', async () => {
    fake.respondWith(reply({ sentences: [{ text: 'Unfounded.', refs: ['X1'] }] }));
    const en = textOf(blockById((await review('U0DEMOSAM'))?.blocks, OKR_BLOCKS.reviewNarrative));
    expect(en).toContain('Written by rules');
    fake.respondWith({ status: 500 });
    const zh = textOf(blockById((await review('U0DEMOZHANG'))?.blocks, OKR_BLOCKS.reviewNarrative));
    expect(zh).toContain('由规则');
  });
});
