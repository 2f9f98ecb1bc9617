import type { SlackProfile } from '../people/person.types.js';
import type { DepartmentPlan, DepartmentWithMembers } from './departments.types.js';

export interface KnownPerson {
  personId: string;
  slackUserId: string;
  email: string | null;
}

export interface DepartmentsRepository {
  /** Departments with their members, by key; archived ones only when asked. */
  list(workspaceId: string, options: { includeArchived: boolean }): Promise<DepartmentWithMembers[]>;
  findByKey(workspaceId: string, key: string): Promise<DepartmentWithMembers | null>;
  /** Null also when the id belongs to another workspace. */
  findById(workspaceId: string, departmentId: string): Promise<DepartmentWithMembers | null>;
  /** People Liaison knows among these Slack user ids. */
  peopleBySlackIds(workspaceId: string, slackUserIds: readonly string[]): Promise<KnownPerson[]>;
  /** Active people whose stored email matches one of these (compared case-insensitively). */
  peopleByEmails(workspaceId: string, emails: readonly string[]): Promise<KnownPerson[]>;
  /**
   * In ONE transaction: creates the people Liaison did not know yet, then applies each plan
   * (department created or updated, memberships added, changed or removed), with an audit
   * row for every change. Throws DomainError 'department.key_taken' (field `key`) when a key
   * is already used; nothing is written then. Returns the affected departments' ids in
   * plan order and the ids of the people whose memberships changed.
   */
  applyPlans(input: {
    workspaceId: string;
    actorSlackId: string;
    newPeople: readonly SlackProfile[];
    plans: readonly DepartmentPlan[];
  }): Promise<{ departmentIds: string[]; changedPersonIds: string[] }>;
}
