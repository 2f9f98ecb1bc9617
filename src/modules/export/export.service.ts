import type { AccessSubject } from '../access/access.types.js';
import type { Authorization } from '../access/authorization.service.js';
import type { Clock } from '../shared/clock.types.js';
import { DomainError } from '../shared/domain-error.types.js';
import type { ExportRepository } from './export.repository.js';
import type {
  ExportData,
  ExportFormat,
  ExportLimits,
  ExportPerson,
  ExportResult,
  ExportRows,
  ExportScope,
  ExportSection,
  ExportTable,
  ExportTableSource,
} from './export.types.js';
import { formatExport, rowCountsOf } from './export-format.rules.js';

/**
 * A workspace export holds the audit log and job runs of the last 90 days: enough to
 * review a quarter, small enough to arrive in Slack. A person's own export has no age
 * limit — everything Liaison keeps about them. Each table is capped either way.
 */
export const WORKSPACE_HISTORY_DAYS = 90;
export const MAX_ROWS_PER_TABLE = 100_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ExportService {
  /** Throws (audited, shown privately) unless the subject may export that scope. */
  assertAllowed(subject: AccessSubject, scope: ExportScope): Promise<void>;
  /** Gathers and formats the export and records it in the audit log. */
  create(
    subject: AccessSubject,
    request: { scope: ExportScope; format: ExportFormat },
  ): Promise<ExportResult>;
}

/** Table names must be unique within a scope: a second `memberships` would overwrite the first. */
function assertDistinctTables(sources: readonly ExportTableSource<unknown>[], scope: ExportScope): void {
  const seen = new Set<string>();
  for (const source of sources) {
    if (seen.has(source.table))
      throw new Error(`two export sections write the ${scope} table '${source.table}'`);
    seen.add(source.table);
  }
}

/** Keeps the newest rows up to the cap and notes the table when it had more. */
function toTable(
  source: ExportTableSource<unknown>,
  read: ExportRows,
  limits: ExportLimits,
  truncated: string[],
): ExportTable {
  const cut = read.rows.length > limits.maxRowsPerTable;
  if (cut) truncated.push(source.table);
  return {
    name: source.table,
    columns: source.columns,
    rows: cut ? read.rows.slice(0, limits.maxRowsPerTable) : read.rows,
  };
}

export function createExportService(deps: {
  repo: ExportRepository;
  /** Every feature's part of the export, in the order its tables appear. */
  sections: readonly ExportSection[];
  clock: Clock;
  authorization: Pick<Authorization, 'require'>;
  maxRowsPerTable?: number;
}): ExportService {
  const maxRowsPerTable = deps.maxRowsPerTable ?? MAX_ROWS_PER_TABLE;
  // Tables in the features' order, the audit log (which reads the others' records) last.
  const sections = [
    ...deps.sections.filter((section) => !section.person?.readsOwnRecords),
    ...deps.sections.filter((section) => section.person?.readsOwnRecords),
  ];
  const workspaceSources = sections.flatMap((section) => (section.workspace ? [section.workspace] : []));
  const personSources = sections.flatMap((section) => (section.person ? [section.person] : []));
  assertDistinctTables(workspaceSources, 'workspace');
  assertDistinctTables(personSources, 'person');

  async function workspaceData(workspaceId: string, limits: ExportLimits): Promise<ExportData> {
    const workspace = await deps.repo.workspace(workspaceId);
    const reads = await Promise.all(workspaceSources.map((source) => source.rows(workspaceId, limits)));
    const truncatedTables: string[] = [];
    const tables = workspaceSources.map((source, i) =>
      toTable(source, reads[i] as ExportRows, limits, truncatedTables),
    );
    return { workspace, tables, auditSince: limits.since, truncatedTables };
  }

  async function personData(personId: string, limits: ExportLimits): Promise<ExportData | null> {
    const found = await deps.repo.person(personId);
    if (!found) return null;
    const person: ExportPerson = {
      id: found.id,
      slackUserId: found.slackUserId,
      workspaceId: found.workspace.id,
      ownRecordIds: new Set(),
    };
    // Sources that read the person's own records (the audit log) run once the others said which they are.
    const early = personSources.map((source) =>
      source.readsOwnRecords ? null : source.rows(person, limits),
    );
    const ownRecordIds = new Set((await Promise.all(early)).flatMap((read) => read?.ownRecordIds ?? []));
    const reads = await Promise.all(
      personSources.map((source, i) => early[i] ?? source.rows({ ...person, ownRecordIds }, limits)),
    );
    const truncatedTables: string[] = [];
    const tables = personSources.map((source, i) =>
      toTable(source, reads[i] as ExportRows, limits, truncatedTables),
    );
    return { workspace: found.workspace, tables, auditSince: limits.since, truncatedTables };
  }

  async function assertAllowed(subject: AccessSubject, scope: ExportScope): Promise<void> {
    // Everyone may have what is about them; the whole workspace is for admins.
    if (scope === 'workspace') await deps.authorization.require(subject, 'export.workspace');
  }

  return {
    assertAllowed,

    async create(subject, { scope, format }) {
      await assertAllowed(subject, scope);
      const generatedAt = deps.clock.now();
      const limits: ExportLimits = {
        since:
          scope === 'workspace' ? new Date(generatedAt.getTime() - WORKSPACE_HISTORY_DAYS * DAY_MS) : null,
        maxRowsPerTable,
      };
      const data =
        scope === 'workspace'
          ? await workspaceData(subject.workspaceId, limits)
          : await personData(subject.personId, limits);
      if (!data) {
        throw new DomainError(
          'person.not_found',
          { key: 'access.refused.unknownPerson' },
          { detail: `no person ${subject.personId} to export` },
        );
      }
      const files = formatExport(data, format, {
        scope,
        generatedAt,
        requestedBySlackId: subject.slackUserId,
      });
      const rowCounts = rowCountsOf(data);
      await deps.repo.recordExport({
        workspaceId: subject.workspaceId,
        actorSlackId: subject.slackUserId,
        action: 'export.created',
        objectType: scope === 'workspace' ? 'workspace' : 'person',
        objectId: scope === 'workspace' ? subject.workspaceId : subject.personId,
        after: {
          scope,
          format,
          rowCounts,
          files: files.map((file) => file.filename),
          auditSince: data.auditSince,
          truncatedTables: data.truncatedTables,
        },
      });
      return {
        scope,
        format,
        files,
        rowCounts,
        truncatedTables: data.truncatedTables,
        auditSince: data.auditSince,
        generatedAt,
      };
    },
  };
}
