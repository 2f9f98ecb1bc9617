import { describe, expect, it } from 'vitest';
import { readRequestEnvelope } from '../../../src/slack/parsers/request-envelope.parser.js';

const command = {
  token: 'x',
  team_id: 'T0HOME',
  team_domain: 'home',
  channel_id: 'C0GENERAL',
  channel_name: 'general',
  user_id: 'U0ALEX',
  user_name: 'alex',
  command: '/liaison',
  text: '',
  api_app_id: 'A0LIAISON',
  is_enterprise_install: 'false',
  response_url: 'https://hooks.slack.com/commands/T0HOME/1/abc',
  trigger_id: '1.2.abc',
};

describe('reading a request envelope', () => {
  it('reads who a slash command is for, with an empty or absent org outside Enterprise Grid', () => {
    for (const body of [command, { ...command, enterprise_id: '' }]) {
      expect(readRequestEnvelope(body)).toEqual({
        ok: true,
        envelope: {
          kind: 'command',
          type: '/liaison',
          claims: [{ teamId: 'T0HOME', isEnterpriseInstall: false }],
        },
      });
    }
  });

  it('reads an org-wide install from a command of a team of the org', () => {
    const reading = readRequestEnvelope({
      ...command,
      team_id: 'T0SALES',
      enterprise_id: 'E0ACME',
      is_enterprise_install: 'true',
    });
    expect(reading).toMatchObject({
      ok: true,
      envelope: { claims: [{ teamId: 'T0SALES', enterpriseId: 'E0ACME', isEnterpriseInstall: true }] },
    });
  });

  it('takes an event’s installations from its authorizations, not from the envelope’s team', () => {
    const reading = readRequestEnvelope({
      type: 'event_callback',
      team_id: 'T0OTHER',
      event_id: 'Ev1',
      event: { type: 'reaction_added' },
      authorizations: [{ team_id: 'T0HOME', enterprise_id: null, is_enterprise_install: false }],
    });
    expect(reading).toEqual({
      ok: true,
      envelope: {
        kind: 'event',
        type: 'reaction_added',
        claims: [{ teamId: 'T0HOME', isEnterpriseInstall: false }],
      },
    });
  });

  it('names the first field at fault', () => {
    expect(readRequestEnvelope({ ...command, team_id: undefined })).toEqual({
      ok: false,
      problem: expect.stringMatching(/^team_id: /),
    });
    expect(readRequestEnvelope(null)).toEqual({ ok: false, problem: 'the body is null' });
    expect(
      readRequestEnvelope({ type: 'view_submission', user: { id: 'U0ALEX' }, team: { id: 'T0HOME' } }),
    ).toEqual({ ok: false, problem: expect.stringMatching(/^view: /) });
  });
});
