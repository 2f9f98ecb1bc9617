// Slack's date and time pickers only ever produce a real calendar date (YYYY-MM-DD) and a
// 24-hour time (HH:mm). Typed input is held to the same rule so handlers see exactly what
// Slack would send them.

/** A real calendar date as YYYY-MM-DD, or undefined. */
export function parseSlackDate(text: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (match === null) return undefined;
  const [, year, month, day] = match.map(Number);
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2025-02-30 over to March; a mismatch means the day does not exist.
  const valid =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? text.trim() : undefined;
}

/** A 24-hour time normalised to HH:MM (`9:05` → `09:05`), or undefined. */
export function parseSlackTime(text: string): string | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (match === null) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/**
 * `YYYY-MM-DD HH:MM` as Unix seconds, read as UTC: a datetimepicker sends an instant, and
 * the console has no viewer timezone to interpret it in.
 */
export function parseSlackDateTime(text: string): number | undefined {
  const [datePart = '', timePart = '', ...extra] = text.trim().split(/\s+|T/);
  const date = parseSlackDate(datePart);
  const time = parseSlackTime(timePart);
  if (date === undefined || time === undefined || extra.length > 0) return undefined;
  return Date.parse(`${date}T${time}:00Z`) / 1000;
}
