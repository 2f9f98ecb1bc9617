import { describe, expect, it } from 'vitest';
import type { AccessSubject } from '../../../src/modules/access/access.types.js';
import type { AuditEntry } from '../../../src/modules/audit/audit.types.js';
import type { ExportRepository } from '../../../src/modules/export/export.repository.js';
import { createExportService, WORKSPACE_HISTORY_DAYS } from '../../../src/modules/export/export.service.js';
import type {
  ExportLimits,
  ExportPerson,
  ExportRow,
  ExportSection,
} from '../../../src/modules/export/export.types.js';
import { fixedClock } from '../../fakes/fixed-clock.js';

const workspace = { id: 'W1', name: 'Acme', slackTeamId: 'T1' };
const subject: AccessSubject = {
  workspaceId: 'W1',
  personId: 'P1',
  slackUserId: 'U1',
  isAdmin: true,
  memberships: [],
};

function fakeRepo(recorded: AuditEntry[] = []): ExportRepository {
  return {
    workspace: async () => workspace,
    person: async (id) => (id === 'P1' ? { id, slackUserId: 'U1', workspace } : null),
    recordExport: async (entry) => {
      recorded.push(entry);
    },
  };
}

/** A table whose source returns the given rows and remembers what it was asked with. */
function section(
  table: string,
  rows: ExportRow[],
  seen: { person?: ExportPerson; limits?: ExportLimits } = {},
  extra: Partial<ExportSection['person']> & { ownRecordIds?: string[] } = {},
): ExportSection {
  const { ownRecordIds, ...personExtra } = extra;
  return {
    models: [table],
    person: {
      table,
      columns: ['n'],
      ...personExtra,
      async rows(person, limits) {
        seen.person = person;
        seen.limits = limits;
        return { rows, ownRecordIds };
      },
    },
    workspace: {
      table,
      columns: ['n'],
      async rows(_workspaceId, limits) {
        seen.limits = limits;
        return { rows };
      },
    },
  };
}

function service(sections: ExportSection[], recorded: AuditEntry[] = []) {
  return createExportService({
    repo: fakeRepo(recorded),
    sections,
    clock: fixedClock('2026-05-01T12:00:00Z'),
    authorization: { require: async () => {} },
    maxRowsPerTable: 2,
  });
}

describe('export service over sections', () => {
  it('lists the sections’ tables in order, cuts a table at the cap and says so', async () => {
    const recorded: AuditEntry[] = [];
    const result = await service(
      [section('first', [{ n: 1 }]), section('second', [{ n: 3 }, { n: 2 }, { n: 1 }])],
      recorded,
    ).create(subject, { scope: 'workspace', format: 'json' });

    const document = JSON.parse(result.files[0]?.content ?? '');
    expect(Object.keys(document.tables)).toEqual(['first', 'second']);
    expect(document.tables.second).toEqual([{ n: 3 }, { n: 2 }]);
    expect(result.truncatedTables).toEqual(['second']);
    expect(result.rowCounts).toEqual({ first: 1, second: 2 });
    expect(recorded[0]?.after).toMatchObject({ truncatedTables: ['second'] });
  });

  it('bounds workspace history by the window and a person’s export not at all', async () => {
    const seen: { limits?: ExportLimits } = {};
    const exports = service([section('t', [], seen)]);
    await exports.create(subject, { scope: 'workspace', format: 'json' });
    expect(seen.limits).toEqual({
      since: new Date(Date.parse('2026-05-01T12:00:00Z') - WORKSPACE_HISTORY_DAYS * 86_400_000),
      maxRowsPerTable: 2,
    });
    await exports.create(subject, { scope: 'person', format: 'json' });
    expect(seen.limits).toEqual({ since: null, maxRowsPerTable: 2 });
  });

  it('tells a source that reads own records which records the other sections exported as the person’s', async () => {
    const audit: { person?: ExportPerson } = {};
    const early: { person?: ExportPerson } = {};
    await service([
      section('audit', [], audit, { readsOwnRecords: true }),
      section('absences', [{ n: 1 }], early, { ownRecordIds: ['A1'] }),
      section('escalations', [{ n: 1 }], {}, { ownRecordIds: ['E1', 'E2'] }),
    ]).create(subject, { scope: 'person', format: 'json' });

    expect(early.person).toMatchObject({ id: 'P1', slackUserId: 'U1', workspaceId: 'W1' });
    expect([...(early.person?.ownRecordIds ?? [])]).toEqual([]);
    expect([...(audit.person?.ownRecordIds ?? [])].sort()).toEqual(['A1', 'E1', 'E2']);
  });

  it('refuses two sections that write the same table in one scope', () => {
    expect(() => service([section('memberships', []), section('memberships', [])])).toThrow(
      "two export sections write the workspace table 'memberships'",
    );
  });

  it('answers an unknown person with a clear error', async () => {
    await expect(
      service([section('t', [])]).create(
        { ...subject, personId: 'P404' },
        { scope: 'person', format: 'json' },
      ),
    ).rejects.toMatchObject({ code: 'person.not_found' });
  });
});
