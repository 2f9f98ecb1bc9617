import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.js';
import { FEATURES } from '../../../src/features/features.js';
import type { ExportSection } from '../../../src/modules/export/export.types.js';
import { EXPORT_EXCLUSIONS } from '../../../src/modules/export/export-exclusions.rules.js';

interface SchemaField {
  name: string;
  type: string;
  /** The relation's own foreign key (`@relation(fields: …)`), not the list on the other side. */
  ownsRelation: boolean;
}

/** The models of prisma/schema.prisma with their fields (comments and block attributes skipped). */
function parseSchema(source: string): Map<string, SchemaField[]> {
  const models = new Map<string, SchemaField[]>();
  for (const match of source.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const fields = (match[2] ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('//') && !line.startsWith('@@'))
      .map((line) => {
        const [name = '', type = ''] = line.split(/\s+/);
        return {
          name,
          type: type.replace(/[?[\]]/g, ''),
          ownsRelation: /@relation\([^)]*fields:/.test(line),
        };
      });
    models.set(match[1] ?? '', fields);
  }
  return models;
}

/** A column that holds someone's id: `personId`, `ownerPersonId`, `actorSlackId`, `slackUserId`, `botUserId`… */
const PERSON_COLUMN = /(?:[pP]ersonId|[sS]lackId|UserId)$/;

/**
 * Person references the field names cannot show, found by reading the code that writes them.
 * ProcessedEvent.businessKey is `user_change:<user id>:<time>` (deduplicate-events.middleware.ts).
 */
const INDIRECT_PERSON_REFERENCES: Record<string, string> = {
  ProcessedEvent: 'businessKey holds the Slack user id of a user_change event',
};

function modelsReferringToAPerson(models: Map<string, SchemaField[]>): Map<string, string[]> {
  const referring = new Map<string, string[]>();
  for (const [model, fields] of models) {
    const why = fields
      .filter((f) => (f.type === 'Person' && f.ownsRelation) || PERSON_COLUMN.test(f.name))
      .map((f) => f.name);
    if (model === 'Person') why.unshift('is the person');
    const indirect = INDIRECT_PERSON_REFERENCES[model];
    if (indirect) why.push(indirect);
    if (why.length > 0) referring.set(model, why);
  }
  return referring;
}

/** Models some section's person source reads, i.e. what `/liaison export me` covers. */
function exportedForAPerson(sections: readonly ExportSection[]): Set<string> {
  return new Set(sections.filter((s) => s.person).flatMap((s) => s.models));
}

function uncovered(
  referring: Map<string, string[]>,
  sections: readonly ExportSection[],
  exclusions: Readonly<Record<string, string>>,
): string[] {
  const exported = exportedForAPerson(sections);
  return [...referring]
    .filter(([model]) => !exported.has(model) && !(model in exclusions))
    .map(([model, why]) => `${model} (${why.join(', ')})`);
}

const schema = parseSchema(readFileSync(new URL('../../../prisma/schema.prisma', import.meta.url), 'utf8'));
const referring = modelsReferringToAPerson(schema);
// Every feature's sections, as Liaison composes them. Building them reads nothing: a
// client that is never called is enough.
const sections = FEATURES.flatMap(
  (feature) => feature.exportSections?.({ db: { prisma: {} as Database['prisma'] } as Database }) ?? [],
);

describe('what /liaison export me covers', () => {
  it('finds the models that refer to a person in the schema (the walk itself works)', () => {
    expect(schema.size).toBeGreaterThan(20);
    expect(referring.get('Person')).toEqual(['is the person', 'slackUserId']);
    expect(referring.get('Escalation')).toEqual(
      expect.arrayContaining(['raisedByPersonId', 'raisedBy', 'assigneePersonId', 'proposedByPersonId']),
    );
    expect(referring.get('Decision')).toEqual(['decidedByPersonId']);
    expect(referring.get('AuditEvent')).toEqual(['actorSlackId']);
    // The other side of a relation (Workspace.people) is not a reference; Department is about no one.
    expect(referring.has('Workspace')).toBe(false);
    expect(referring.has('Department')).toBe(false);
  });

  it('exports every model that refers to a person, or lists it in EXPORT_EXCLUSIONS with a reason', () => {
    expect(uncovered(referring, sections, EXPORT_EXCLUSIONS)).toEqual([]);
  });

  it('would fail if a feature forgot its section', () => {
    const withoutActionItems = sections.filter((s) => !s.models.includes('ActionItem'));
    expect(uncovered(referring, withoutActionItems, EXPORT_EXCLUSIONS)).toEqual([
      'ActionItem (ownerPersonId, owner, createdByPersonId)',
    ]);
  });

  it('keeps the lists honest: real models, a reason for each exclusion, none both exported and excluded', () => {
    const named = [...sections.flatMap((s) => s.models), ...Object.keys(EXPORT_EXCLUSIONS)];
    expect(named.filter((model) => !schema.has(model))).toEqual([]);
    const exported = exportedForAPerson(sections);
    for (const [model, reason] of Object.entries(EXPORT_EXCLUSIONS)) {
      expect(exported.has(model), `${model} is exported and excluded`).toBe(false);
      expect(referring.has(model), `${model} is excluded but refers to no person`).toBe(true);
      expect(reason.length, `${model} needs a reason`).toBeGreaterThan(20);
    }
  });

  it('gives each table one section per scope', () => {
    for (const scope of ['person', 'workspace'] as const) {
      const tables = sections.flatMap((s) => (s[scope] ? [s[scope].table] : []));
      expect(new Set(tables).size, `${scope}: ${tables.join(', ')}`).toBe(tables.length);
    }
  });
});
