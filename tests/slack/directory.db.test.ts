import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/slack/ids.js';
import { blockById, textOf } from '../harness/blocks.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';
import { startProcess } from '../modules/delivery/outbox-fixture.js';

const file = liaisonForThisFile({ seedDemo: true });

async function command(userId: string, text: string) {
  const slack = file.liaison.slack;
  const before = slack.ephemerals(userId).length;
  await file.liaison.driver.slashCommand({ command: COMMANDS.liaison, text, userId, channelId: 'C0GENERAL' });
  await slack.waitForCall('response_url', () => slack.ephemerals(userId).length > before, 5_000);
  return slack.ephemerals(userId).at(-1);
}

/** Events are acked before listeners run: polls until the listener's last effect is there. */
async function until(check: () => Promise<unknown>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the listener did not finish in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function slackUser(id: string, realName: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    team_id: 'T0LIAISON',
    name: id.toLowerCase(),
    real_name: realName,
    tz: 'Asia/Shanghai',
    locale: 'zh-CN',
    is_admin: false,
    is_bot: false,
    deleted: false,
    updated: 1_764_100_000,
    profile: { display_name: '', real_name: realName, email: `${id.toLowerCase()}@example.test` },
    ...extra,
  };
}

describe('/liaison sync', () => {
  it('refuses a non-admin privately, audits the attempt and syncs nothing', async () => {
    const reply = await command('U0DEMOALEX', 'sync');
    expect(reply?.text).toBe('Only Liaison admins can do that. Nothing was changed — ask a workspace admin.');
    const refusal = await file.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'authorization.refused', actorSlackId: 'U0DEMOALEX' },
      select: { after: true },
    });
    expect(refusal.after).toEqual({ attempted: 'directory.sync' });
    expect(await file.db.prisma.directorySyncRun.count()).toBe(0);
    expect(file.liaison.slack.callsTo('users.list')).toHaveLength(0);
  });

  it('syncs the directory for an admin: answers at once, stores the new people, and DMs the summary in their language', async () => {
    const { slack, deps } = file.liaison;
    slack.addUser({
      id: 'U0NEWWANG',
      realName: '王芳 Wang Fang',
      tz: 'Asia/Shanghai',
      locale: 'zh-CN',
      email: 'wang@example.test',
    });
    slack.addUser({ id: 'U0NEWRIVERA', realName: 'Ana Rivera', tz: 'America/Mexico_City', locale: 'es-LA' });
    slack.addUser({ id: 'U0NEWGONE', realName: 'Old Account', deleted: true });
    slack.addUser({ id: 'USLACKBOT', realName: 'Slackbot' });
    slack.addUser({ id: 'U0SOMEAPP', realName: 'Some app', isBot: true });

    const reply = await command('U0DEMOLIN', 'sync');
    expect(reply?.text).toBe('正在同步通讯录…完成后我会私信告诉你。');
    await deps.directory.runner.idle();

    const wang = await file.db.prisma.person.findFirstOrThrow({ where: { slackUserId: 'U0NEWWANG' } });
    expect(wang).toMatchObject({
      realName: '王芳 Wang Fang',
      locale: 'zh-CN',
      email: 'wang@example.test',
      active: true,
    });
    const gone = await file.db.prisma.person.findFirstOrThrow({ where: { slackUserId: 'U0NEWGONE' } });
    expect(gone.active).toBe(false);
    expect(
      await file.db.prisma.person.count({
        where: { slackUserId: { in: ['USLACKBOT', 'U0SOMEAPP', 'U0LIAISONBOT'] } },
      }),
    ).toBe(0);
    const run = await file.db.prisma.directorySyncRun.findFirstOrThrow();
    expect(run).toMatchObject({
      status: 'SUCCEEDED',
      created: 3,
      startedBySlackId: 'U0DEMOLIN',
      cursor: null,
    });
    expect(slack.callsTo('users.list')[0]?.args).toMatchObject({ limit: '200', include_locale: 'true' });

    // The summary goes through the outbox to Lin's DM, in Chinese.
    const { worker } = startProcess({ db: file.db, slack, clock: deps.clock });
    await worker.drain();
    const dm = slack.messages(slack.dmChannelId('U0DEMOLIN') ?? '').at(-1);
    expect(dm?.text).toBe('通讯录同步完成：新增 3，更新 0，停用 0');
    expect(textOf(blockById(dm?.blocks, 'directory.summary'))).toContain('从 Slack 读取 9 人 — 新增 3');

    const status = await command('U0DEMOLIN', 'sync status');
    expect(status?.text).toContain('上次通讯录同步于');
    expect(status?.text).toContain('共 9 人 — 新增 3，更新 0，停用 0');

    const help = await command('U0DEMOLIN', 'help');
    expect(JSON.stringify(help?.blocks)).toContain('/liaison sync');
  });

  it('explains itself when given something it does not know', async () => {
    expect((await command('U0DEMOPRIYA', 'sync everything'))?.text).toContain('Only Liaison admins');
    expect((await command('U0DEMOLIN', 'sync everything'))?.text).toContain('`/liaison sync status`');
  });
});

describe('Slack telling Liaison about people', () => {
  it('stores a new member on team_join, audited', async () => {
    await file.liaison.driver.event({
      event: { type: 'team_join', user: slackUser('U0JOINER', '李娜 Li Na') },
    });
    await until(async () => {
      const joined = await file.db.prisma.person.findFirst({ where: { slackUserId: 'U0JOINER' } });
      return (
        joined &&
        file.db.prisma.auditEvent.findFirst({ where: { objectId: joined.id, action: 'person.created' } })
      );
    });
    const joiner = await file.db.prisma.person.findFirstOrThrow({ where: { slackUserId: 'U0JOINER' } });
    expect(joiner).toMatchObject({ realName: '李娜 Li Na', timeZone: 'Asia/Shanghai', active: true });
    const audit = await file.db.prisma.auditEvent.findFirstOrThrow({
      where: { objectId: joiner.id, action: 'person.created' },
    });
    expect(audit.after).toMatchObject({ email: 'u0joiner@example.test' });
  });

  it('on a user_change that deactivates someone, cancels what waited for them and flags their lead', async () => {
    const { deps } = file.liaison;
    const chen = await file.db.prisma.person.findFirstOrThrow({ where: { slackUserId: 'U0DEMOCHEN' } });
    await deps.notifications.delivery.enqueue({
      workspaceId: chen.workspaceId,
      recipientPersonId: chen.id,
      key: 'chen:waiting',
      kind: 'meeting.reminder',
      message: { text: 'Joint meeting at 10:00' },
    });

    await file.liaison.driver.event({
      event: {
        type: 'user_change',
        event_ts: '1764100001.000100',
        user: slackUser('U0DEMOCHEN', '陈洁 Chen Jie', {
          deleted: true,
          updated: 1_764_100_001,
          name: 'chen.jie',
        }),
      },
    });
    // The lead's flag is the listener's last write.
    const leadOfChen = await file.db.prisma.person.findFirstOrThrow({ where: { slackUserId: 'U0DEMOLIN' } });
    await until(() =>
      file.db.prisma.delivery.findFirst({
        where: { kind: 'directory.deactivated', recipientPersonId: leadOfChen.id },
      }),
    );

    expect(await file.db.prisma.person.findUniqueOrThrow({ where: { id: chen.id } })).toMatchObject({
      active: false,
    });
    expect(await file.db.prisma.delivery.findFirstOrThrow({ where: { key: 'chen:waiting' } })).toMatchObject({
      status: 'CANCELLED',
      lastError: 'recipient_deactivated',
    });
    // Chen is an executive of Live Ops; Lin leads it and reads Chinese.
    const lin = await file.db.prisma.person.findFirstOrThrow({ where: { slackUserId: 'U0DEMOLIN' } });
    const flag = await file.db.prisma.delivery.findFirstOrThrow({
      where: { recipientPersonId: lin.id, kind: 'directory.deactivated' },
    });
    const text = JSON.stringify(flag.payload);
    expect(text).toContain('陈洁 Chen Jie 已在 Slack 中被停用');
    expect(text).toContain('TA 曾是直播运营的高管');
    expect(text).toContain('已取消 1 条等待发送给 TA 的 Liaison 消息');
  });
});
