import type { AccessObject, AccessSubject, Permission, WorkspaceRole } from './access.types.js';

/** Leads and heads both lead their department; heads are the ladder's second rung. */
export function leadsDepartment(subject: AccessSubject, departmentId: string): boolean {
  return subject.memberships.some(
    (m) => m.departmentId === departmentId && (m.role === 'LEAD' || m.role === 'HEAD'),
  );
}

export function isExecutive(subject: AccessSubject): boolean {
  return subject.memberships.some((m) => m.role === 'EXECUTIVE');
}

export function isLeadAnywhere(subject: AccessSubject): boolean {
  return subject.memberships.some((m) => m.role === 'LEAD' || m.role === 'HEAD');
}

/** Every role the subject holds, most powerful first. Everyone is a member. */
export function rolesOf(subject: AccessSubject): WorkspaceRole[] {
  const roles: WorkspaceRole[] = [];
  if (subject.isAdmin) roles.push('admin');
  if (isExecutive(subject)) roles.push('executive');
  if (isLeadAnywhere(subject)) roles.push('lead');
  roles.push('member');
  return roles;
}

/**
 * The one table of who may do what. Admins may do everything; a lead may edit their own
 * department (members, description); leads and executives read the joint reports.
 */
export function isAllowed(
  subject: AccessSubject,
  permission: Permission,
  object: AccessObject = {},
): boolean {
  if (subject.isAdmin) return true;
  switch (permission) {
    case 'departments.edit':
      return object.departmentId !== undefined && leadsDepartment(subject, object.departmentId);
    case 'action_items.manage':
    case 'kpis.edit':
      return object.departmentId !== undefined && leadsDepartment(subject, object.departmentId);
    case 'okrs.edit':
      return object.departmentId !== undefined
        ? leadsDepartment(subject, object.departmentId)
        : isExecutive(subject);
    case 'kpis.record':
      return subject.memberships.some((m) => m.departmentId === object.departmentId);
    case 'report.read':
      return isExecutive(subject) || isLeadAnywhere(subject);
    case 'departments.manage':
    case 'departments.import':
    case 'setup.demo':
    case 'directory.sync':
    case 'admins.manage':
    case 'audit.read':
    case 'export.workspace':
    case 'ai.status':
    case 'kpis.tokens':
    case 'okrs.settings':
      return false;
  }
}
