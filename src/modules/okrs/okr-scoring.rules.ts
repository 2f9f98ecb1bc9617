import type { OkrConfidence, OkrDirection } from './okrs.types.js';

/*
 * How far along a key result, an objective and a department are, as a number in [0, 1]:
 *
 * - A metric key result moves linearly from its start to its target, in either direction
 *   (for "churn 8% → 5%" a value of 6.5% is half way), clamped to [0, 1]: overshooting the
 *   target counts as done, falling behind the start as nothing. No current value yet counts
 *   as the start. A target equal to its start is done once the value reaches it.
 * - A milestone is 0 or 1.
 * - An objective is the weighted mean of its key results (weights > 0; a missing weight
 *   counts 1); an objective with no key result has no score (null), not 0.
 * - A department is the weighted mean of its objectives that have a score.
 */

export interface MetricProgressInput {
  kind: 'METRIC';
  startValue: number;
  targetValue: number;
  currentValue: number | null;
  direction: OkrDirection;
}

export interface MilestoneProgressInput {
  kind: 'MILESTONE';
  done: boolean;
}

export type ProgressInput = MetricProgressInput | MilestoneProgressInput;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export function keyResultProgress(kr: ProgressInput): number {
  if (kr.kind === 'MILESTONE') return kr.done ? 1 : 0;
  const current = kr.currentValue ?? kr.startValue;
  const span = kr.targetValue - kr.startValue;
  if (span === 0) {
    const reached = kr.direction === 'INCREASE' ? current >= kr.targetValue : current <= kr.targetValue;
    return reached ? 1 : 0;
  }
  return clamp01((current - kr.startValue) / span);
}

/** The weighted mean of the scored items; null when none has a score. */
export function weightedMean(items: readonly { score: number | null; weight?: number }[]): number | null {
  let total = 0;
  let weights = 0;
  for (const item of items) {
    if (item.score === null) continue;
    const weight = item.weight !== undefined && item.weight > 0 ? item.weight : 1;
    total += item.score * weight;
    weights += weight;
  }
  return weights === 0 ? null : total / weights;
}

export function objectiveScore(keyResults: readonly { progress: number; weight?: number }[]): number | null {
  return weightedMean(keyResults.map((kr) => ({ score: kr.progress, weight: kr.weight ?? 1 })));
}

export function departmentScore(
  objectives: readonly { score: number | null; weight?: number }[],
): number | null {
  return weightedMean(objectives);
}

/** Whether a metric direction agrees with its numbers: "increase" needs target ≥ start. */
export function directionFits(direction: OkrDirection, start: number, target: number): boolean {
  return direction === 'INCREASE' ? target >= start : target <= start;
}

/** A text bar of ten cells, e.g. `▓▓▓▓▓▓░░░░ 60%`. */
export function progressBar(progress: number, cells = 10): string {
  const filled = Math.round(clamp01(progress) * cells);
  return `${'▓'.repeat(filled)}${'░'.repeat(cells - filled)} ${Math.round(clamp01(progress) * 100)}%`;
}

/** Confidence levels best first; a step is one place down this list. */
export const CONFIDENCE_ORDER: readonly OkrConfidence[] = ['ON_TRACK', 'AT_RISK', 'OFF_TRACK'];

/**
 * The owner's lead hears of a confidence drop of two steps or more, or a move to off track
 * (from anything better, or from no earlier answer).
 */
export function confidenceDropAlert(previous: OkrConfidence | null, next: OkrConfidence | null): boolean {
  if (next === null) return false;
  if (next === 'OFF_TRACK') return previous !== 'OFF_TRACK';
  if (previous === null) return false;
  return CONFIDENCE_ORDER.indexOf(next) - CONFIDENCE_ORDER.indexOf(previous) >= 2;
}

/** How check-ins ask for confidence (a workspace setting). */
export type ConfidenceScale = 'three-step' | '1-10';
export const CONFIDENCE_SCALES: readonly ConfidenceScale[] = ['three-step', '1-10'];

export function isConfidenceScale(value: string): value is ConfidenceScale {
  return (CONFIDENCE_SCALES as readonly string[]).includes(value);
}

/** A 1–10 score on the three steps everything else reasons in: 8–10 on track, 4–7 at risk, 1–3 off track. */
export function confidenceOfScore(score: number): OkrConfidence {
  if (score >= 8) return 'ON_TRACK';
  if (score >= 4) return 'AT_RISK';
  return 'OFF_TRACK';
}

export function isConfidenceScore(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 10;
}

/**
 * The lead's alert with scores: on the 1–10 scale a drop of two points or more also alerts
 * (besides the three-step rule on the mapped steps: a score of 3 or less is off track).
 */
export function confidenceScoreDropAlert(
  previous: { confidence: OkrConfidence | null; score: number | null },
  next: { confidence: OkrConfidence | null; score: number | null },
): boolean {
  if (confidenceDropAlert(previous.confidence, next.confidence)) return true;
  return previous.score !== null && next.score !== null && previous.score - next.score >= 2;
}
