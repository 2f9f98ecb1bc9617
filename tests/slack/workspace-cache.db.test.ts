import { describe, expect, it } from 'vitest';
import { BLOCKS, COMMANDS } from '../../src/slack/ids.js';
import { blockById, textOf } from '../harness/blocks.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';

/**
 * Issue 16: the workspace every request needs is answered from memory, and forgotten the
 * moment its row is written (a reinstall renames it, an admin changes its defaults), so no
 * request is served with what it used to be.
 */

const file = liaisonForThisFile({ seedDemo: true });

async function workspaceLine(): Promise<string> {
  const { driver, slack } = file.liaison;
  const since = slack.calls().at(-1)?.seq ?? 0;
  await driver.slashCommand({
    command: COMMANDS.liaison,
    text: 'whoami',
    userId: 'U0DEMOALEX',
    channelId: 'C0GENERAL',
  });
  await slack.waitForCall('response_url', (call) => call.seq > since, 15_000);
  return textOf(
    blockById(slack.ephemerals('U0DEMOALEX', 'C0GENERAL').at(-1)?.blocks, BLOCKS.whoami.workspace),
  );
}

describe('the workspace of a request', () => {
  it('is read again after its row changes, whoever changed it', async () => {
    const teamId = file.liaison.slack.teamId;
    const before = await workspaceLine();
    expect(before).toContain('Liaison Demo');

    await file.db.prisma.workspace.update({ where: { slackTeamId: teamId }, data: { name: 'Renamed Co' } });
    expect(await workspaceLine()).toBe('Workspace: Renamed Co');

    // In a transaction: a read beside it sees the old row and is not kept after the commit.
    // (Only PostgreSQL has a connection to read beside it; the embedded database has one.)
    const change = { where: { slackTeamId: teamId }, data: { defaultTimeZone: 'Asia/Shanghai' } };
    if (file.db.kind === 'postgres') {
      await file.db.prisma.$transaction(async (tx) => {
        await tx.workspace.update(change);
        const beside = await file.liaison.deps.workspaces.forTeam({ teamId });
        expect(beside.defaultTimeZone).not.toBe('Asia/Shanghai');
      });
    } else {
      await file.db.prisma.$transaction([file.db.prisma.workspace.update(change)]);
    }
    expect((await file.liaison.deps.workspaces.forTeam({ teamId })).defaultTimeZone).toBe('Asia/Shanghai');
  });
});
