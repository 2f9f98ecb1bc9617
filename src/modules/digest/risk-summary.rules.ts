import { type Translate, translator } from '../../i18n/catalog.js';
import type {
  RiskFact,
  RiskSummary,
  RiskSummaryItem,
  RiskSummaryRequest,
} from '../shared/risk-summary.types.js';

/**
 * The deterministic path of the risk summary: what answers when no model is configured, when
 * the model fails, and what the model's answer is compared against. Same schema either way.
 */

function translatorFor(locale: string): Translate {
  return translator(locale === 'zh-CN' ? 'zh-CN' : 'en');
}

/** Most severe first, then the longest wait, then by ref (stable across runs). */
export function rankRiskFacts(facts: readonly RiskFact[]): RiskFact[] {
  return [...facts].sort(
    (a, b) => b.severity - a.severity || b.waitingHours - a.waitingHours || a.ref.localeCompare(b.ref),
  );
}

/** "5 h" under two days, else "3 days", in the reader's language. */
export function formatWaiting(hours: number, t: Translate): string {
  const whole = Math.max(0, Math.floor(hours));
  return whole < 48
    ? t('digest.duration.hours', { count: whole })
    : t('digest.duration.days', { count: Math.floor(whole / 24) });
}

function sentenceFor(fact: RiskFact, t: Translate): string {
  const text = fact.text.replace(/[.。]+$/u, '');
  const waiting = formatWaiting(fact.waitingHours, t);
  if (fact.severity >= 3) return t('digest.risk.act', { text, waiting });
  if (fact.severity === 2) return t('digest.risk.atRisk', { text, waiting });
  if (fact.severity === 1) return t('digest.risk.soon', { text });
  return t('digest.risk.info', { text });
}

/**
 * Ranks the facts by severity, then the longest wait, and writes one templated sentence per
 * fact in the request's language, each citing its fact's ref, up to `maxItems`.
 */
export async function summarizeRisksByRules(request: RiskSummaryRequest): Promise<RiskSummary> {
  const t = translatorFor(request.locale);
  const items: RiskSummaryItem[] = rankRiskFacts(request.facts)
    .slice(0, Math.max(0, request.maxItems))
    .map((fact) => ({ text: sentenceFor(fact, t), refs: [fact.ref] }));
  return { items, writtenBy: 'rules' };
}

/** At most this many facts go to a summarizer (the rest are grouped), and each text is capped. */
export const RISK_FACT_LIMITS = { maxFacts: 30, maxGroups: 6, maxTextChars: 140 } as const;

function capText(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function groupText(kind: string, count: number, waiting: string, t: Translate): string {
  if (kind === 'escalation') return t('digest.risk.moreEscalations', { count, waiting });
  if (kind === 'action_item') return t('digest.risk.moreActionItems', { count, waiting });
  return t('digest.risk.moreItems', { count, waiting });
}

/**
 * Pre-aggregates a request so its prompt stays within budget however big the workspace: the
 * `maxFacts − groups` most pressing facts are kept one by one (texts capped), the rest fold
 * into one fact per kind and severity ("312 more action items like these"), citable by its
 * own ref (`group:<kind>:<severity>`). A small request passes through with capped texts.
 */
export function aggregateRiskFacts(
  request: RiskSummaryRequest,
  limits: { maxFacts: number; maxGroups: number; maxTextChars: number } = RISK_FACT_LIMITS,
): RiskSummaryRequest {
  const ranked = rankRiskFacts(request.facts).map((fact) => ({
    ...fact,
    text: capText(fact.text, limits.maxTextChars),
  }));
  if (ranked.length <= limits.maxFacts) return { ...request, facts: ranked };
  const kept = ranked.slice(0, limits.maxFacts - limits.maxGroups);
  const groups = new Map<string, { kind: string; severity: number; count: number; longest: number }>();
  for (const fact of ranked.slice(kept.length)) {
    const key = `${fact.kind}:${fact.severity}`;
    const group = groups.get(key) ?? { kind: fact.kind, severity: fact.severity, count: 0, longest: 0 };
    group.count += 1;
    group.longest = Math.max(group.longest, fact.waitingHours);
    groups.set(key, group);
  }
  const t = translatorFor(request.locale);
  const sorted = [...groups.values()].sort((a, b) => b.severity - a.severity || b.count - a.count);
  const shown = sorted.slice(0, limits.maxGroups);
  const last = shown.at(-1);
  // More kinds than groups: the least pressing ones join the last group as "items like these".
  for (const extra of sorted.slice(limits.maxGroups)) {
    if (!last) break;
    last.kind = 'mixed';
    last.count += extra.count;
    last.longest = Math.max(last.longest, extra.longest);
  }
  const folded = shown.map<RiskFact>((group) => ({
    ref: `group:${group.kind}:${group.severity}`,
    kind: group.kind,
    severity: group.severity,
    waitingHours: group.longest,
    text: groupText(group.kind, group.count, formatWaiting(group.longest, t), t),
  }));
  return { ...request, facts: [...kept, ...folded] };
}
