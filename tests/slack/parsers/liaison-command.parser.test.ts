import { describe, expect, it } from 'vitest';
import { commandTextOf, parseLiaisonCommand } from '../../../src/slack/parsers/liaison-command.parser.js';

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

describe('command text longer than Slack sends', () => {
  it('is refused with its length, not read as an empty command (help)', () => {
    expect(parseLiaisonCommand(`away ${'x'.repeat(3995)}`).subcommand).toBe('away');
    expect(() => parseLiaisonCommand(`away ${'x'.repeat(3996)}`)).toThrow(
      expect.objectContaining({
        code: 'command.too_long',
        userMessage: { key: 'errors.commandTooLong', params: { length: 4001, max: 4000 } },
      }),
    );
    // Counted as typed: entities Slack adds do not count, characters outside the BMP count once.
    expect(commandTextOf('&amp;'.repeat(4000))).toHaveLength(4000);
    expect(() => commandTextOf('😀'.repeat(4001))).toThrow(
      expect.objectContaining({ code: 'command.too_long' }),
    );
  });
});
