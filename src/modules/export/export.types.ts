/** Whose data an export holds: the whole workspace (admins) or what is about the requester. */
export type ExportScope = 'workspace' | 'person';
export type ExportFormat = 'json' | 'csv';

export const EXPORT_FORMAT_NAME = 'liaison-export';
export const EXPORT_FORMAT_VERSION = 1;

/** A cell as it leaves the database: plain JSON (dates already ISO strings). */
export type ExportValue = string | number | boolean | null | ExportValue[] | { [key: string]: ExportValue };

/** One row of a table: column name → cell. */
export type ExportRow = Record<string, ExportValue>;

/** One table of the export: a CSV file, or a key of `tables` in the JSON document. */
export interface ExportTable {
  name: string;
  /** Column order of the CSV header (and of each JSON row). */
  columns: readonly string[];
  rows: ExportRow[];
}

/** What the sections gathered, before it is formatted. */
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

/** Who a personal export is about. Sections read only rows where this person plays a part. */
export interface ExportPerson {
  id: string;
  slackUserId: string;
  /** Slack user ids repeat across the workspaces of an Enterprise org: every query stays in this one. */
  workspaceId: string;
  /**
   * The records the other sections exported as this person's own (their row, memberships,
   * absences, escalations they raised…). Empty except for a source that `readsOwnRecords`,
   * which runs after all the others (the audit log shows those records' before/after).
   */
  ownRecordIds: ReadonlySet<string>;
}

/** What one source read for one table. */
export interface ExportRows {
  /**
   * At most `limits.maxRowsPerTable + 1` rows, newest first where a table can grow without
   * bound: one row over the cap tells the export service that the table was cut.
   */
  rows: ExportRow[];
  /** Ids of the person's own records among these rows (see ExportPerson.ownRecordIds). */
  ownRecordIds?: readonly string[];
}

/** How one table of one scope is read: its name, its columns in order, and its rows. */
export interface ExportTableSource<Subject> {
  /** The key in the JSON document's `tables` and the CSV file's suffix. */
  table: string;
  columns: readonly string[];
  rows(subject: Subject, limits: ExportLimits): Promise<ExportRows>;
}

/**
 * A feature's part of `/liaison export`: one table in each scope it has data for. Each domain
 * module provides its sections next to its repository (`<module>.export.prisma-repository.ts`);
 * the export service receives the list and knows no table itself.
 */
export interface ExportSection {
  /**
   * The Prisma models whose rows this section writes out. A test checks that every model
   * referring to a person is exported by some section's `person` source or deliberately
   * excluded (EXPORT_EXCLUSIONS).
   */
  models: readonly string[];
  /**
   * What is about one person, in their workspace only: rows where they are the subject,
   * raiser, assignee, owner, actor, decider, member…; other people's ids are left out.
   */
  person?: ExportTableSource<ExportPerson> & { readsOwnRecords?: boolean };
  /** The workspace's rows (admins); `limits.since` bounds history tables (audit, job runs). */
  workspace?: ExportTableSource<string>;
}
