import type { OkrConfidence } from './okrs.types.js';

/** A check-in round of one department, with who was asked and who answered. */
export interface DigestRound {
  departmentId: string;
  cycleOn: string;
  asked: { personId: string; displayName: string }[];
  answeredPersonIds: string[];
}

/** One answer since a moment, with the confidence its key result had in the round before. */
export interface AnswerSince {
  keyResultId: string;
  keyResultNumber: number;
  keyResultTitle: string;
  departmentId: string;
  cycleOn: string;
  owner: { personId: string; slackUserId: string; displayName: string };
  previousConfidence: OkrConfidence | null;
  confidence: OkrConfidence | null;
  /** 1–10 scores on the 1–10 scale (confidence is then the score's three steps). */
  previousConfidenceScore?: number | null;
  confidenceScore?: number | null;
  comment: string | null;
  blockers: string | null;
  answeredAt: Date;
}

/** What the digest section and `confidenceDropsSince` read (okr-check-in-digest.prisma-repository.ts). */
export interface CheckInDigestRepository {
  /** Rounds of these departments whose window closes in [from, to) (one query). */
  roundsClosingBetween(
    workspaceId: string,
    departmentIds: readonly string[],
    from: Date,
    to: Date,
  ): Promise<DigestRound[]>;
  /**
   * Answers given at or after `since` in these departments' rounds, each with its key
   * result's confidence in the latest earlier round (two queries: the answers, then the
   * earlier answers of those key results).
   */
  answersSince(workspaceId: string, departmentIds: readonly string[], since: Date): Promise<AnswerSince[]>;
}
