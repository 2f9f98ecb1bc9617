import { describe, expect, it } from 'vitest';
import {
  decodeRaiseMetadata,
  encodeRaiseMetadata,
  PRIVATE_METADATA_MAX,
  QUOTE_MAX,
} from '../../src/slack/escalations/raise-metadata.js';
import { parseEscalationOptions } from '../../src/slack/parsers/escalation-options.parser.js';
import { readableMessageText } from '../../src/slack/parsers/message-text.parser.js';

describe('parseEscalationOptions', () => {
  it('reads one option per line and marks the recommended ones, in either language', () => {
    expect(
      parseEscalationOptions(
        '- Refund at once\n\n* Refund after inspection\nStore credit （推荐）\n(Recommended) Swap\n*  ',
      ),
    ).toEqual([
      { label: 'Refund at once', recommended: false },
      { label: 'Refund after inspection', recommended: true },
      { label: 'Store credit', recommended: true },
      { label: 'Swap', recommended: true },
    ]);
    expect(parseEscalationOptions('   ')).toEqual([]);
  });
});

describe('readableMessageText', () => {
  it('turns Slack markup into what a person reads, entities decoded', () => {
    expect(
      readableMessageText(
        '<!channel> <@U1|sam> in <#C1|general>: see <https://x.test|the list> &lt;10 &amp; <!subteam^S1|@ops> <@U2>',
      ),
    ).toBe('@channel @sam in #general: see the list <10 & @ops @U2');
  });
});

describe('raise metadata', () => {
  it('round-trips, and shortens a long quote (emoji included) to fit Slack’s limit', () => {
    const source = {
      channelId: 'C0GENERAL',
      messageTs: '1700000000.000100',
      permalink: 'https://demo.slack.com/archives/C0GENERAL/p1700000000000100',
      quote: '📦"\n'.repeat(400),
    };
    const text = encodeRaiseMetadata({ replyChannelId: 'C0GENERAL', source });
    expect(text.length).toBeLessThanOrEqual(PRIVATE_METADATA_MAX);
    const back = decodeRaiseMetadata(text);
    expect(back.replyChannelId).toBe('C0GENERAL');
    expect(back.source?.permalink).toBe(source.permalink);
    expect(back.source?.quote?.length).toBeLessThanOrEqual(QUOTE_MAX);
    expect(source.quote.startsWith(back.source?.quote ?? 'x')).toBe(true);
  });

  it('refuses anything else', () => {
    for (const bad of [
      '{"c":"C0GENERAL","x":1}',
      'not json',
      '{"s":{"c":"C1","t":"1.2","p":"http://evil.test","q":null}}',
    ])
      expect(() => decodeRaiseMetadata(bad)).toThrow(/bad_metadata/);
    expect(decodeRaiseMetadata('')).toEqual({ replyChannelId: null, source: null });
  });
});
