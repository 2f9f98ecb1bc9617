import { beforeAll, describe, expect, it } from 'vitest';
import type { RaiseInput } from '../../src/modules/escalations/escalations.types.js';
import { COMMANDS } from '../../src/slack/ids.js';
import { ESCALATIONS_LIST_BLOCKS } from '../../src/slack/views/escalations-list.view.js';
import { ESCALATIONS_SEARCH_BLOCKS } from '../../src/slack/views/escalations-search.view.js';
import { blockById, textOf } from '../harness/blocks.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';

const file = liaisonForThisFile({ seedDemo: true });

// Sam (Customer Service) also works in Live Ops, so may raise on its behalf.
beforeAll(async () => {
  const { prisma } = file.db;
  const sam = await prisma.person.findFirstOrThrow({ where: { slackUserId: 'U0DEMOSAM' } });
  const liveOps = await prisma.department.findFirstOrThrow({
    where: { workspaceId: sam.workspaceId, key: 'live-ops' },
  });
  await prisma.membership.create({ data: { personId: sam.id, departmentId: liveOps.id, role: 'MEMBER' } });
});

async function escalateAs(userId: string, text: string) {
  file.liaison.slack.reset();
  await file.liaison.driver.slashCommand({
    command: COMMANDS.escalate,
    text,
    userId,
    channelId: 'C0GENERAL',
  });
  await file.liaison.slack.waitForCall('response_url', (call) => call.args.response_type === 'ephemeral');
  return file.liaison.slack.ephemerals(userId, 'C0GENERAL').at(-1);
}

async function raiseAsSam(title: string) {
  const { prisma } = file.db;
  const sam = await prisma.person.findFirstOrThrow({ where: { slackUserId: 'U0DEMOSAM' } });
  const department = async (key: string) =>
    (await prisma.department.findFirstOrThrow({ where: { workspaceId: sam.workspaceId, key } })).id;
  const input: RaiseInput = {
    title,
    blocked: 'b',
    impact: 'i',
    decisionNeeded: 'd',
    options: [],
    severity: 'HIGH',
    raiserDepartmentId: await department('live-ops'),
    counterpartDepartmentIds: [await department('supply-chain')],
  };
  const deps = file.liaison.deps;
  return deps.escalations.raise(await deps.authorization.subjectOf(sam.id), input);
}

describe('/escalate list', () => {
  it('shows a lead the open escalations of their departments, in Chinese, title escaped', async () => {
    const esc = await raiseAsSam('Stock <!channel> for Friday');
    const reply = await escalateAs('U0DEMOLIN', 'list department');
    expect(textOf(blockById(reply?.blocks, ESCALATIONS_LIST_BLOCKS.header))).toBe(
      '你所在部门的待处理升级事项',
    );
    const items = textOf(blockById(reply?.blocks, ESCALATIONS_LIST_BLOCKS.items));
    expect(items).toContain(`ESC-${esc.number} · 高 · 待处理 · 第 1 级`);
    expect(items).toContain('Stock &lt;!channel&gt; for Friday');
  });

  // `/escalate` alone now opens the raise modal (tests/slack/escalate-raise.db.test.ts); `list` keeps `mine` as its default.
  it('lists what you raised with `list`, and nothing for someone uninvolved', async () => {
    const mine = await escalateAs('U0DEMOSAM', 'list');
    expect(textOf(blockById(mine?.blocks, ESCALATIONS_LIST_BLOCKS.items))).toContain('high · open · level 1');
    const alex = await escalateAs('U0DEMOALEX', 'list mine');
    expect(textOf(blockById(alex?.blocks, ESCALATIONS_LIST_BLOCKS.empty))).toBe('No open escalations here.');
  });

  it('explains its usage when the words are not understood', async () => {
    const reply = await escalateAs('U0DEMOALEX', 'list everything');
    expect(JSON.stringify(reply)).toContain('/escalate list [mine|department|open]');
  });
});

describe('/escalate search', () => {
  it("finds recorded decisions by their words or their title, in the reader's language, text escaped", async () => {
    const esc = await raiseAsSam('Packaging & returns <!here>');
    const { prisma } = file.db;
    const lin = await prisma.person.findFirstOrThrow({ where: { slackUserId: 'U0DEMOLIN' } });
    const deps = file.liaison.deps;
    await deps.escalations.resolve(await deps.authorization.subjectOf(lin.id), esc.number, {
      decision: 'Supply Chain ships the R&D samples in recyclable boxes from Monday',
      optionsConsidered: ['recyclable boxes', 'keep plastic'],
    });

    const english = await escalateAs('U0DEMOSAM', 'search recyclable');
    const found = textOf(blockById(english?.blocks, ESCALATIONS_SEARCH_BLOCKS.items));
    expect(found).toContain(`ESC-${esc.number}`);
    expect(found).toContain('R&amp;D samples in recyclable boxes');
    expect(found).toContain('Packaging &amp; returns &lt;!here&gt;');
    expect(textOf(blockById(english?.blocks, ESCALATIONS_SEARCH_BLOCKS.header))).toBe(
      'Decisions matching “recyclable”',
    );

    // Slack sends "&" typed in a command as &amp;: it is searched for as typed.
    const byTitle = await escalateAs('U0DEMOLIN', 'search PACKAGING &amp; returns');
    expect(textOf(blockById(byTitle?.blocks, ESCALATIONS_SEARCH_BLOCKS.header))).toBe(
      '与“PACKAGING & returns”相关的决定',
    );
    expect(textOf(blockById(byTitle?.blocks, ESCALATIONS_SEARCH_BLOCKS.items))).toContain(
      `ESC-${esc.number}`,
    );

    const none = await escalateAs('U0DEMOLIN', 'search helicopter');
    expect(textOf(blockById(none?.blocks, ESCALATIONS_SEARCH_BLOCKS.empty))).toBe(
      '还没有决定提到这些词。试试更少或别的关键词。',
    );
  });
});
