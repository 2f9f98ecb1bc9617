import type { AnswerSince, CheckInDigestRepository } from './okr-check-in-digest.repository.js';
import { confidenceScoreDropAlert } from './okr-scoring.rules.js';
import type { OkrConfidence } from './okrs.types.js';

/** A key result whose confidence dropped two steps, or to off track, in a check-in. */
export interface ConfidenceDrop {
  keyResultId: string;
  keyResultNumber: number;
  keyResultTitle: string;
  departmentId: string;
  cycleOn: string;
  owner: AnswerSince['owner'];
  from: OkrConfidence | null;
  to: OkrConfidence;
  /** 1–10 scores when given on that scale. */
  fromScore: number | null;
  toScore: number | null;
  comment: string | null;
  answeredAt: Date;
}

/** The drops among answers (the same rule as the lead's alert), oldest first. */
export function dropsAmong(answers: readonly AnswerSince[]): ConfidenceDrop[] {
  return answers.flatMap((a) =>
    a.confidence &&
    confidenceScoreDropAlert(
      { confidence: a.previousConfidence, score: a.previousConfidenceScore ?? null },
      { confidence: a.confidence, score: a.confidenceScore ?? null },
    )
      ? [
          {
            keyResultId: a.keyResultId,
            keyResultNumber: a.keyResultNumber,
            keyResultTitle: a.keyResultTitle,
            departmentId: a.departmentId,
            cycleOn: a.cycleOn,
            owner: a.owner,
            from: a.previousConfidence,
            to: a.confidence,
            fromScore: a.previousConfidenceScore ?? null,
            toScore: a.confidenceScore ?? null,
            comment: a.comment,
            answeredAt: a.answeredAt,
          },
        ]
      : [],
  );
}

export type ConfidenceDropsSince = (
  workspaceId: string,
  departmentIds: readonly string[],
  since: Date,
) => Promise<ConfidenceDrop[]>;

/**
 * The port other features read OKR confidence drops through (the joint meeting's pre-read,
 * the managers' digest): drops in these departments' check-ins answered at or after `since`,
 * compared with each key result's confidence in its previous round. Two queries.
 */
export function createConfidenceDropsSince(repo: CheckInDigestRepository): ConfidenceDropsSince {
  return async (workspaceId, departmentIds, since) =>
    dropsAmong(await repo.answersSince(workspaceId, departmentIds, since));
}
