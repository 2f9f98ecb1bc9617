import type { MessageKey, MessageParams } from '../../i18n/catalog.js';
import { isAllowed } from '../access/access.rules.js';
import type { AccessSubject } from '../access/access.types.js';
import { parseCsv } from '../shared/csv.parser.js';
import { DomainError } from '../shared/domain-error.types.js';
import type { ImportedObjective, ImportPlan, OkrImportRepository } from './okr-import.repository.js';
import type { OkrsRepository } from './okrs.repository.js';
import { MAX_TITLE_LENGTH, MAX_UNIT_LENGTH, parseNumber, parseObjectiveId } from './okrs.rules.js';
import type { NewKeyResultInput, OkrPeriodDto } from './okrs.types.js';

export const OKR_IMPORT_COLUMNS = [
  'objective',
  'level',
  'parent',
  'objective_title',
  'kr',
  'kr_title',
  'kind',
  'owner',
  'start',
  'target',
  'unit',
  'kpi',
] as const;
export const OKR_IMPORT_MAX_ROWS = 500;
const KEY = /^[A-Za-z0-9_-]{1,40}$/;
const COMPANY = 'company';

export interface RejectedOkrRow {
  line: number;
  reason: { key: MessageKey; params?: MessageParams };
}

export interface OkrImportOutcome {
  period: string;
  createdObjectives: number;
  createdKeyResults: number;
  updated: number;
  unchanged: number;
  /** Non-empty: nothing was written. */
  rejected: RejectedOkrRow[];
}

const sameKr = (a: ImportedObjective['keyResults'][number], b: NewKeyResultInput) =>
  a.title === b.title &&
  a.kind === b.kind &&
  (a.unit ?? null) === (b.kind === 'METRIC' ? (b.unit ?? null) : (b.unit ?? null)) &&
  (a.startValue ?? null) === (b.startValue ?? null) &&
  (a.targetValue ?? null) === (b.targetValue ?? null) &&
  a.ownerPersonId === b.ownerPersonId &&
  (a.kpiId ?? null) === (b.kpiId ?? null);

/**
 * `/okr import`: a whole quarter as CSV, one key result per line. Every line is checked
 * first; one bad line and nothing is written (each bad line comes back with its reason).
 * Objectives and key results are found again by their keys, so importing the same file
 * twice changes nothing and a changed line updates what it names. One transaction.
 */
export function createOkrImportService(deps: { repo: OkrImportRepository; okrs: OkrsRepository }) {
  return {
    async importCsv(actor: AccessSubject, period: OkrPeriodDto, text: string): Promise<OkrImportOutcome> {
      const parsed = parseCsv(text);
      if (!parsed.ok)
        throw new DomainError(
          'okr.import_unclosed_quote',
          { key: 'okrs.import.unclosedQuote', params: { line: parsed.line } },
          { field: 'csv' },
        );
      const rows = parsed.rows.filter(
        (row, index) => !(index === 0 && row.fields[0]?.trim().toLowerCase() === OKR_IMPORT_COLUMNS[0]),
      );
      if (rows.length === 0)
        throw new DomainError('okr.import_empty', { key: 'okrs.import.empty' }, { field: 'csv' });
      if (rows.length > OKR_IMPORT_MAX_ROWS)
        throw new DomainError(
          'okr.import_too_many',
          { key: 'okrs.import.tooManyRows', params: { max: OKR_IMPORT_MAX_ROWS } },
          { field: 'csv' },
        );
      const cells = rows.map(({ line, fields }) => ({ line, fields: fields.map((f) => f.trim()) }));
      const column = (fields: string[], name: (typeof OKR_IMPORT_COLUMNS)[number]) =>
        fields[OKR_IMPORT_COLUMNS.indexOf(name)] ?? '';
      const [departments, people, kpis, existing] = await Promise.all([
        deps.repo.departmentIdsByKey(actor.workspaceId, [
          ...new Set(cells.map((c) => column(c.fields, 'level').toLowerCase()).filter((l) => l !== COMPANY)),
        ]),
        deps.repo.peopleByRef(actor.workspaceId, [
          ...new Set(cells.map((c) => column(c.fields, 'owner')).filter(Boolean)),
        ]),
        deps.okrs.kpiIdsByKey(actor.workspaceId, [
          ...new Set(cells.map((c) => column(c.fields, 'kpi').toLowerCase()).filter(Boolean)),
        ]),
        deps.repo.objectivesOf(actor.workspaceId, period.id),
      ]);
      const byKey = new Map(existing.filter((o) => o.importKey).map((o) => [o.importKey as string, o]));
      const companyKeysInFile = new Set(
        cells
          .filter((c) => column(c.fields, 'level').toLowerCase() === COMPANY)
          .map((c) => column(c.fields, 'objective')),
      );
      const rejected: RejectedOkrRow[] = [];
      const objectives = new Map<string, ImportPlan['objectives'][number] & { line: number }>();
      const keyResults = new Map<string, ImportPlan['keyResults'][number] & { line: number }>();
      let unchanged = 0;
      let updated = 0;

      for (const { line, fields } of cells) {
        const reject = (key: MessageKey, params?: MessageParams) =>
          rejected.push({ line, reason: { key, params } });
        if (fields.length < 8 || fields.length > OKR_IMPORT_COLUMNS.length) {
          reject('okrs.import.reasons.columns');
          continue;
        }
        const get = (name: (typeof OKR_IMPORT_COLUMNS)[number]) => column(fields, name);
        const objectiveKey = get('objective');
        const krKey = get('kr');
        const badKey = [objectiveKey, krKey].find((k) => !KEY.test(k));
        if (badKey !== undefined) {
          reject('okrs.import.reasons.badKey', { key: badKey });
          continue;
        }
        const level = get('level').toLowerCase();
        const departmentId = level === COMPANY ? null : (departments.get(level) ?? undefined);
        if (departmentId === undefined) {
          reject('okrs.import.reasons.unknownLevel', { level: get('level') });
          continue;
        }
        if (!actor.isAdmin && !isAllowed(actor, 'okrs.edit', departmentId ? { departmentId } : {})) {
          reject('okrs.import.reasons.notAllowed', { level: get('level') });
          continue;
        }
        const parentText = get('parent');
        let parent: ImportPlan['objectives'][number]['parent'] = null;
        if (parentText) {
          if (departmentId === null) {
            reject('okrs.import.reasons.companyParent');
            continue;
          }
          const number = /^o-?\d+$/i.test(parentText) ? parseObjectiveId(parentText) : null;
          const byNumber = number
            ? existing.find((o) => o.number === number && o.departmentId === null)
            : undefined;
          const byImportKey = byKey.get(parentText);
          if (companyKeysInFile.has(parentText)) parent = { key: parentText };
          else if (byNumber) parent = { id: byNumber.id };
          else if (byImportKey && byImportKey.departmentId === null) parent = { id: byImportKey.id };
          else {
            reject('okrs.import.reasons.badParent', { parent: parentText });
            continue;
          }
        }
        const objectiveTitle = get('objective_title');
        const krTitle = get('kr_title');
        const badTitle = (
          [
            ['objective_title', objectiveTitle],
            ['kr_title', krTitle],
          ] as const
        ).find(([, t]) => t.length === 0 || t.length > MAX_TITLE_LENGTH);
        if (badTitle) {
          reject('okrs.import.reasons.badTitle', { what: badTitle[0], max: MAX_TITLE_LENGTH });
          continue;
        }
        const kindText = get('kind').toLowerCase();
        const kind = kindText === 'metric' ? 'METRIC' : kindText === 'milestone' ? 'MILESTONE' : null;
        if (!kind) {
          reject('okrs.import.reasons.badKind', { kind: get('kind') });
          continue;
        }
        const ownerRef = get('owner');
        const ownerPersonId = people.get(ownerRef) ?? people.get(ownerRef.toLowerCase());
        if (!ownerPersonId) {
          reject('okrs.import.reasons.unknownOwner', { owner: ownerRef });
          continue;
        }
        const unit = get('unit');
        if (unit.length > MAX_UNIT_LENGTH) {
          reject('okrs.import.reasons.badUnit', { max: MAX_UNIT_LENGTH });
          continue;
        }
        const kpiKey = get('kpi').toLowerCase();
        let startValue: number | null = null;
        let targetValue: number | null = null;
        let kpiId: string | null = null;
        if (kind === 'METRIC') {
          const numbers = (['start', 'target'] as const).map((field) => ({
            field,
            text: get(field),
            value: parseNumber(get(field)),
          }));
          const missing = numbers.find((n) => n.text === '');
          if (missing) {
            reject('okrs.import.reasons.missingNumber');
            continue;
          }
          const bad = numbers.find((n) => n.value === null);
          if (bad) {
            reject('okrs.import.reasons.badNumber', { field: bad.field, value: bad.text });
            continue;
          }
          startValue = numbers[0]?.value ?? null;
          targetValue = numbers[1]?.value ?? null;
          if (startValue === targetValue) {
            reject('okrs.import.reasons.sameTarget');
            continue;
          }
          if (kpiKey) {
            kpiId = kpis.get(kpiKey) ?? null;
            if (!kpiId) {
              reject('okrs.import.reasons.unknownKpi', { kpi: get('kpi') });
              continue;
            }
          }
        } else if (kpiKey) {
          reject('okrs.import.reasons.kpiOnMilestone');
          continue;
        }

        // The objective: the same on every line that names it, and not moved to another level.
        const seen = objectives.get(objectiveKey);
        if (seen) {
          const parentSame = JSON.stringify(seen.parent) === JSON.stringify(parent);
          if (seen.departmentId !== departmentId || seen.title !== objectiveTitle || !parentSame) {
            reject('okrs.import.reasons.objectiveDiffers', { key: objectiveKey, line: seen.line });
            continue;
          }
        } else {
          const stored = byKey.get(objectiveKey);
          if (stored && stored.departmentId !== departmentId) {
            reject('okrs.import.reasons.levelChanged', { key: objectiveKey });
            continue;
          }
          objectives.set(objectiveKey, {
            line,
            key: objectiveKey,
            existingId: stored?.id ?? null,
            departmentId,
            parent,
            title: objectiveTitle,
          });
        }
        const id = `${objectiveKey}/${krKey}`;
        const twice = keyResults.get(id);
        if (twice) {
          reject('okrs.import.reasons.duplicateKr', { key: objectiveKey, kr: krKey, line: twice.line });
          continue;
        }
        const input: NewKeyResultInput = {
          title: krTitle,
          kind,
          unit: unit || null,
          direction:
            startValue !== null && targetValue !== null && targetValue < startValue ? 'DECREASE' : 'INCREASE',
          startValue,
          targetValue,
          ownerPersonId,
          kpiId,
        };
        const storedKr = byKey.get(objectiveKey)?.keyResults.find((k) => k.importKey === krKey);
        keyResults.set(id, { line, objectiveKey, key: krKey, existingId: storedKr?.id ?? null, input });
      }
      if (rejected.length > 0)
        return {
          period: period.key,
          createdObjectives: 0,
          createdKeyResults: 0,
          updated: 0,
          unchanged: 0,
          rejected,
        };

      // What changes: new ones, and stored ones whose line differs; the rest is left alone.
      const plan: ImportPlan = { objectives: [], keyResults: [] };
      for (const o of objectives.values()) {
        const stored = o.existingId ? byKey.get(o.key) : undefined;
        const parentId =
          o.parent && 'id' in o.parent ? o.parent.id : o.parent ? byKey.get(o.parent.key)?.id : null;
        const same = stored && stored.title === o.title && (stored.parentId ?? null) === (parentId ?? null);
        if (same) unchanged++;
        else if (stored) updated++;
        const { line: _line, ...entry } = o;
        plan.objectives.push({ ...entry, unchanged: Boolean(same) }); // every objective is in the plan, so its key results find it
      }
      for (const kr of keyResults.values()) {
        const stored = kr.existingId
          ? byKey.get(kr.objectiveKey)?.keyResults.find((k) => k.id === kr.existingId)
          : undefined;
        if (stored && sameKr(stored, kr.input)) {
          unchanged++;
          continue;
        }
        if (stored) updated++;
        const { line: _line, ...entry } = kr;
        plan.keyResults.push(entry);
      }
      const createdObjectives = plan.objectives.filter((o) => o.existingId === null).length;
      const createdKeyResults = plan.keyResults.filter((k) => k.existingId === null).length;
      if (createdObjectives + createdKeyResults + updated > 0) await deps.repo.apply(actor, period.id, plan);
      return { period: period.key, createdObjectives, createdKeyResults, updated, unchanged, rejected };
    },
  };
}

export type OkrImportService = ReturnType<typeof createOkrImportService>;
