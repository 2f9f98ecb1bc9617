/**
 * Models that refer to a person but are deliberately not in `/liaison export me`, each with
 * why. tests/modules/export/export-coverage.test.ts fails when a model that refers to a
 * person (a relation to Person, a `…PersonId`, `…SlackId` or `…UserId` column) is neither
 * read by some section's `person` source nor listed here — so a new feature's table cannot
 * be forgotten silently.
 */
export const EXPORT_EXCLUSIONS: Readonly<Record<string, string>> = {
  Installation:
    'How Liaison reaches the workspace: the encrypted tokens and the bot identity, never exported to ' +
    'anyone. botUserId is the bot, not a person; installedBySlackId only records who clicked Install.',
  Schedule:
    'Workspace configuration, in the admins’ workspace export. createdBySlackId only records who ' +
    'created it, and that act is in the person’s audit_events (schedule.created).',
  DirectorySyncRun:
    'A directory sync’s progress (cursor, page and row counters). startedBySlackId only records who ' +
    'started it, and that act is in the person’s audit_events (directory.sync_started).',
  ProcessedEvent:
    'Inbound Slack delivery dedupe keys (team, event id, `user_change:<user id>:<time>`) that make a ' +
    'retried event have its effect once; no personal content.',
  KpiApiToken:
    'Credentials for the KPI API (a name, a hash and a prefix), never exported; creating and revoking ' +
    'one is in the person’s audit_events (kpi_token.created, kpi_token.revoked).',
};
