/**
 * A small RFC 4180 reader for what people paste into the import box: comma-separated,
 * fields optionally in double quotes (a quote inside is written twice), commas and line
 * breaks allowed inside quotes, CRLF or LF line ends, an optional UTF-8 byte-order mark.
 * Pure and dependency-free; the project installs no CSV library.
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

export function parseCsv(text: string): CsvParseResult {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let inQuotes = false;
  let quoteLine = 1;
  /** True once the current row has any content (so a blank line is not a row). */
  let rowStarted = false;

  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    if (rowStarted) rows.push({ line: rowLine, fields });
    fields = [];
    rowStarted = false;
  };

  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (inQuotes) {
      if (char === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (char === '\n') line++;
        // A CR inside quotes belongs to a CRLF pair in the pasted text; keep LF only.
        if (char !== '\r' || input[i + 1] !== '\n') field += char;
      }
      continue;
    }
    switch (char) {
      case '"':
        // A quote opens a quoted section anywhere (`a"b,c"` reads as `ab,c`), as spreadsheets do.
        inQuotes = true;
        quoteLine = line;
        if (!rowStarted) rowLine = line;
        rowStarted = true;
        break;
      case ',':
        if (!rowStarted) rowLine = line;
        rowStarted = true;
        endField();
        break;
      case '\r':
        if (input[i + 1] === '\n') i++;
        endRow();
        line++;
        break;
      case '\n':
        endRow();
        line++;
        break;
      default:
        if (!rowStarted) rowLine = line;
        if (char !== undefined && (rowStarted || char.trim() !== '')) rowStarted = true;
        field += char;
    }
  }
  if (inQuotes) return { ok: false, problem: 'unclosed_quote', line: quoteLine };
  endRow();
  return { ok: true, rows };
}
