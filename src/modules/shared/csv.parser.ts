import { CsvError, parse } from 'csv-parse/sync';

/**
 * What people paste or upload as CSV (department import now; KPI samples and OKRs next):
 * comma-separated, fields optionally in double quotes (a quote inside written twice),
 * commas and line breaks inside quotes, CRLF or LF line ends, an optional UTF-8 byte-order
 * mark, rows of uneven length. Read by csv-parse; this file only adds what the replies need:
 * the line each row starts on, and the line of a quote never closed.
 */

export interface CsvRow {
  /** 1-based line on which the row starts, as a spreadsheet would number it. */
  line: number;
  fields: string[];
}

export type CsvParseResult =
  | { ok: true; rows: CsvRow[] }
  /** The only malformation a lenient reader cannot recover from: a quote never closed. */
  | { ok: false; problem: 'unclosed_quote'; line: number };

const newlines = (text: string) => text.split('\n').length - 1;

/** The line of the quote left open in what follows the last complete record. */
function openQuoteLine(text: string, bytesRead: number): number {
  const before = Buffer.from(text).subarray(0, bytesRead).toString();
  const rest = text.slice(before.length);
  let open = -1;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] !== '"') continue;
    if (open >= 0 && rest[i + 1] === '"') i++;
    else open = open >= 0 ? -1 : i;
  }
  return 1 + newlines(before) + newlines(rest.slice(0, Math.max(open, 0)));
}

export function parseCsv(text: string): CsvParseResult {
  // One line end everywhere, also inside quoted fields, so lines count as people see them.
  const input = text.replace(/\r\n?/g, '\n');
  try {
    const records = parse(input, {
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return {
      ok: true,
      rows: records
        // A line of spaces is as blank as an empty one.
        .filter(({ record }) => record.some((field) => field.trim() !== ''))
        .map(({ record, info }) => ({
          // csv-parse counts the line a record ends on.
          line: info.lines - newlines(record.join('')),
          fields: record,
        })),
    };
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') {
      const bytes = (error as CsvError & { bytes_records?: number }).bytes_records ?? 0;
      return { ok: false, problem: 'unclosed_quote', line: openQuoteLine(input, bytes) };
    }
    throw error;
  }
}
