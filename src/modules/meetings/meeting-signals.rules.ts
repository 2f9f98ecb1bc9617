import type { AgendaUrgency, KpiBreachForAgenda, OkrDropForAgenda } from './meetings.types.js';

const CONFIDENCE_RANK = { ON_TRACK: 0, AT_RISK: 1, OFF_TRACK: 2 } as const;
type Confidence = keyof typeof CONFIDENCE_RANK;

/**
 * A key result belongs on the agenda when its latest answer since the last meeting is off
 * track, or worse than the answer before it (on track → at risk counts; staying at risk does not).
 */
export function isConfidenceDrop(latest: Confidence, previous: Confidence | null): boolean {
  if (latest === 'OFF_TRACK') return true;
  return previous !== null && CONFIDENCE_RANK[latest] > CONFIDENCE_RANK[previous];
}

/** A KPI breach's urgency on the agenda: level 2 and above is urgent, a first-level breach high. */
export function breachUrgency(breach: Pick<KpiBreachForAgenda, 'level'>): AgendaUrgency {
  return breach.level >= 2 ? 'URGENT' : 'HIGH';
}

/** An OKR drop's urgency: off track is high, at risk normal. */
export function dropUrgency(drop: Pick<OkrDropForAgenda, 'confidence'>): AgendaUrgency {
  return drop.confidence === 'OFF_TRACK' ? 'HIGH' : 'NORMAL';
}
