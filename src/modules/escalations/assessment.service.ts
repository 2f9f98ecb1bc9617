import { isExecutive } from '../access/access.rules.js';
import type { AccessSubject, Permission } from '../access/access.types.js';
import type { Clock } from '../shared/clock.types.js';
import { DomainError } from '../shared/domain-error.types.js';
import type {
  AssessedDepartment,
  AssessmentRepository,
  AssessmentSnapshotDto,
} from './assessment.repository.js';
import {
  assessDepartments,
  compareQuarters,
  parseQuarter,
  previousQuarter,
  type Quarter,
  type QuarterBounds,
  quarterBounds,
  quarterIsOver,
  quarterKey,
  quarterOf,
  quartersToRecompute,
} from './assessment.rules.js';

export interface AssessmentReport {
  quarter: string;
  bounds: QuarterBounds;
  /** 'all' for executives and admins; 'led' for the departments the reader leads or heads. */
  scope: 'all' | 'led';
  /** Over: the kept snapshot is shown; otherwise the figures so far. */
  final: boolean;
  computedAt: Date;
  rows: (AssessmentSnapshotDto & { department: AssessedDepartment })[];
}

export interface AssessmentService {
  /** Computes every active department's figures for the quarter and stores them (one transaction). */
  compute(workspaceId: string, quarter: Quarter): Promise<AssessmentSnapshotDto[]>;
  /** `/escalate report [quarter]`: leads, heads, executives and admins; members are refused. */
  report(subject: AccessSubject, quarterText: string): Promise<AssessmentReport>;
  /** The nightly job: the current quarter, and the previous one early in a quarter. */
  recompute(workspaceId: string): Promise<string[]>;
}

export function createAssessmentService(deps: {
  repo: AssessmentRepository;
  clock: Clock;
  authorization: {
    require(subject: AccessSubject, permission: Permission): Promise<void>;
  };
  /**
   * The OKR check-in response counts per department over rounds that closed in [from, to)
   * (src/modules/okrs, `responseCounts`); without it the figure stays 0 of 0.
   */
  checkInResponses?: (
    workspaceId: string,
    from: Date,
    to: Date,
  ) => Promise<{ departmentId: string; asked: number; answered: number }[]>;
}): AssessmentService {
  const { repo, clock } = deps;

  async function compute(workspaceId: string, quarter: Quarter): Promise<AssessmentSnapshotDto[]> {
    const zone = await repo.workspaceZone(workspaceId);
    const bounds = quarterBounds(quarter, zone);
    const previousBounds = quarterBounds(previousQuarter(quarter), zone);
    const [departments, escalations, actionItems, checkIns, agendaItems] = await Promise.all([
      repo.activeDepartments(workspaceId),
      repo.escalationsBetween(workspaceId, bounds.start, bounds.end),
      repo.actionItemsDueBetween(workspaceId, bounds.firstDay, bounds.lastDay, zone),
      deps.checkInResponses?.(workspaceId, bounds.start, bounds.end) ?? [],
      repo.agendaItemsBetween(workspaceId, previousBounds.start, bounds.end),
    ]);
    const now = clock.now();
    const figures = assessDepartments({
      departmentIds: departments.map((d) => d.id),
      bounds,
      escalations,
      actionItems,
      checkIns,
      agendaItems,
      previousBounds,
      now,
    });
    return repo.saveSnapshots(workspaceId, quarterKey(quarter), figures, now);
  }

  return {
    compute,

    async report(subject, quarterText) {
      await deps.authorization.require(subject, 'report.read');
      const zone = await repo.workspaceZone(subject.workspaceId);
      const now = clock.now();
      const quarter = parseQuarter(quarterText, now, zone);
      if (!quarter)
        throw new DomainError(
          'assessment.usage',
          { key: 'escalationReport.usage' },
          { detail: `not a quarter: "${quarterText}"` },
        );
      if (compareQuarters(quarter, quarterOf(now, zone)) > 0)
        throw new DomainError(
          'assessment.future',
          { key: 'escalationReport.future', params: { quarter: quarterKey(quarter) } },
          { detail: `${quarterKey(quarter)} has not started` },
        );
      const key = quarterKey(quarter);
      const final = quarterIsOver(quarter, now, zone);
      // Once a quarter is over its kept snapshot is the record; it is computed here only
      // when none was kept (the nightly job was not running then).
      const kept = final ? await repo.snapshots(subject.workspaceId, key) : [];
      const snapshots = kept.length > 0 ? kept : await compute(subject.workspaceId, quarter);
      const scope = subject.isAdmin || isExecutive(subject) ? 'all' : 'led';
      const led = new Set(
        subject.memberships.filter((m) => m.role === 'LEAD' || m.role === 'HEAD').map((m) => m.departmentId),
      );
      const departments = new Map((await repo.activeDepartments(subject.workspaceId)).map((d) => [d.id, d]));
      const rows = snapshots.flatMap((snapshot) => {
        const department = departments.get(snapshot.departmentId);
        if (!department || (scope === 'led' && !led.has(department.id))) return [];
        return [{ ...snapshot, department }];
      });
      const computedAt = new Date(Math.max(0, ...snapshots.map((s) => s.computedAt.getTime())));
      return { quarter: key, bounds: quarterBounds(quarter, zone), scope, final, computedAt, rows };
    },

    async recompute(workspaceId) {
      const zone = await repo.workspaceZone(workspaceId);
      const quarters = quartersToRecompute(clock.now(), zone);
      for (const quarter of quarters) await compute(workspaceId, quarter);
      return quarters.map(quarterKey);
    },
  };
}
