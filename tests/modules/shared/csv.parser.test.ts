import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/modules/shared/csv.parser.js';

const fields = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(`unexpected ${parsed.problem}`);
  return parsed.rows.map((row) => row.fields);
};

describe('parseCsv', () => {
  it('splits rows and fields, with LF or CRLF line ends and no trailing newline needed', () => {
    expect(fields('a,b,c\n1,2,3')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(fields('a,b,c\r\n1,2,3\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('keeps commas, quotes and line breaks inside quoted fields', () => {
    expect(fields('"Legal, Compliance","say ""hi""","two\nlines"')).toEqual([
      ['Legal, Compliance', 'say "hi"', 'two\nlines'],
    ]);
    expect(fields('"a\r\nb",c\r\n')).toEqual([['a\nb', 'c']]);
  });

  it('drops a UTF-8 byte-order mark (Excel writes one) and keeps Chinese text', () => {
    expect(fields('\uFEFFdepartment,lead_email\n供应链,zhang@example.com')).toEqual([
      ['department', 'lead_email'],
      ['供应链', 'zhang@example.com'],
    ]);
  });

  it('keeps empty fields, and skips blank lines', () => {
    expect(fields('tech,,m@x.io\n\n   \nhosts,l@x.io,\n')).toEqual([
      ['tech', '', 'm@x.io'],
      ['hosts', 'l@x.io', ''],
    ]);
  });

  it('numbers rows by the line they start on, as a spreadsheet does', () => {
    const parsed = parseCsv('h1,h2\n\n"multi\nline",x\ny,z');
    expect(parsed.ok && parsed.rows.map((row) => row.line)).toEqual([1, 3, 5]);
  });

  it('reports a quote that is never closed, with its line', () => {
    expect(parseCsv('a,b\nc,"open\nstill open')).toEqual({ ok: false, problem: 'unclosed_quote', line: 2 });
  });

  it('reads an empty text as no rows', () => {
    expect(fields('')).toEqual([]);
    expect(fields('\n\r\n')).toEqual([]);
  });
});

describe('parseCsv on what people paste', () => {
  it('numbers an unclosed quote by its own line, after a byte-order mark and Chinese text', () => {
    expect(parseCsv('\uFEFF部门,负责人\n供应链,"未闭合\n继续')).toEqual({
      ok: false,
      problem: 'unclosed_quote',
      line: 2,
    });
  });

  it('reads rows of uneven length and a quote inside an unquoted field', () => {
    expect(fields('a,b,c\nd\ne,f"g')).toEqual([['a', 'b', 'c'], ['d'], ['e', 'f"g']]);
  });
});
