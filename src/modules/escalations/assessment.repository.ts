import type { AssessedAgendaItem } from './agenda-assessment.rules.js';
import type { AssessedActionItem, AssessedEscalation, DepartmentFigures } from './assessment.rules.js';
import type { EscalationStatus, LadderMember, Severity } from './escalations.types.js';

export interface AssessedDepartment {
  id: string;
  nameEn: string;
  nameZh: string;
}

export interface AssessmentSnapshotDto extends DepartmentFigures {
  quarter: string;
  computedAt: Date;
}

/** What the joint assessment and the "escalations I must act on" lists read and store. */
export interface AssessmentRepository {
  workspaceZone(workspaceId: string): Promise<string>;
  activeDepartments(workspaceId: string): Promise<AssessedDepartment[]>;
  /** Escalations created in [from, to) or with a decision in [from, to): events and first decision. */
  escalationsBetween(workspaceId: string, from: Date, to: Date): Promise<AssessedEscalation[]>;
  /** Action items due between the two days (inclusive), with the owner's zone and departments. */
  actionItemsDueBetween(
    workspaceId: string,
    firstDay: string,
    lastDay: string,
    defaultZone: string,
  ): Promise<AssessedActionItem[]>;
  /**
   * Joint meetings' agenda items created before `to` that were created or decided in
   * [from, to), or are deferred (the first items of carried chains).
   */
  agendaItemsBetween(workspaceId: string, from: Date, to: Date): Promise<AssessedAgendaItem[]>;
  /** Upserts one row per department for the quarter, all in one transaction. */
  saveSnapshots(
    workspaceId: string,
    quarter: string,
    figures: readonly DepartmentFigures[],
    computedAt: Date,
  ): Promise<AssessmentSnapshotDto[]>;
  snapshots(workspaceId: string, quarter: string): Promise<AssessmentSnapshotDto[]>;
}

/** An open escalation as the Home tab and the deactivation flag list it. */
export interface OpenEscalation {
  id: string;
  number: number;
  title: string;
  severity: Severity;
  status: EscalationStatus;
  level: number;
  slaDueAt: Date | null;
  raisedByPersonId: string;
  assigneePersonId: string | null;
  departmentIds: string[];
}

/** Open escalations a person is tied to, and everyone on the workspace's ladder. */
export interface OpenEscalationsRepository {
  /**
   * Open escalations the person raised or was handed, or that involve a department they
   * lead, head or are an executive of, or (executives) that reached level 3.
   */
  openCandidatesFor(workspaceId: string, personId: string): Promise<OpenEscalation[]>;
  /**
   * Every LEAD / HEAD / EXECUTIVE membership of the workspace's live departments held by an
   * active person, and by `alsoPersonId` even when deactivated (whose open items are listed).
   */
  workspaceLadder(workspaceId: string, alsoPersonId?: string): Promise<LadderMember[]>;
}
