import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleTerminal, startConsoleOn } from '../harness/console-terminal.js';
import { openTestDatabase, type TestDatabase } from '../harness/test-database.js';

/**
 * `npm start` twice on the same data directory: Slack keeps its channels, DMs and files,
 * so the console must too, or Liaison's cached DM would lead nowhere and cards posted
 * before the restart could not be pressed.
 */
let db: TestDatabase;
let dataDir: string;

beforeAll(async () => {
  db = await openTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'liaison-console-restart-'));
});

afterAll(async () => {
  await db?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('restarting the local console', () => {
  it('keeps channel messages, DMs and files, and Liaison reaches the same DM again', async () => {
    const first = new ConsoleTerminal();
    const before = await startConsoleOn(db, first, { dataDir, connectSlackClients: true });
    await first.type('say Said before the restart');
    const from = first.screen.length;
    await first.type('/liaison export me csv');
    const name = /liaison-me-\d{4}-\d\d-\d\d-person\.csv/.exec(await first.waitFor('person.csv', from))?.[0];
    const dm = before.running.standIn.dmChannelId('U0DEMOALEX');
    await before.running.stop();
    expect(existsSync(join(dataDir, 'console-slack.json'))).toBe(true);

    const second = new ConsoleTerminal();
    const after = await startConsoleOn(db, second, { dataDir, connectSlackClients: true });
    try {
      expect(second.screen).toMatch(/Restored from .*console-slack\.json: \d+ messages and \d+ files/);
      expect(after.running.standIn.dmChannelId('U0DEMOALEX')).toBe(dm);
      expect(await second.type('channel #general')).toContain('Said before the restart');
      expect(await second.type('inbox')).toContain(`${name}`);
      expect(await second.type(`open ${name}`)).toContain('U0DEMOALEX');

      // Liaison cached the DM's id on Alex; the restored Slack still has that conversation.
      const again = second.screen.length;
      await second.type('/liaison export me json');
      await second.waitFor('.json', again);
      expect(after.running.standIn.callsTo('files.completeUploadExternal', { ok: false })).toEqual([]);
    } finally {
      await after.running.stop();
    }
  });

  it('moves an unreadable state file aside and starts with an empty Slack', async () => {
    writeFileSync(join(dataDir, 'console-slack.json'), '{ not json');
    const terminal = new ConsoleTerminal();
    const { running } = await startConsoleOn(db, terminal, { dataDir });
    try {
      expect(terminal.screen).toContain('Could not read');
      expect(readdirSync(dataDir).some((file) => file.startsWith('console-slack.json.unreadable-'))).toBe(
        true,
      );
      expect(await terminal.type('channel #general')).toContain('No messages in #general yet.');
    } finally {
      await running.stop();
    }
  });
});
