import { describe, expect, it } from 'vitest';
import type { RaiseInput } from '../../src/modules/escalations/escalations.types.js';
import { COMMANDS } from '../../src/slack/ids.js';
import { ESCALATIONS_LIST_BLOCKS } from '../../src/slack/views/escalations-list.view.js';
import { blockById, textOf } from '../harness/blocks.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';

const file = liaisonForThisFile({ seedDemo: true });

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

  it('lists what you raised by default, and nothing for someone uninvolved', async () => {
    const mine = await escalateAs('U0DEMOSAM', '');
    expect(textOf(blockById(mine?.blocks, ESCALATIONS_LIST_BLOCKS.items))).toContain('high · open · level 1');
    const alex = await escalateAs('U0DEMOALEX', 'list mine');
    expect(textOf(blockById(alex?.blocks, ESCALATIONS_LIST_BLOCKS.empty))).toBe('No open escalations here.');
  });

  it('explains its usage when the words are not understood', async () => {
    const reply = await escalateAs('U0DEMOALEX', 'list everything');
    expect(JSON.stringify(reply)).toContain('/escalate list [mine|department|open]');
  });
});
