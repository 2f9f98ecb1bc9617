import { scoreDepartment } from './okrs.rules.js';
import type { OkrConfidence, ScoredObjective } from './okrs.types.js';

/** One answer of the period, as the review reads it. */
export interface ReviewedCheckIn {
  departmentId: string;
  cycleOn: string;
  keyResultId: string;
  confidence: OkrConfidence | null;
  blockers: string | null;
  late: boolean;
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
