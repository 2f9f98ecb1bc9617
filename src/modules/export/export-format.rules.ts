import { csvDocument } from './csv.rules.js';
import {
  EXPORT_FORMAT_NAME,
  EXPORT_FORMAT_VERSION,
  type ExportData,
  type ExportFile,
  type ExportFormat,
  type ExportScope,
  type ExportValue,
} from './export.types.js';

/** Slack tokens (bot, user, app-level, refresh, config) wherever they appear in text. */
const TOKEN_PATTERN = /\b(?:xox[a-z]|xapp|xoxe(?:\.xox[a-z])?)-[0-9A-Za-z-]+/g;
/** Keys whose values never leave Liaison, whatever a feature put in a JSON column. */
const SECRET_KEY = /token|secret|password|encrypted|signing|credential|private_?key/i;
export const REDACTED = '[redacted]';

/**
 * Defence in depth: the repository selects no secret columns, but JSON columns (audit
 * before/after, schedule payloads) hold whatever a feature wrote. Token-shaped text and
 * values under secret-sounding keys are replaced before anything is written out.
 */
export function redactSecrets(value: ExportValue): ExportValue {
  if (typeof value === 'string') return value.replace(TOKEN_PATTERN, REDACTED);
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        SECRET_KEY.test(key) && inner !== null ? REDACTED : redactSecrets(inner),
      ]),
    );
  }
  return value;
}

export interface ExportMeta {
  scope: ExportScope;
  generatedAt: Date;
  requestedBySlackId: string;
}

/** `liaison-workspace-2026-05-01` or `liaison-me-2026-05-01` (UTC date of the export). */
export function exportFileBase(meta: Pick<ExportMeta, 'scope' | 'generatedAt'>): string {
  const day = meta.generatedAt.toISOString().slice(0, 10);
  return `liaison-${meta.scope === 'workspace' ? 'workspace' : 'me'}-${day}`;
}

export function rowCountsOf(data: ExportData): Record<string, number> {
  return Object.fromEntries(data.tables.map((table) => [table.name, table.rows.length]));
}

/** One versioned JSON document: `{"format":"liaison-export","version":1,…,"tables":{…}}`. */
export function jsonExport(data: ExportData, meta: ExportMeta): ExportFile {
  const document = {
    format: EXPORT_FORMAT_NAME,
    version: EXPORT_FORMAT_VERSION,
    scope: meta.scope,
    generatedAt: meta.generatedAt.toISOString(),
    requestedBy: meta.requestedBySlackId,
    workspace: data.workspace,
    auditSince: data.auditSince?.toISOString() ?? null,
    truncatedTables: data.truncatedTables,
    rowCounts: rowCountsOf(data),
    tables: Object.fromEntries(
      data.tables.map((table) => [
        table.name,
        table.rows.map((row) => redactSecrets(orderedRow(table.columns, row))),
      ]),
    ),
  };
  const filename = `${exportFileBase(meta)}.json`;
  return { filename, title: filename, content: `${JSON.stringify(document, null, 2)}\n` };
}

/** One CSV file per table, named `<base>-<table>.csv`, in the tables' order. */
export function csvExport(data: ExportData, meta: ExportMeta): ExportFile[] {
  const base = exportFileBase(meta);
  return data.tables.map((table) => {
    const filename = `${base}-${table.name}.csv`;
    const rows = table.rows.map((row) => redactSecrets(row) as Record<string, ExportValue>);
    return { filename, title: filename, content: csvDocument(table.columns, rows) };
  });
}

export function formatExport(data: ExportData, format: ExportFormat, meta: ExportMeta): ExportFile[] {
  return format === 'json' ? [jsonExport(data, meta)] : csvExport(data, meta);
}

function orderedRow(
  columns: readonly string[],
  row: Record<string, ExportValue>,
): Record<string, ExportValue> {
  return Object.fromEntries(columns.map((column) => [column, row[column] ?? null]));
}
