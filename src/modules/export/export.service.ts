import type { AccessSubject } from '../access/access.types.js';
import type { Authorization } from '../access/authorization.service.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/domain-error.js';
import type { ExportRepository } from './export.repository.js';
import type { ExportFormat, ExportLimits, ExportResult, ExportScope } from './export.types.js';
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

export function createExportService(deps: {
  repo: ExportRepository;
  clock: Clock;
  authorization: Pick<Authorization, 'require'>;
  maxRowsPerTable?: number;
}): ExportService {
  const maxRowsPerTable = deps.maxRowsPerTable ?? MAX_ROWS_PER_TABLE;

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
          ? await deps.repo.workspaceData(subject.workspaceId, limits)
          : await deps.repo.personData(subject.personId, limits);
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
