/** Whose data an export holds: the whole workspace (admins) or what is about the requester. */
export type ExportScope = 'workspace' | 'person';
export type ExportFormat = 'json' | 'csv';

export const EXPORT_FORMAT_NAME = 'liaison-export';
export const EXPORT_FORMAT_VERSION = 1;

/** A cell as it leaves the database: plain JSON (dates already ISO strings). */
export type ExportValue = string | number | boolean | null | ExportValue[] | { [key: string]: ExportValue };

/** One table of the export: a CSV file, or a key of `tables` in the JSON document. */
export interface ExportTable {
  name: string;
  /** Column order of the CSV header (and of each JSON row). */
  columns: readonly string[];
  rows: Record<string, ExportValue>[];
}

/** What the repository gathered, before it is formatted. */
export interface ExportData {
  workspace: { id: string; name: string; slackTeamId: string };
  tables: ExportTable[];
  /** Audit events older than this are left out (null: none left out by age). */
  auditSince: Date | null;
  /** True when a table hit its row limit; the newest rows are kept. */
  truncatedTables: string[];
}

/** Bounds on what one export reads, so a big workspace cannot exhaust memory. */
export interface ExportLimits {
  /** Audit events and job runs older than this are left out (workspace scope). */
  since: Date | null;
  /** The most rows any one table may hold. */
  maxRowsPerTable: number;
}

export interface ExportFile {
  filename: string;
  title: string;
  content: string;
}

export interface ExportResult {
  scope: ExportScope;
  format: ExportFormat;
  files: ExportFile[];
  rowCounts: Record<string, number>;
  truncatedTables: string[];
  auditSince: Date | null;
  generatedAt: Date;
}
