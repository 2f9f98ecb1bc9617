import { describe, expect, it } from 'vitest';
import { BLOCKS, COMMANDS } from '../../src/slack/ids.js';
import { blockById, textOf, textOfAll } from '../harness/blocks.js';
import { answeredInAck } from '../harness/fake-slack.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';

const file = liaisonForThisFile({ seedDemo: true });

async function replyTo(userId: string, text: string, channelId = 'C0GENERAL') {
  const response = await file.liaison.driver.slashCommand({
    command: COMMANDS.liaison,
    text,
    userId,
    channelId,
  });
  const reply = await file.liaison.slack.waitForCall(
    'response_url',
    (call) => call.args.response_type === 'ephemeral' && call.seq > 0 && call.at >= Date.now() - 10_000,
  );
  return { response, reply, ephemerals: file.liaison.slack.ephemerals(userId, channelId) };
}

describe('/liaison over HTTP, from signature to reply', () => {
  it('acknowledges at once and answers /liaison help privately in English', async () => {
    file.liaison.slack.reset();
    const { response, ephemerals } = await replyTo('U0DEMOALEX', 'help');
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
    const last = ephemerals.at(-1);
    expect(last?.source).toBe('response_url');
    expect(textOf(blockById(last?.blocks, BLOCKS.help.header))).toBe(
      'Liaison — cross-department coordination',
    );
    const commands = textOfAll(last?.blocks, BLOCKS.help.commands);
    expect(commands).toContain('/liaison help');
    expect(commands).toContain('/liaison whoami');
    expect(last?.text).toContain('Liaison help');
  });

  it('answers in Simplified Chinese for a person whose Slack language is zh-CN', async () => {
    file.liaison.slack.reset();
    const { ephemerals } = await replyTo('U0DEMOLIN', '');
    expect(textOf(blockById(ephemerals.at(-1)?.blocks, BLOCKS.help.header))).toBe('Liaison — 跨部门协同');
  });

  it('tells whoami: departments and role, time zone and language, from Slack and the database', async () => {
    file.liaison.slack.reset();
    const { ephemerals } = await replyTo('U0DEMOZHANG', 'whoami');
    const blocks = ephemerals.at(-1)?.blocks;
    const departments = textOf(blockById(blocks, BLOCKS.whoami.departments));
    expect(departments).toContain('供应链 — 负责人');
    expect(departments).toContain('仓储物流 — 成员');
    const settings = textOf(blockById(blocks, BLOCKS.whoami.settings));
    expect(settings).toContain('Asia/Shanghai');
    expect(settings).toContain('简体中文');
    expect(file.liaison.slack.callsTo('users.info').map((c) => c.args.user)).toContain('U0DEMOZHANG');
  });

  it('tells a person with no department how to get one, and stores their Slack profile', async () => {
    file.liaison.slack.reset();
    file.liaison.slack.addUser({
      id: 'U0NEWBIE',
      name: 'newbie',
      realName: 'New Person',
      locale: 'en-US',
      tz: 'Europe/Paris',
    });
    const { ephemerals } = await replyTo('U0NEWBIE', 'whoami');
    const blocks = ephemerals.at(-1)?.blocks;
    expect(textOf(blockById(blocks, BLOCKS.whoami.departments))).toContain('not in any department');
    expect(textOf(blockById(blocks, BLOCKS.whoami.settings))).toContain('Europe/Paris');
    const stored = await file.db.prisma.person.findFirst({ where: { slackUserId: 'U0NEWBIE' } });
    expect(stored).toMatchObject({ realName: 'New Person', timeZone: 'Europe/Paris', locale: 'en-US' });
    const audit = await file.db.prisma.auditEvent.findMany({
      where: { objectId: stored?.id, action: 'person.created' },
    });
    expect(audit).toHaveLength(1);
  });

  it('still answers when Slack cannot describe the person, using the workspace defaults', async () => {
    file.liaison.slack.reset();
    file.liaison.slack.failNext('users.info', { error: 'user_not_found' });
    const { ephemerals } = await replyTo('U0GHOST', 'whoami');
    const blocks = ephemerals.at(-1)?.blocks;
    expect(textOf(blockById(blocks, BLOCKS.whoami.identity))).toContain('U0GHOST');
    expect(textOf(blockById(blocks, BLOCKS.whoami.settings))).toContain('UTC (workspace default');
  });

  it('answers an unknown subcommand with a localized error, and escapes what was typed', async () => {
    file.liaison.slack.reset();
    const { ephemerals } = await replyTo('U0DEMOALEX', 'frobnicate <!channel>');
    expect(textOf(blockById(ephemerals.at(-1)?.blocks, BLOCKS.error.message))).toContain(
      'I do not know `/liaison frobnicate`',
    );
    file.liaison.slack.reset();
    const zh = await replyTo('U0DEMOLIN', 'frobnicate');
    expect(textOf(blockById(zh.ephemerals.at(-1)?.blocks, BLOCKS.error.message))).toContain(
      '没有 `/liaison frobnicate`',
    );
  });

  it('serves /healthz with 200 while the database answers', async () => {
    const response = await fetch(`${file.liaison.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });
});

describe('/liaison help answered inside the acknowledgement', () => {
  const help = (userId: string) =>
    file.liaison.driver.slashCommand({
      command: COMMANDS.liaison,
      text: 'help',
      userId,
      channelId: 'C0GENERAL',
    });

  it('answers a person met for the first time after an empty ack, through the response_url', async () => {
    file.liaison.slack.reset();
    file.liaison.slack.addUser({ id: 'U0HELPCOLD', name: 'cold', realName: 'Cold Start', locale: 'en-US' });
    const sent = await help('U0HELPCOLD');
    expect(sent.status).toBe(200);
    expect(sent.body).toBe('');
    await file.liaison.slack.waitForCall('response_url', (call) => call.args.response_type === 'ephemeral');
    const reply = file.liaison.slack.ephemerals('U0HELPCOLD', 'C0GENERAL').at(-1);
    expect(reply?.source).toBe('response_url');
    expect(textOf(blockById(reply?.blocks, BLOCKS.help.header))).toBe(
      'Liaison — cross-department coordination',
    );
  });

  it('answers the same person, now remembered, in the ack body itself: the help blocks, no response_url post', async () => {
    file.liaison.slack.reset();
    const sent = await help('U0HELPCOLD');
    expect(sent.status).toBe(200);
    expect(sent.json).toMatchObject({ response_type: 'ephemeral' });
    const body = sent.json as { text?: string; blocks?: Array<{ block_id?: string }> };
    expect(textOf(blockById(body.blocks, BLOCKS.help.header))).toBe(
      'Liaison — cross-department coordination',
    );
    expect(textOfAll(body.blocks, BLOCKS.help.commands)).toContain('/liaison whoami');
    expect(body.text).toContain('Liaison help');
    // What the person sees: that answer, privately, where they typed; nothing came later.
    const reply = file.liaison.slack.ephemerals('U0HELPCOLD', 'C0GENERAL').at(-1);
    expect(reply?.source).toBe('command_ack');
    expect(reply?.blocks).toEqual(body.blocks);
    expect(file.liaison.slack.callsTo('response_url')).toEqual([]);
  });

  it('answers in the person’s language and with their roles, as the response_url path does', async () => {
    file.liaison.slack.reset();
    // Remembered once this one is answered (zh-CN, admin).
    if (!answeredInAck(await help('U0DEMOLIN'))) await file.liaison.slack.waitForCall('response_url');
    file.liaison.slack.reset();
    const sent = await help('U0DEMOLIN');
    expect(answeredInAck(sent)).toBe(true);
    const blocks = (sent.json as { blocks?: Array<{ block_id?: string }> }).blocks;
    expect(textOf(blockById(blocks, BLOCKS.help.header))).toBe('Liaison — 跨部门协同');
    expect(textOfAll(blocks, BLOCKS.help.commands)).toContain('/liaison admins add|remove');
    const member = (await help('U0HELPCOLD')).json as { blocks?: Array<{ block_id?: string }> };
    expect(textOfAll(member.blocks, BLOCKS.help.commands)).toContain('/liaison admins');
    expect(textOfAll(member.blocks, BLOCKS.help.commands)).not.toContain('/liaison admins add|remove');
  });
});

describe('request signing', () => {
  const cases = [
    ['no signature', { omitSignature: true }],
    ['a wrong secret', { signingSecret: 'not-the-secret' }],
    ['a body changed after signing', { mutateBody: (body: string) => body.replace('help', 'whoami') }],
    ['a stale timestamp (6 minutes old)', { timestampOffsetSec: -360 }],
    ['a timestamp 6 minutes in the future', { timestampOffsetSec: 360 }],
  ] as const;

  it.each(cases)('refuses a request with %s: 401 and no listener runs', async (_name, tamper) => {
    file.liaison.slack.reset();
    const response = await file.liaison.driver.slashCommand({
      command: COMMANDS.liaison,
      text: 'help',
      userId: 'U0DEMOALEX',
      channelId: 'C0GENERAL',
      tamper,
    });
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(file.liaison.slack.calls()).toEqual([]);
  });

  it('accepts a request with a small clock skew either way', async () => {
    for (const offset of [-120, 120]) {
      file.liaison.slack.reset();
      const response = await file.liaison.driver.slashCommand({
        command: COMMANDS.liaison,
        text: 'help',
        userId: 'U0DEMOALEX',
        channelId: 'C0GENERAL',
        tamper: { timestampOffsetSec: offset },
      });
      expect(response.status).toBe(200);
      // Help for a remembered person is answered inside the ack; otherwise through the response_url.
      if (answeredInAck(response)) {
        expect(file.liaison.slack.ephemerals('U0DEMOALEX', 'C0GENERAL').at(-1)?.source).toBe('command_ack');
      } else {
        await file.liaison.slack.waitForCall('response_url');
      }
    }
  });
});

describe('a new person sending several commands at once', () => {
  it('is recorded once and every command is answered', async () => {
    file.liaison.slack.reset();
    file.liaison.slack.addUser({
      id: 'U0HASTY',
      name: 'hasty',
      realName: 'Hasty Person',
      tz: 'Asia/Singapore',
    });
    const responses = await Promise.all(
      [1, 2, 3, 4].map(() =>
        file.liaison.driver.slashCommand({
          command: COMMANDS.liaison,
          text: 'whoami',
          userId: 'U0HASTY',
          channelId: 'C0GENERAL',
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const deadline = Date.now() + 10_000;
    while (file.liaison.slack.ephemerals('U0HASTY').length < 4 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const shown = file.liaison.slack.ephemerals('U0HASTY');
    expect(shown).toHaveLength(4);
    for (const message of shown)
      expect(textOf(blockById(message.blocks, BLOCKS.whoami.settings))).toContain('Asia/Singapore');
    expect(await file.db.prisma.person.count({ where: { slackUserId: 'U0HASTY' } })).toBe(1);
    expect(
      await file.db.prisma.auditEvent.count({
        where: { action: 'person.created', after: { path: ['displayName'], equals: 'hasty' } },
      }),
    ).toBe(1);
  });
});
