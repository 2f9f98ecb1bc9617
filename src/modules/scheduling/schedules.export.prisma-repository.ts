import type { PrismaClient } from '../../generated/prisma/client.js';
import type { ExportSection } from '../export/export.types.js';
import { iso, json, rowsToRead } from '../export/export-cells.rules.js';

/** Every schedule with its timing, state and payload (workspace export). */
export function schedulesExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['Schedule'],
    workspace: {
      table: 'schedules',
      columns: [
        'id',
        'kind',
        'name',
        'subject_type',
        'subject_id',
        'recurrence',
        'time_of_day',
        'time_zone',
        'calendar_key',
        'skip_non_working_days',
        'status',
        'paused_reason',
        'next_run_at',
        'last_run_at',
        'last_outcome',
        'last_error',
        'consecutive_failures',
        'payload',
        'created_by_slack_id',
        'created_at',
      ],
      async rows(workspaceId, limits) {
        const schedules = await prisma.schedule.findMany({
          where: { workspaceId },
          select: {
            id: true,
            kind: true,
            name: true,
            subjectType: true,
            subjectId: true,
            recurrence: true,
            timeOfDay: true,
            timeZone: true,
            skipNonWorkingDays: true,
            status: true,
            pausedReason: true,
            nextRunAt: true,
            lastRunAt: true,
            lastOutcome: true,
            lastError: true,
            consecutiveFailures: true,
            payload: true,
            createdBySlackId: true,
            createdAt: true,
            calendar: { select: { key: true } },
          },
          orderBy: { createdAt: 'asc' },
          take: rowsToRead(limits),
        });
        return {
          rows: schedules.map((s) => ({
            id: s.id,
            kind: s.kind,
            name: s.name,
            subject_type: s.subjectType,
            subject_id: s.subjectId,
            recurrence: json(s.recurrence),
            time_of_day: s.timeOfDay,
            time_zone: s.timeZone,
            calendar_key: s.calendar?.key ?? null,
            skip_non_working_days: s.skipNonWorkingDays,
            status: s.status,
            paused_reason: s.pausedReason,
            next_run_at: iso(s.nextRunAt),
            last_run_at: iso(s.lastRunAt),
            last_outcome: s.lastOutcome,
            last_error: s.lastError,
            consecutive_failures: s.consecutiveFailures,
            payload: json(s.payload),
            created_by_slack_id: s.createdBySlackId,
            created_at: iso(s.createdAt),
          })),
        };
      },
    },
  };
}

/** Job runs since `limits.since` (the workspace history window), newest first. */
export function jobRunsExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['JobRun'],
    workspace: {
      table: 'job_runs',
      columns: ['schedule_id', 'slot', 'status', 'attempts', 'late', 'started_at', 'finished_at', 'error'],
      async rows(workspaceId, limits) {
        const since = limits.since ?? undefined;
        const runs = await prisma.jobRun.findMany({
          where: { schedule: { workspaceId }, ...(since ? { startedAt: { gte: since } } : {}) },
          select: {
            scheduleId: true,
            slot: true,
            status: true,
            attempts: true,
            late: true,
            startedAt: true,
            finishedAt: true,
            error: true,
          },
          orderBy: { startedAt: 'desc' },
          take: rowsToRead(limits),
        });
        return {
          rows: runs.map((r) => ({
            schedule_id: r.scheduleId,
            slot: iso(r.slot),
            status: r.status,
            attempts: r.attempts,
            late: r.late,
            started_at: iso(r.startedAt),
            finished_at: iso(r.finishedAt),
            error: r.error,
          })),
        };
      },
    },
  };
}
