import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeSlackClient, type SlackStandIn, startFakeSlack } from '../harness/fake-slack.js';

let slack: SlackStandIn;

beforeAll(async () => {
  slack = await startFakeSlack({
    teamId: 'T0OVERRIDE',
    users: [
      {
        id: 'U1WEI',
        realName: 'Wei Zhang',
        displayName: 'wei',
        email: 'wei@example.com',
        tz: 'Asia/Shanghai',
        locale: 'zh-CN',
        isAdmin: true,
      },
      ...Array.from({ length: 11 }, (_, index) => ({ id: `U2P${String(index).padStart(2, '0')}` })),
    ],
  });
});
afterAll(() => slack.close());

describe('users, conversations and team', () => {
  it('users.info returns locale only when asked, with tz, tz_offset, is_admin and profile', async () => {
    const client = fakeSlackClient(slack);
    const withLocale = await client.users.info({ user: 'U1WEI', include_locale: true });
    expect(withLocale.user).toMatchObject({
      id: 'U1WEI',
      team_id: 'T0OVERRIDE',
      locale: 'zh-CN',
      tz: 'Asia/Shanghai',
      tz_offset: 8 * 3600,
      is_admin: true,
      profile: { real_name: 'Wei Zhang', display_name: 'wei', email: 'wei@example.com' },
    });
    const withoutLocale = await client.users.info({ user: 'U1WEI' });
    expect(withoutLocale.user).not.toHaveProperty('locale');
    await expect(client.users.info({ user: 'U404' })).rejects.toMatchObject({
      data: { error: 'user_not_found' },
    });
  });

  it('users.list pages with limit and cursor until next_cursor is empty', async () => {
    const client = fakeSlackClient(slack);
    const first = await client.users.list({ limit: 5 });
    expect(first.members).toHaveLength(5);
    expect(first.response_metadata?.next_cursor).toBeTruthy();

    const ids: string[] = [];
    for await (const page of client.paginate('users.list', { limit: 5 })) {
      for (const member of (page as { members?: Array<{ id: string }> }).members ?? []) ids.push(member.id);
    }
    // 12 people plus the bot user, each exactly once.
    expect(ids).toHaveLength(13);
    expect(new Set(ids).size).toBe(13);
    expect(ids).toContain(slack.botUserId);
    await expect(client.users.list({ cursor: 'bm90LWEtY3Vyc29y' })).rejects.toMatchObject({
      data: { error: 'invalid_cursor' },
    });
  });

  it('users.lookupByEmail finds people case-insensitively', async () => {
    const result = await fakeSlackClient(slack).users.lookupByEmail({ email: 'WEI@example.com' });
    expect(result.user?.id).toBe('U1WEI');
  });

  it('conversations.open gives each person one stable DM id', async () => {
    const client = fakeSlackClient(slack);
    const first = await client.conversations.open({ users: 'U1WEI' });
    const again = await client.conversations.open({ users: 'U1WEI' });
    const other = await client.conversations.open({ users: 'U2P00' });
    expect(first.channel?.id).toMatch(/^D/);
    expect(again).toMatchObject({ already_open: true, channel: { id: first.channel?.id } });
    expect(other.channel?.id).not.toBe(first.channel?.id);
    await expect(client.conversations.open({ users: 'U404' })).rejects.toMatchObject({
      data: { error: 'user_not_found' },
    });
  });

  it('conversations.info describes channels and DMs', async () => {
    const client = fakeSlackClient(slack);
    const general = await client.conversations.info({ channel: 'C0GENERAL', include_num_members: true });
    expect(general.channel).toMatchObject({
      id: 'C0GENERAL',
      name: 'general',
      is_channel: true,
      is_general: true,
    });
    const dm = await client.conversations.open({ users: 'U1WEI' });
    const info = await client.conversations.info({ channel: dm.channel?.id ?? '' });
    expect(info.channel).toMatchObject({ is_im: true, user: 'U1WEI' });
    await expect(client.conversations.info({ channel: 'C404' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
  });

  it('team.info reports the configured team', async () => {
    const result = await fakeSlackClient(slack).team.info();
    expect(result.team).toMatchObject({ id: 'T0OVERRIDE', name: 'Liaison Dev', domain: 'liaison-dev' });
  });

  it('addUser makes a person visible immediately', async () => {
    slack.addUser({ id: 'U3NEW', tz: 'America/New_York' });
    const result = await fakeSlackClient(slack).users.info({ user: 'U3NEW' });
    expect([-5 * 3600, -4 * 3600]).toContain(result.user?.tz_offset);
    expect(() => slack.addUser({ id: 'U3BAD', tz: 'Mars/Olympus' })).toThrow();
  });
});
