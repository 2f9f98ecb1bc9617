import { describe, expect, it } from 'vitest';
import { isAllowed, leadsDepartment, rolesOf } from '../../../src/modules/access/access.rules.js';
import type { AccessSubject, Permission } from '../../../src/modules/access/access.types.js';
import type { Role } from '../../../src/modules/people/person.types.js';

function subject(isAdmin: boolean, memberships: [string, Role][] = []): AccessSubject {
  return {
    workspaceId: 'W1',
    personId: 'P1',
    slackUserId: 'U1',
    isAdmin,
    memberships: memberships.map(([departmentId, role]) => ({ departmentId, role })),
  };
}

const ADMIN_ONLY: Permission[] = [
  'departments.manage',
  'departments.import',
  'setup.demo',
  'directory.sync',
  'admins.manage',
  'audit.read',
  'export.workspace',
];

describe('rolesOf', () => {
  it('derives every role the person holds, most powerful first; everyone is a member', () => {
    expect(rolesOf(subject(false))).toEqual(['member']);
    expect(rolesOf(subject(false, [['d1', 'MEMBER']]))).toEqual(['member']);
    expect(rolesOf(subject(false, [['d1', 'LEAD']]))).toEqual(['lead', 'member']);
    expect(rolesOf(subject(false, [['d1', 'HEAD']]))).toEqual(['lead', 'member']);
    expect(
      rolesOf(
        subject(false, [
          ['d1', 'EXECUTIVE'],
          ['d2', 'LEAD'],
        ]),
      ),
    ).toEqual(['executive', 'lead', 'member']);
    expect(rolesOf(subject(true, [['d1', 'LEAD']]))).toEqual(['admin', 'lead', 'member']);
  });
});

describe('isAllowed', () => {
  it('lets admins do everything, in any department', () => {
    for (const permission of [...ADMIN_ONLY, 'departments.edit', 'report.read'] as Permission[])
      expect(isAllowed(subject(true), permission, { departmentId: 'any' }), permission).toBe(true);
  });

  it('keeps admin-only actions from leads, heads, executives and members', () => {
    const everyoneElse = [
      subject(false),
      subject(false, [['d1', 'LEAD']]),
      subject(false, [['d1', 'HEAD']]),
      subject(false, [['d1', 'EXECUTIVE']]),
    ];
    for (const who of everyoneElse)
      for (const permission of ADMIN_ONLY)
        expect(isAllowed(who, permission, { departmentId: 'd1' }), permission).toBe(false);
  });

  it("lets a department's lead or head edit that department only", () => {
    expect(isAllowed(subject(false, [['d1', 'LEAD']]), 'departments.edit', { departmentId: 'd1' })).toBe(
      true,
    );
    expect(isAllowed(subject(false, [['d1', 'HEAD']]), 'departments.edit', { departmentId: 'd1' })).toBe(
      true,
    );
    expect(isAllowed(subject(false, [['d1', 'LEAD']]), 'departments.edit', { departmentId: 'd2' })).toBe(
      false,
    );
    expect(isAllowed(subject(false, [['d1', 'MEMBER']]), 'departments.edit', { departmentId: 'd1' })).toBe(
      false,
    );
    expect(isAllowed(subject(false, [['d1', 'EXECUTIVE']]), 'departments.edit', { departmentId: 'd1' })).toBe(
      false,
    );
    // No department named: nobody but an admin.
    expect(isAllowed(subject(false, [['d1', 'LEAD']]), 'departments.edit')).toBe(false);
  });

  it('lets leads, heads and executives read the joint reports, not members', () => {
    expect(isAllowed(subject(false, [['d1', 'LEAD']]), 'report.read')).toBe(true);
    expect(isAllowed(subject(false, [['d1', 'HEAD']]), 'report.read')).toBe(true);
    expect(isAllowed(subject(false, [['d1', 'EXECUTIVE']]), 'report.read')).toBe(true);
    expect(isAllowed(subject(false, [['d1', 'MEMBER']]), 'report.read')).toBe(false);
  });

  it('counts a head as leading the department, and a member not', () => {
    expect(leadsDepartment(subject(false, [['d1', 'HEAD']]), 'd1')).toBe(true);
    expect(leadsDepartment(subject(false, [['d1', 'MEMBER']]), 'd1')).toBe(false);
  });
});
