import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dropsAmong } from '../../../src/modules/okrs/okr-confidence-drops.service.js';
import {
  confidenceDropAlert,
  confidenceOfScore,
  confidenceScoreDropAlert,
  departmentScore,
  keyResultProgress,
  objectiveScore,
  progressBar,
} from '../../../src/modules/okrs/okr-scoring.rules.js';

const metric = (startValue: number, targetValue: number, currentValue: number | null) => ({
  kind: 'METRIC' as const,
  startValue,
  targetValue,
  currentValue,
  direction: targetValue >= startValue ? ('INCREASE' as const) : ('DECREASE' as const),
});

describe('key result progress', () => {
  it('is linear from start to target in either direction', () => {
    expect(keyResultProgress(metric(2.1, 2.6, 2.35))).toBeCloseTo(0.5);
    expect(keyResultProgress(metric(8, 5, 6.5))).toBeCloseTo(0.5); // churn down
    expect(keyResultProgress(metric(8, 5, null))).toBe(0);
    expect(keyResultProgress(metric(8, 5, 4))).toBe(1);
    expect(keyResultProgress(metric(8, 5, 9))).toBe(0);
  });

  it('counts a milestone 0 or 1, and a target equal to its start once reached', () => {
    expect(keyResultProgress({ kind: 'MILESTONE', done: false })).toBe(0);
    expect(keyResultProgress({ kind: 'MILESTONE', done: true })).toBe(1);
    expect(keyResultProgress(metric(5, 5, 5))).toBe(1);
    expect(keyResultProgress({ ...metric(5, 5, 4), direction: 'INCREASE' })).toBe(0);
  });

  const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });

  it('stays within [0, 1] whatever the numbers', () => {
    fc.assert(
      fc.property(finite, finite, finite, (start, target, current) => {
        const p = keyResultProgress(metric(start, target, current));
        return p >= 0 && p <= 1;
      }),
    );
  });

  it('never goes down as the value moves toward the target', () => {
    fc.assert(
      fc.property(finite, finite, finite, finite, (start, target, a, b) => {
        fc.pre(start !== target);
        const [nearer, further] =
          target > start ? [Math.max(a, b), Math.min(a, b)] : [Math.min(a, b), Math.max(a, b)];
        return (
          keyResultProgress(metric(start, target, nearer)) >=
          keyResultProgress(metric(start, target, further))
        );
      }),
    );
  });
});

describe('objective and department scores', () => {
  it('are weighted means; nothing to score gives no score', () => {
    expect(
      objectiveScore([
        { progress: 1, weight: 3 },
        { progress: 0, weight: 1 },
      ]),
    ).toBeCloseTo(0.75);
    expect(objectiveScore([])).toBeNull();
    expect(departmentScore([{ score: 0.5 }, { score: null }, { score: 1 }])).toBeCloseTo(0.75);
  });

  it('lie between the lowest and highest score they average', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            progress: fc.double({ min: 0, max: 1, noNaN: true }),
            weight: fc.double({ min: 0.1, max: 10, noNaN: true }),
          }),
          { minLength: 1 },
        ),
        (krs) => {
          const score = objectiveScore(krs) ?? -1;
          const values = krs.map((kr) => kr.progress);
          return score >= Math.min(...values) - 1e-9 && score <= Math.max(...values) + 1e-9;
        },
      ),
    );
  });
});

describe('confidence drop alert', () => {
  it('fires on two steps down or a move to off track, not otherwise', () => {
    expect(confidenceDropAlert('ON_TRACK', 'OFF_TRACK')).toBe(true);
    expect(confidenceDropAlert('AT_RISK', 'OFF_TRACK')).toBe(true);
    expect(confidenceDropAlert(null, 'OFF_TRACK')).toBe(true);
    expect(confidenceDropAlert('OFF_TRACK', 'OFF_TRACK')).toBe(false);
    expect(confidenceDropAlert('ON_TRACK', 'AT_RISK')).toBe(false);
    expect(confidenceDropAlert('AT_RISK', 'ON_TRACK')).toBe(false);
    expect(confidenceDropAlert('ON_TRACK', null)).toBe(false);
  });
});

it('draws a ten-cell bar with the percentage', () => {
  expect(progressBar(0.6)).toBe('▓▓▓▓▓▓░░░░ 60%');
  expect(progressBar(2)).toBe('▓▓▓▓▓▓▓▓▓▓ 100%');
});

describe('the 1–10 confidence scale', () => {
  it('maps 8–10 to on track, 4–7 to at risk and 1–3 to off track', () => {
    expect([10, 9, 8, 7, 5, 4, 3, 2, 1].map(confidenceOfScore)).toEqual([
      'ON_TRACK',
      'ON_TRACK',
      'ON_TRACK',
      'AT_RISK',
      'AT_RISK',
      'AT_RISK',
      'OFF_TRACK',
      'OFF_TRACK',
      'OFF_TRACK',
    ]);
  });

  it('alerts on a drop of two points or more, or a move to off track, never on a one-point drop within a step', () => {
    const at = (score: number | null) => ({
      score,
      confidence: score === null ? null : confidenceOfScore(score),
    });
    expect(confidenceScoreDropAlert(at(7), at(4))).toBe(true);
    expect(confidenceScoreDropAlert(at(6), at(4))).toBe(true);
    expect(confidenceScoreDropAlert(at(7), at(6))).toBe(false);
    expect(confidenceScoreDropAlert(at(4), at(3))).toBe(true); // to off track
    expect(confidenceScoreDropAlert(at(4), at(9))).toBe(false);
    expect(confidenceScoreDropAlert(at(null), at(3))).toBe(true);
    expect(confidenceScoreDropAlert(at(null), at(5))).toBe(false);
    // Three-step answers before the switch compare by step.
    expect(confidenceScoreDropAlert({ confidence: 'ON_TRACK', score: null }, at(5))).toBe(false);
  });
});

describe('confidence drops for the digest and meetings on the 1–10 scale', () => {
  const answer = (previousConfidenceScore: number | null, confidenceScore: number) => ({
    keyResultId: 'k1',
    keyResultNumber: 1,
    keyResultTitle: 'Conversion rate',
    departmentId: 'd1',
    cycleOn: '2036-12-08',
    owner: { personId: 'p1', slackUserId: 'U1', displayName: 'Chen' },
    previousConfidence: previousConfidenceScore === null ? null : confidenceOfScore(previousConfidenceScore),
    confidence: confidenceOfScore(confidenceScore),
    previousConfidenceScore,
    confidenceScore,
    comment: null,
    blockers: null,
    answeredAt: new Date('2036-12-08T03:00:00Z'),
  });

  it('counts a drop of two points within a step, with its scores', () => {
    expect(dropsAmong([answer(7, 5)])).toEqual([
      expect.objectContaining({ from: 'AT_RISK', to: 'AT_RISK', fromScore: 7, toScore: 5 }),
    ]);
    expect(dropsAmong([answer(7, 6), answer(null, 9)])).toEqual([]);
  });
});
