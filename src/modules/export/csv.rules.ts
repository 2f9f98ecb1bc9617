import type { ExportValue } from './export.types.js';

/**
 * Cells a spreadsheet would run as a formula (CSV injection, OWASP): `=`, `+`, `-`, `@`,
 * and tab / carriage return, which some spreadsheets strip before looking.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
/** Excel opens UTF-8 CSV as the local code page unless it starts with a byte-order mark. */
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma, line break or edge space,
 * quotes doubled. Text that a spreadsheet would evaluate gets a leading `'`, which
 * spreadsheets show as text. Numbers and booleans are written as they are (a negative
 * number is data, not a formula); nested JSON is written as JSON.
 */
export function csvCell(value: ExportValue | undefined): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'string') text = FORMULA_START.test(value) ? `'${value}` : value;
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV file: byte-order mark, header row, one line per row, CRLF line ends. */
export function csvDocument(
  columns: readonly string[],
  rows: readonly Record<string, ExportValue>[],
): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(row[column])).join(','));
  return `${BYTE_ORDER_MARK}${lines.join('\r\n')}\r\n`;
}
