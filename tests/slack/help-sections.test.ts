import { describe, expect, it } from 'vitest';
import { BLOCKS } from '../../src/slack/ids.js';
import { commandSections } from '../../src/slack/views/help.view.js';

describe('the help command list', () => {
  it('stays one section while it fits', () => {
    const blocks = commandSections(['*Commands*', '`/liaison help` — this message']);
    expect(blocks.map((b) => b.block_id)).toEqual([BLOCKS.help.commands]);
  });

  it('is cut between lines into sections Slack accepts (3,000 characters each), none lost', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `\`/liaison command-${i}\` — ${'x'.repeat(150)}`);
    const blocks = commandSections(lines) as { block_id: string; text: { text: string } }[];
    expect(blocks.map((b) => b.block_id)).toEqual([
      BLOCKS.help.commands,
      `${BLOCKS.help.commands}.2`,
      `${BLOCKS.help.commands}.3`,
    ]);
    for (const block of blocks) expect(block.text.text.length).toBeLessThanOrEqual(3000);
    expect(blocks.flatMap((b) => b.text.text.split('\n'))).toEqual(lines);
  });
});
