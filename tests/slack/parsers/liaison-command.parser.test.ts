import { describe, expect, it } from 'vitest';
import { parseLiaisonCommand } from '../../../src/slack/parsers/liaison-command.parser.js';

describe('parseLiaisonCommand', () => {
  it('splits the subcommand from its arguments and defaults to help', () => {
    expect(parseLiaisonCommand('  Away until 2026-12-01 offsite ')).toMatchObject({
      subcommand: 'away',
      args: 'until 2026-12-01 offsite',
    });
    expect(parseLiaisonCommand('').subcommand).toBe('help');
    expect(parseLiaisonCommand(undefined).subcommand).toBe('help');
  });

  it("decodes the entities Slack puts in place of what the person typed, but keeps Slack's own references", () => {
    const parsed = parseLiaisonCommand('admins add <@U0DEMOSAM|sam> R&amp;D &lt;team&gt;');
    expect(parsed.args).toBe('add <@U0DEMOSAM|sam> R&D <team>');
  });
});
