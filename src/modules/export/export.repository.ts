import type { AuditEntry } from '../audit/audit.types.js';
import type { ExportData } from './export.types.js';

export type ExportWorkspace = ExportData['workspace'];

/**
 * What the export service reads itself: who and which workspace an export is about, and
 * where it records that an export was made. The tables come from the sections
 * (ExportSection), each provided by the module whose data it is.
 */
export interface ExportRepository {
  workspace(workspaceId: string): Promise<ExportWorkspace>;
  /** The person a personal export is about, with their workspace; null if unknown. */
  person(personId: string): Promise<{ id: string; slackUserId: string; workspace: ExportWorkspace } | null>;
  recordExport(entry: AuditEntry): Promise<void>;
}
