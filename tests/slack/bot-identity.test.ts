import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBotIdentity } from '../../src/slack/bot-identity.js';
import { fakeSlackClient, type SlackStandIn, startFakeSlack } from '../harness/fake-slack.js';

/** A bot token as an install in that team (or org) issues it, through the stand-in's oauth.v2.access. */
async function installedToken(
  slack: SlackStandIn,
  install: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean },
) {
  const code = `code-${install.teamId ?? install.enterpriseId}`;
  slack.registerInstall({ code, ...install });
  const client = fakeSlackClient(slack, { token: '' });
  const exchange = await client.oauth.v2.access({ client_id: '1.2', client_secret: 'secret', code });
  return String(exchange.access_token);
}

describe('who the bot token is (auth.test at start)', () => {
  let slack: SlackStandIn;
  beforeAll(async () => {
    slack = await startFakeSlack();
    slack.setOAuthClient({ clientId: '1.2', clientSecret: 'secret' });
  });
  afterAll(async () => {
    await slack?.close();
  });

  it('knows the team of a workspace token, with no org outside Enterprise Grid', async () => {
    const bot = await resolveBotIdentity(slack.botToken, slack.url);
    expect(bot).toEqual({
      botUserId: slack.botUserId,
      botId: slack.botId,
      teamId: slack.teamId,
      isEnterpriseInstall: false,
    });
  });

  it('knows the org of a team on Enterprise Grid, and of an org-wide install', async () => {
    const gridTeam = await resolveBotIdentity(
      await installedToken(slack, { teamId: 'T0ACMESALES', enterpriseId: 'E0ACME' }),
      slack.url,
    );
    expect(gridTeam).toMatchObject({
      teamId: 'T0ACMESALES',
      enterpriseId: 'E0ACME',
      isEnterpriseInstall: false,
    });
    const org = await resolveBotIdentity(
      await installedToken(slack, { enterpriseId: 'E0GLOBEX', isEnterpriseInstall: true }),
      slack.url,
    );
    expect(org).toMatchObject({ enterpriseId: 'E0GLOBEX', isEnterpriseInstall: true });
  });
});
