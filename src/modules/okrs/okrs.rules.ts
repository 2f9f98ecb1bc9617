import { DomainError } from '../shared/domain-error.types.js';
import { departmentScore, keyResultProgress, objectiveScore } from './okr-scoring.rules.js';
import type {
  KeyResultDto,
  NewKeyResultInput,
  ObjectiveDto,
  ScoredKeyResult,
  ScoredObjective,
} from './okrs.types.js';

export const MAX_TITLE_LENGTH = 200;
export const MAX_UNIT_LENGTH = 16;

export function checkTitle(title: string, field: string): void {
  const trimmed = title.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_TITLE_LENGTH)
    throw new DomainError(
      'okr.bad_title',
      { key: 'okrs.errors.badTitle', params: { max: String(MAX_TITLE_LENGTH) } },
      { field },
    );
}

/**
 * A metric key result needs a start and a target (finite numbers); its direction is where
 * the target lies from the start. A milestone needs neither.
 */
export function checkKeyResult(kr: NewKeyResultInput): void {
  checkTitle(kr.title, 'kr_title');
  if ((kr.unit ?? '').length > MAX_UNIT_LENGTH)
    throw new DomainError(
      'okr.bad_unit',
      { key: 'okrs.errors.badUnit', params: { max: String(MAX_UNIT_LENGTH) } },
      { field: 'unit' },
    );
  if (kr.kind === 'MILESTONE') return;
  for (const [field, value] of [
    ['start', kr.startValue],
    ['target', kr.targetValue],
  ] as const)
    if (value === null || value === undefined || !Number.isFinite(value))
      throw new DomainError('okr.bad_number', { key: 'okrs.errors.badNumber' }, { field });
  if (kr.startValue === kr.targetValue)
    throw new DomainError('okr.same_target', { key: 'okrs.errors.sameTarget' }, { field: 'target' });
}

/** Reads a number as people type it: "2.6", "2.6%", "1,200", "１２" stays invalid. */
export function parseNumber(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const cleaned = text
    .trim()
    .replace(/[,，\s]/g, '')
    .replace(/%$/, '');
  if (cleaned === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  return Number(cleaned);
}

export function scoreKeyResult(kr: KeyResultDto): ScoredKeyResult {
  const progress =
    kr.kind === 'MILESTONE' || kr.startValue === null || kr.targetValue === null
      ? keyResultProgress({ kind: 'MILESTONE', done: kr.done })
      : keyResultProgress({
          kind: 'METRIC',
          startValue: kr.startValue,
          targetValue: kr.targetValue,
          currentValue: kr.currentValue,
          direction: kr.direction,
        });
  return { ...kr, progress };
}

export function scoreObjective(objective: ObjectiveDto): ScoredObjective {
  const keyResults = objective.keyResults.map(scoreKeyResult);
  return { ...objective, keyResults, score: objectiveScore(keyResults), children: [] };
}

/** A department's score over its own objectives (company objectives are not a department's). */
export function scoreDepartment(objectives: readonly ScoredObjective[]): number | null {
  return departmentScore(objectives.map((o) => ({ score: o.score, weight: o.weight })));
}

/** "O-12", "o12", "12" → 12. */
export function parseObjectiveId(text: string): number | null {
  const match = /^(?:o-?)?(\d{1,9})$/i.exec(text.trim());
  return match ? Number(match[1]) : null;
}
