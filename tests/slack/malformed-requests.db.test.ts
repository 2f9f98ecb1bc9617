import { describe, expect, it } from 'vitest';
import { COMMANDS, DEPARTMENT_VIEWS } from '../../src/slack/ids.js';
import { answeredInAck } from '../harness/fake-slack.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';
import type { DriverResponse } from '../harness/slack-driver.js';

/**
 * Signed requests whose bodies Slack would never send. Each gets a 4xx at once, is logged
 * with a reference, changes nothing, and the server goes on answering.
 */
const file = liaisonForThisFile({ seedDemo: true });

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

function interaction(payload: unknown): Promise<DriverResponse> {
  return file.liaison.driver.send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM);
}

function team() {
  return { id: file.liaison.slack.teamId, domain: file.liaison.slack.teamDomain };
}

const alex = () => ({ id: 'U0DEMOALEX', username: 'alex', name: 'alex', team_id: file.liaison.slack.teamId });

function blockActions(overrides: Record<string, unknown>) {
  return {
    type: 'block_actions',
    user: alex(),
    team: team(),
    api_app_id: file.liaison.slack.appId,
    container: { type: 'message', message_ts: '1.2', channel_id: 'C0GENERAL' },
    trigger_id: '1.2.abc',
    channel: { id: 'C0GENERAL', name: 'general' },
    actions: [
      { type: 'button', action_id: 'escalations.acknowledge', block_id: 'b', value: '1', action_ts: '1.2' },
    ],
    enterprise: null,
    is_enterprise_install: false,
    ...overrides,
  };
}

function departmentForm(view: Record<string, unknown>) {
  return {
    type: 'view_submission',
    team: team(),
    user: alex(),
    api_app_id: file.liaison.slack.appId,
    trigger_id: '1.2.abc',
    view,
    enterprise: null,
    is_enterprise_install: false,
  };
}

/** A slash command as Slack posts it; a field given as undefined is left out. */
function slashCommand(fields: Record<string, string | undefined>): Promise<DriverResponse> {
  const all: Record<string, string | undefined> = {
    token: 'x',
    team_id: file.liaison.slack.teamId,
    channel_id: 'C0GENERAL',
    user_id: 'U0DEMOALEX',
    user_name: 'alex',
    command: COMMANDS.liaison,
    text: 'whoami',
    response_url: file.liaison.slack.createResponseUrl({ channelId: 'C0GENERAL', userId: 'U0DEMOALEX' }),
    trigger_id: '1.2.abc',
    ...fields,
  };
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(all)) if (value !== undefined) form.set(name, value);
  return file.liaison.driver.send(form.toString(), FORM);
}

/** The server still answers a well-formed command, from signature to reply. */
async function stillAnswers(): Promise<void> {
  const since = file.liaison.slack.calls().at(-1)?.seq ?? 0;
  const ack = await file.liaison.driver.slashCommand({
    command: COMMANDS.liaison,
    text: 'help',
    userId: 'U0DEMOALEX',
    channelId: 'C0GENERAL',
  });
  expect(ack.status).toBe(200);
  // A remembered person's help comes inside the ack (shown at once); otherwise through the response_url.
  if (answeredInAck(ack)) {
    expect(file.liaison.slack.ephemerals('U0DEMOALEX', 'C0GENERAL').at(-1)?.source).toBe('command_ack');
  } else {
    await file.liaison.slack.waitForCall('response_url', (call) => call.seq > since, 10_000);
  }
}

function refusalLogged(referenceId: string): Record<string, unknown> | undefined {
  return file.liaison.logs().find((line) => line.referenceId === referenceId);
}

const cases: Array<[string, () => Promise<DriverResponse>]> = [
  ['an interaction whose payload is null', () => interaction(null)],
  ['an interaction whose payload is a number', () => interaction(42)],
  ['an interaction whose payload is a list', () => interaction([blockActions({})])],
  ['a JSON body that is null', () => file.liaison.driver.send('null', JSON_TYPE)],
  [
    'a form whose payload field has a percent-encoded name, and is null',
    () => file.liaison.driver.send('pay%6Coad=null', FORM),
  ],
  [
    'a form whose payload field comes last, and is a list',
    () => file.liaison.driver.send('a=1&payload=%5B%5D', FORM),
  ],
  ['a JSON body that is not a Slack request', () => file.liaison.driver.send('{}', JSON_TYPE)],
  ['block_actions without a user', () => interaction(blockActions({ user: undefined }))],
  [
    'block_actions without a team',
    () => interaction(blockActions({ team: null, user: { id: 'U0DEMOALEX', name: 'alex' } })),
  ],
  ['block_actions without actions', () => interaction(blockActions({ actions: [] }))],
  [
    'block_actions whose action has no action_id',
    () => interaction(blockActions({ actions: [{ type: 'button' }] })),
  ],
  ['view_submission without a view', () => interaction(departmentForm(undefined as never))],
  [
    'a form without private_metadata',
    () =>
      interaction(
        departmentForm({
          id: 'V0NOMETA',
          type: 'modal',
          callback_id: DEPARTMENT_VIEWS.manage,
          state: { values: {} },
        }),
      ),
  ],
  ['a slash command without team_id', () => slashCommand({ team_id: undefined })],
  ['a slash command without user_id', () => slashCommand({ user_id: undefined })],
  [
    'an event whose inner event is null',
    () =>
      file.liaison.driver.send(
        JSON.stringify({
          type: 'event_callback',
          team_id: file.liaison.slack.teamId,
          event_id: 'Ev0NULL',
          event: null,
        }),
        JSON_TYPE,
      ),
  ],
  [
    'app_home_opened without a user',
    () => file.liaison.driver.event({ event: { type: 'app_home_opened', tab: 'home', channel: 'D0X' } }),
  ],
];

describe('a malformed signed request', () => {
  it.each(cases)(
    '%s: 400 at once with a logged reference, nothing changed, the server answers on',
    async (_name, send) => {
      const workspacesBefore = await file.db.prisma.workspace.count();
      const peopleBefore = await file.db.prisma.person.count();
      file.liaison.slack.reset();

      const response = await send();
      expect(response.status).toBe(400);
      // Answered by the gate, not by Bolt's 3-second "never acknowledged" timer.
      expect(response.elapsedMs).toBeLessThan(2_500);
      const { reference } = response.json as { reference: string };
      expect(reference).toMatch(/^ERR-[0-9A-F]{8}$/);
      expect(refusalLogged(reference)?.level).toBe(40);

      expect(await file.db.prisma.workspace.count()).toBe(workspacesBefore);
      expect(await file.db.prisma.person.count()).toBe(peopleBefore);
      expect(file.liaison.slack.calls()).toEqual([]);
      await stillAnswers();
    },
  );

  it('logs no Prisma error for a slash command without team_id', async () => {
    await slashCommand({ team_id: undefined });
    const errors = file.liaison.logs().filter((line) => Number(line.level) >= 50);
    expect(errors).toEqual([]);
  });

  it('acknowledges a Slack notice Liaison does not act on (app_rate_limited) with 200', async () => {
    const response = await file.liaison.driver.send(
      JSON.stringify({
        token: 'x',
        type: 'app_rate_limited',
        team_id: file.liaison.slack.teamId,
        minute_rate_limited: 1_518_467_820,
        api_app_id: file.liaison.slack.appId,
      }),
      JSON_TYPE,
    );
    expect(response.status).toBe(200);
  });

  it('is still refused with 401, not 400, when it is not signed', async () => {
    const response = await file.liaison.driver.send(
      new URLSearchParams({ payload: 'null' }).toString(),
      FORM,
      { tamper: { signingSecret: 'not-the-secret' } },
    );
    expect(response.status).toBe(401);
  });
});
