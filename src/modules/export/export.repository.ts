import type { AuditEntry } from '../audit/audit.types.js';
import type { ExportData, ExportLimits } from './export.types.js';

export interface ExportRepository {
  /**
   * The workspace's data, table by table: settings, people (no DM channel ids), departments,
   * memberships, calendars and their dates, absences, schedules and recent job runs,
   * notification mutes and snoozes, recent audit events. Never installation rows or tokens.
   */
  workspaceData(workspaceId: string, limits: ExportLimits): Promise<ExportData>;
  /**
   * What is about one person: their own row, memberships, absences, mutes, snoozes,
   * deliveries addressed to them (metadata, not message contents) and audit events where
   * they acted or are the object (before/after only for the latter). Null if unknown.
   */
  personData(personId: string, limits: ExportLimits): Promise<ExportData | null>;
  recordExport(entry: AuditEntry): Promise<void>;
}
