import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from '../../../src/modules/export/csv.rules.js';
import { REDACTED, redactSecrets } from '../../../src/modules/export/export-format.rules.js';
import { parseCsv } from './parse-csv.js';

describe('CSV cells', () => {
  it('quotes what would break a row and doubles quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell(null)).toBe('');
  });

  it('keeps spreadsheets from running text as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    // Numbers are data: a negative number stays a number.
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(true)).toBe('true');
    expect(csvCell({ a: [1, 'x'] })).toBe('"{""a"":[1,""x""]}"');
  });

  it('reads back cell for cell, whatever the text (formula text with its guard)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 5 }),
        (rows) => {
          const document = csvDocument(
            ['a', 'b'],
            rows.map(([a = '', b = '']) => ({ a, b })),
          );
          const guarded = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
          expect(parseCsv(document)).toEqual([
            ['a', 'b'],
            ...rows.map(([a = '', b = '']) => [guarded(a), guarded(b)]),
          ]);
        },
      ),
    );
  });

  it('starts with a byte-order mark so spreadsheets read Chinese as UTF-8', () => {
    expect(csvDocument(['name'], [{ name: '林伟' }])).toBe('\uFEFFname\r\n林伟\r\n');
  });
});

describe('secret redaction', () => {
  it('removes token-shaped text and values under secret keys, and nothing else', () => {
    expect(
      redactSecrets({
        note: 'token xoxb-123-456-abc leaked',
        nested: [{ botToken: 'anything', refresh_token: 'x', keep: 'xoxo hugs' }],
        installationEncrypted: 'v1:abc',
        count: 3,
      }),
    ).toEqual({
      note: `token ${REDACTED} leaked`,
      nested: [{ botToken: REDACTED, refresh_token: REDACTED, keep: 'xoxo hugs' }],
      installationEncrypted: REDACTED,
      count: 3,
    });
  });
});
