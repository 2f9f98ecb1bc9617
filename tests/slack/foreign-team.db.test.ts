import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, DEPARTMENT_VIEWS, ESCALATION_ACTIONS, EVENTS } from '../../src/slack/ids.js';
import { STAND_IN_DEFAULTS } from '../harness/fake-slack.js';
import {
  type LiaisonUnderTest,
  liaisonForThisFile,
  SIGNING_SECRET,
  startLiaisonUnderTest,
} from '../harness/liaison-under-test.js';
import { createSlackDriver, type SlackDriver, signSlackRequest } from '../harness/slack-driver.js';

/**
 * Single-workspace mode (SLACK_BOT_TOKEN) serves the token's team only. Another workspace
 * that installed the same Slack app signs its requests with the same secret; they are
 * refused before anything is looked up with our token or stored.
 */
const file = liaisonForThisFile();
const FOREIGN = 'T0FOREIGN';
const NOT_INSTALLED =
  'Liaison is not installed in this workspace, so nothing was done. Ask whoever runs Liaison to install it here.';

/** Requests signed as Slack signs them, for a team of our choosing. */
function driverFor(liaison: LiaisonUnderTest, teamId: string): SlackDriver {
  return createSlackDriver({
    baseUrl: liaison.baseUrl,
    signingSecret: SIGNING_SECRET,
    teamId,
    teamDomain: teamId.toLowerCase(),
    apiAppId: liaison.slack.appId,
    botUserId: liaison.slack.botUserId,
    responseUrlFactory: (input) => liaison.slack.createResponseUrl(input),
    triggerIdFactory: (input) => liaison.slack.createTriggerId(input),
  });
}

async function storedFor(teamId: string) {
  const { prisma } = file.db;
  const workspaces = await prisma.workspace.findMany({ where: { slackTeamId: teamId } });
  return {
    workspaces: workspaces.length,
    departments: await prisma.department.count({
      where: { workspaceId: { in: workspaces.map((w) => w.id) } },
    }),
  };
}

/** A profile as Slack sends it in user_change. */
function slackUser(id: string, realName: string, updated: number) {
  return { id, name: id.toLowerCase(), real_name: realName, tz: 'Europe/Paris', updated, profile: {} };
}

/** POST a raw Events API envelope, signed (for shapes the driver's helper does not build). */
async function postEnvelope(liaison: LiaisonUnderTest, envelope: Record<string, unknown>) {
  const body = JSON.stringify(envelope);
  const headers = signSlackRequest(SIGNING_SECRET, body, Math.floor(Date.now() / 1000));
  return fetch(`${liaison.baseUrl}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a request from a workspace other than the token’s', () => {
  beforeAll(() => {
    // A workspace admin over there: if Liaison asked Slack about them, it would trust them.
    file.liaison.slack.addUser({ id: 'U0FOREIGNADMIN', name: 'mallory', isAdmin: true });
  });

  it('refuses /liaison setup demo politely in the acknowledgement, before any lookup or write', async () => {
    file.liaison.slack.reset();
    const ack = await driverFor(file.liaison, FOREIGN).slashCommand({
      command: COMMANDS.liaison,
      text: 'setup demo',
      userId: 'U0FOREIGNADMIN',
      channelId: 'C0FOREIGN',
    });
    expect(ack.status).toBe(200);
    expect(ack.json).toEqual({ response_type: 'ephemeral', text: NOT_INSTALLED });
    expect(await storedFor(FOREIGN)).toEqual({ workspaces: 0, departments: 0 });
    expect(await file.db.prisma.person.count({ where: { slackUserId: 'U0FOREIGNADMIN' } })).toBe(0);
    expect(file.liaison.slack.callsTo('users.info')).toEqual([]);
    expect(file.liaison.slack.calls()).toEqual([]);
    const refusal = file.liaison.logs().find((line) => String(line.msg).includes('not installed'));
    expect(refusal).toMatchObject({ kind: 'command', requestType: COMMANDS.liaison });
    expect(JSON.stringify(refusal?.claims)).toContain(FOREIGN);
  });

  it('drops its buttons, forms and events without effect', async () => {
    file.liaison.slack.reset();
    const foreign = driverFor(file.liaison, FOREIGN);
    const click = await foreign.blockActions({
      userId: 'U0FOREIGNADMIN',
      actions: [{ action_id: ESCALATION_ACTIONS.acknowledge, block_id: 'escalation.actions', value: '1' }],
      channelId: 'C0FOREIGN',
    });
    const submit = await foreign.viewSubmission({
      userId: 'U0FOREIGNADMIN',
      view: { id: 'V0FOREIGN', type: 'modal', callback_id: DEPARTMENT_VIEWS.manage, private_metadata: '' },
    });
    const event = await foreign.event({
      event: { type: EVENTS.userChange, user: slackUser('U0FOREIGNADMIN', 'Mallory', 1_764_000_000) },
    });
    expect([click.status, submit.status, event.status]).toEqual([200, 200, 200]);
    expect(submit.body).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await storedFor(FOREIGN)).toEqual({ workspaces: 0, departments: 0 });
    expect(await file.db.prisma.person.count({ where: { slackUserId: 'U0FOREIGNADMIN' } })).toBe(0);
    expect(file.liaison.slack.calls()).toEqual([]);
  });

  it('leaves the installed workspace served as before', async () => {
    file.liaison.slack.reset();
    file.liaison.slack.addUser({ id: 'U0HOME', name: 'home', realName: 'Home Person' });
    const ack = await file.liaison.driver.slashCommand({
      command: COMMANDS.liaison,
      text: 'whoami',
      userId: 'U0HOME',
      channelId: 'C0GENERAL',
    });
    expect(ack.status).toBe(200);
    expect(ack.body).toBe('');
    await file.liaison.slack.waitForCall('response_url');
    expect(file.liaison.slack.ephemerals('U0HOME')).toHaveLength(1);
    expect(await storedFor(STAND_IN_DEFAULTS.teamId)).toMatchObject({ workspaces: 1 });
  });

  it('serves an event from a channel shared with another workspace, as the installed workspace’s', async () => {
    const { teamId, botUserId } = file.liaison.slack;
    const response = await postEnvelope(file.liaison, {
      token: 'x',
      team_id: FOREIGN,
      context_team_id: FOREIGN,
      api_app_id: file.liaison.slack.appId,
      type: 'event_callback',
      event_id: 'Ev0SHARED01',
      event_time: Math.floor(Date.now() / 1000),
      event: { type: EVENTS.userChange, user: slackUser('U0SHARED', 'Shared Person', 1_764_000_100) },
      authorizations: [
        {
          enterprise_id: null,
          team_id: teamId,
          user_id: botUserId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: true,
    });
    expect(response.status).toBe(200);
    const person = await waitFor(
      () =>
        file.db.prisma.person
          .findFirst({ where: { slackUserId: 'U0SHARED' }, include: { workspace: true } })
          .then((p) => p ?? undefined),
      'the shared channel’s person to be stored',
    );
    expect(person.workspace.slackTeamId).toBe(teamId);
    expect(person.realName).toBe('Shared Person');
    expect(await storedFor(FOREIGN)).toEqual({ workspaces: 0, departments: 0 });
  });
});

describe('on Enterprise Grid (the token’s team belongs to org E0ACME)', () => {
  let grid: LiaisonUnderTest;

  beforeAll(async () => {
    grid = await startLiaisonUnderTest({ db: file.db, enterpriseId: 'E0ACME' });
    grid.slack.addUser({ id: 'W0ACMEONE', name: 'acme-one', realName: 'Acme One' });
    grid.slack.addUser({ id: 'W0ELSEWHERE', name: 'elsewhere', isAdmin: true });
  });

  afterAll(async () => {
    await grid?.stop();
  });

  it('serves requests of its org, and refuses one from another org', async () => {
    const ours = await grid.driver.slashCommand({
      command: COMMANDS.liaison,
      text: 'whoami',
      userId: 'W0ACMEONE',
      channelId: 'C0GENERAL',
      enterpriseId: 'E0ACME',
    });
    expect(ours.status).toBe(200);
    expect(ours.body).toBe('');
    await grid.slack.waitForCall('response_url');
    expect(grid.slack.ephemerals('W0ACMEONE')).toHaveLength(1);

    // A person of a sister workspace of the org (an org-shared channel).
    grid.slack.reset();
    grid.slack.addUser({ id: 'W0ACMESALES', name: 'acme-sales' });
    const sister = await driverFor(grid, 'T0ACMESALES').slashCommand({
      command: COMMANDS.liaison,
      text: 'whoami',
      userId: 'W0ACMESALES',
      channelId: 'C0GENERAL',
      enterpriseId: 'E0ACME',
    });
    expect(sister.body).toBe('');
    await grid.slack.waitForCall('response_url');
    expect(grid.slack.ephemerals('W0ACMESALES')).toHaveLength(1);

    grid.slack.reset();
    const other = await driverFor(grid, 'T0OTHERORG').slashCommand({
      command: COMMANDS.liaison,
      text: 'setup demo',
      userId: 'W0ELSEWHERE',
      channelId: 'C0ELSEWHERE',
      enterpriseId: 'E0OTHER',
    });
    expect(other.json).toEqual({ response_type: 'ephemeral', text: NOT_INSTALLED });
    expect(await storedFor('T0OTHERORG')).toEqual({ workspaces: 0, departments: 0 });
    expect(grid.slack.calls()).toEqual([]);
  });
});
