import { describe, expect, it } from 'vitest';
import {
  cleanFields,
  fieldProblems,
  permissionFor,
  planRoster,
  rosterConflicts,
  slugify,
} from '../../../src/modules/departments/departments.rules.js';
import type {
  DepartmentMemberDto,
  DepartmentPlan,
} from '../../../src/modules/departments/departments.types.js';
import type { Role } from '../../../src/modules/people/person.types.js';

const member = (slackUserId: string, role: Role): DepartmentMemberDto => ({
  personId: `P-${slackUserId}`,
  slackUserId,
  displayName: slackUserId,
  realName: null,
  email: null,
  role,
});

const department = {
  id: 'd1',
  workspaceId: 'w1',
  key: 'tech',
  nameEn: 'Tech',
  nameZh: '技术',
  description: null,
  slackChannelId: null,
  locale: null,
  archivedAt: null,
};

describe('slugify', () => {
  it('makes a key from a name: lower-case, hyphens, accents dropped', () => {
    expect(slugify('Supply Chain')).toBe('supply-chain');
    expect(slugify('  Café R&D!! ')).toBe('cafe-r-d');
    expect(slugify('Legal & Compliance')).toBe('legal-compliance');
  });

  it('gives a name with no Latin letters a stable key', () => {
    expect(slugify('供应链')).toMatch(/^dept-[0-9a-f]{6}$/);
    expect(slugify('供应链')).toBe(slugify('供应链'));
    expect(slugify('供应链')).not.toBe(slugify('仓储物流'));
  });
});

describe('fieldProblems', () => {
  it('asks a new department for a valid key and both names, all at once', () => {
    expect(
      fieldProblems(cleanFields({ key: 'Bad Key', nameEn: ' ', nameZh: '' }), 'create').map((p) => p.field),
    ).toEqual(['key', 'nameEn', 'nameZh']);
    expect(fieldProblems(cleanFields({ key: 'Growth', nameEn: 'Growth', nameZh: '增长' }), 'create')).toEqual(
      [],
    );
  });

  it('checks only what an edit sets, and never lets a name be blanked', () => {
    expect(fieldProblems({ description: 'x' }, 'update')).toEqual([]);
    expect(fieldProblems({ nameZh: '' }, 'update').map((p) => p.field)).toEqual(['nameZh']);
    expect(fieldProblems({ key: '-tech' }, 'update').map((p) => p.field)).toEqual(['key']);
    expect(fieldProblems({ description: 'x'.repeat(501) }, 'update').map((p) => p.field)).toEqual([
      'description',
    ]);
  });

  it('accepts a channel language of en, zh-CN or none, and nothing else', () => {
    expect(fieldProblems(cleanFields({ locale: 'zh-CN' }), 'update')).toEqual([]);
    expect(fieldProblems(cleanFields({ locale: 'en' }), 'update')).toEqual([]);
    expect(fieldProblems(cleanFields({ locale: ' ' }), 'update')).toEqual([]);
    expect(fieldProblems({ locale: 'fr' }, 'update')).toEqual([
      { field: 'locale', message: { key: 'departments.errors.languageInvalid', params: { language: 'fr' } } },
    ]);
  });
});

describe('planRoster', () => {
  const current = [member('U1', 'LEAD'), member('U2', 'MEMBER'), member('U3', 'EXECUTIVE')];

  it('adds, changes roles and removes only within the roles given', () => {
    expect(planRoster(current, { MEMBER: ['U4', 'U1'] })).toEqual([
      { op: 'add', slackUserId: 'U4', role: 'MEMBER' },
      { op: 'role', personId: 'P-U1', slackUserId: 'U1', from: 'LEAD', to: 'MEMBER' },
      { op: 'remove', personId: 'P-U2', slackUserId: 'U2', role: 'MEMBER' },
    ]);
  });

  it('plans nothing when the roster matches what is stored', () => {
    expect(planRoster(current, { LEAD: ['U1'], MEMBER: ['U2'], EXECUTIVE: ['U3'], HEAD: [] })).toEqual([]);
  });

  it('finds people listed in two roles', () => {
    expect(rosterConflicts({ LEAD: ['U1'], MEMBER: ['U2', 'U1'] })).toEqual(['U1']);
  });
});

describe('permissionFor', () => {
  const update = (set: object, memberships: DepartmentPlan['memberships']): DepartmentPlan => ({
    target: { kind: 'update', department, set },
    memberships,
  });

  it('lets a lead change the description and plain members', () => {
    expect(
      permissionFor(
        update({ description: 'New' }, [
          { op: 'add', slackUserId: 'U9', role: 'MEMBER' },
          { op: 'remove', personId: 'P', slackUserId: 'U8', role: 'MEMBER' },
        ]),
      ),
    ).toBe('departments.edit');
  });

  it('keeps names, keys, channels, archiving, other roles and new departments for admins', () => {
    expect(permissionFor(update({ nameEn: 'X' }, []))).toBe('departments.manage');
    expect(permissionFor(update({ archivedAt: new Date() }, []))).toBe('departments.manage');
    expect(permissionFor(update({}, [{ op: 'add', slackUserId: 'U9', role: 'LEAD' }]))).toBe(
      'departments.manage',
    );
    expect(
      permissionFor(
        update({}, [{ op: 'role', personId: 'P', slackUserId: 'U1', from: 'LEAD', to: 'MEMBER' }]),
      ),
    ).toBe('departments.manage');
    expect(
      permissionFor({
        target: {
          kind: 'create',
          fields: {
            key: 'x',
            nameEn: 'X',
            nameZh: 'X',
            description: null,
            slackChannelId: null,
            locale: null,
          },
        },
        memberships: [],
      }),
    ).toBe('departments.manage');
  });
});
