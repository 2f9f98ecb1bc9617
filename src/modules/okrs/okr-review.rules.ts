import { scoreDepartment } from './okrs.rules.js';
import type { OkrConfidence, ScoredObjective } from './okrs.types.js';

/** One answer of the period, as the review reads it. */
export interface ReviewedCheckIn {
  departmentId: string;
  cycleOn: string;
  keyResultId: string;
  confidence: OkrConfidence | null;
  /** 1–10 on the 1–10 scale (confidence is then its three-step mapping). */
  confidenceScore?: number | null;
  blockers: string | null;
  late: boolean;
  /** What the review's narrative cites: "check-in of 2026-11-30 by <person> on KR-7". */
  keyResultNumber: number;
  comment: string | null;
  answeredBy: { slackUserId: string; displayName: string } | null;
}

export interface DepartmentReview {
  department: NonNullable<ScoredObjective['department']>;
  score: number | null;
  keyResults: number;
  /** Done or at/over target. */
  done: number;
  /** Last confidence at risk or off track. */
  atRisk: number;
  /** Per cycle date, the share of answers on track (0..1), oldest first. */
  trend: { cycleOn: string; onTrack: number }[];
  /** Blockers given in two or more cycles (the same text, case and spaces aside). */
  recurring: string[];
  answered: number;
  late: number;
  cycles: string[];
}

const normalize = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** The rules behind `/okr review`: per department, score, confidence trend, recurring blockers. */
export function reviewDepartments(
  objectives: readonly ScoredObjective[],
  checkIns: readonly ReviewedCheckIn[],
): DepartmentReview[] {
  const byDepartment = new Map<string, ScoredObjective[]>();
  for (const o of objectives)
    if (o.department) byDepartment.set(o.department.id, [...(byDepartment.get(o.department.id) ?? []), o]);
  return [...byDepartment.values()].map((own) => {
    const department = own[0]?.department as NonNullable<ScoredObjective['department']>;
    const keyResults = own.flatMap((o) => o.keyResults);
    const answers = checkIns.filter((c) => c.departmentId === department.id);
    const cycles = [...new Set(answers.map((a) => a.cycleOn))].sort();
    const trend = cycles.flatMap((cycleOn) => {
      const rated = answers.filter((a) => a.cycleOn === cycleOn && a.confidence);
      return rated.length === 0
        ? []
        : [{ cycleOn, onTrack: rated.filter((a) => a.confidence === 'ON_TRACK').length / rated.length }];
    });
    const blockerCycles = new Map<string, { text: string; cycles: Set<string> }>();
    for (const a of answers) {
      if (!a.blockers) continue;
      const key = normalize(a.blockers);
      const entry = blockerCycles.get(key) ?? { text: a.blockers.trim(), cycles: new Set<string>() };
      entry.cycles.add(a.cycleOn);
      blockerCycles.set(key, entry);
    }
    return {
      department,
      score: scoreDepartment(own),
      keyResults: keyResults.length,
      done: keyResults.filter((kr) => kr.progress >= 1).length,
      atRisk: keyResults.filter((kr) => kr.lastConfidence === 'AT_RISK' || kr.lastConfidence === 'OFF_TRACK')
        .length,
      trend,
      recurring: [...blockerCycles.values()].filter((b) => b.cycles.size >= 2).map((b) => b.text),
      answered: answers.length,
      late: answers.filter((a) => a.late).length,
      cycles,
    };
  });
}

/** What a narrative sentence's ref points at: a department's figures or one check-in. */
export type ReviewSource =
  | { kind: 'department'; departmentId: string }
  | {
      kind: 'checkIn';
      cycleOn: string;
      keyResultNumber: number;
      answeredBy: ReviewedCheckIn['answeredBy'];
    };

/** The most check-ins the narrative is given (the telling ones, latest first). */
export const REVIEW_FACT_CHECK_INS = 30;

/**
 * The facts the review's narrative may draw on, each with a ref (D1 … a department's
 * figures, C1 … a check-in that says something: not on track, a comment or a blocker) and
 * what the ref points at, so a cited sentence can link to its check-ins.
 */
export function reviewFacts(
  reviews: readonly DepartmentReview[],
  checkIns: readonly ReviewedCheckIn[],
  context: {
    departmentName: (department: DepartmentReview['department']) => string;
    keyResultTitle: (number: number) => string;
    /** A confidence in the scale it was given in (its step, or "4/10 (at risk)"). */
    confidence: (confidence: OkrConfidence, score: number | null) => string;
  },
): { facts: { ref: string; text: string }[]; sources: Map<string, ReviewSource> } {
  const facts: { ref: string; text: string }[] = [];
  const sources = new Map<string, ReviewSource>();
  reviews.forEach((r, index) => {
    const ref = `D${index + 1}`;
    const score = r.score === null ? 'no score' : `score ${Math.round(r.score * 100)}%`;
    const recurring = r.recurring.length > 0 ? `; recurring blockers: ${r.recurring.join('; ')}` : '';
    facts.push({
      ref,
      text: `${context.departmentName(r.department)}: ${score}, ${r.done} of ${r.keyResults} key results done, ${r.atRisk} at risk or off track, ${r.answered} check-ins answered (${r.late} late)${recurring}`,
    });
    sources.set(ref, { kind: 'department', departmentId: r.department.id });
  });
  const telling = checkIns
    .filter((c) => (c.confidence && c.confidence !== 'ON_TRACK') || c.blockers || c.comment)
    .sort((a, b) => b.cycleOn.localeCompare(a.cycleOn) || a.keyResultNumber - b.keyResultNumber)
    .slice(0, REVIEW_FACT_CHECK_INS);
  telling.forEach((c, index) => {
    const ref = `C${index + 1}`;
    const parts = [
      `check-in of ${c.cycleOn} by ${c.answeredBy?.displayName ?? 'someone'} on KR-${c.keyResultNumber} ${context.keyResultTitle(c.keyResultNumber)}`,
      c.confidence ? context.confidence(c.confidence, c.confidenceScore ?? null) : null,
      c.comment ? `comment: ${c.comment}` : null,
      c.blockers ? `blockers: ${c.blockers}` : null,
    ].filter(Boolean);
    facts.push({ ref, text: parts.join('; ') });
    sources.set(ref, {
      kind: 'checkIn',
      cycleOn: c.cycleOn,
      keyResultNumber: c.keyResultNumber,
      answeredBy: c.answeredBy,
    });
  });
  return { facts, sources };
}
