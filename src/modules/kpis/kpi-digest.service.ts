import type { DeliveryFile } from '../delivery/delivery.types.js';
import type { DigestAudience, DigestSection } from '../digest/digest-section.types.js';
import type { RiskFact } from '../shared/risk-summary.types.js';
import type { KpiSnapshot } from './kpi.types.js';
import {
  kpiDigestLine,
  kpiFactRef,
  kpiSeverity,
  type NarrativeSentence,
  narrateKpisByRules,
} from './kpi-digest.rules.js';
import type { KpiHealth } from './kpis.service.js';

/** KPI lines shown in a digest at most (worst first); the rest are counted. */
export const KPI_DIGEST_LINES = 15;
/** KPIs (worst first) the narrative and the risk summary are given at most: enough for a few sentences, few tokens. */
export const KPI_DIGEST_FACTS = 30;
/** Charts attached to a digest at most: the worst KPIs off target or in breach. */
export const KPI_DIGEST_CHARTS = 3;
/** Sentences of the narrative at most. */
export const KPI_NARRATIVE_SENTENCES = 4;

/** What the narrative is written from: one line of facts per KPI, each with its ref. */
export interface KpiNarrativeRequest {
  workspaceId: string;
  locale: string;
  facts: readonly { ref: string; text: string }[];
  maxItems: number;
  /** The narrative by rules: what answers when no model does. */
  rules(): NarrativeSentence[];
}

export interface KpiNarrative {
  sentences: NarrativeSentence[];
  writtenBy: 'model' | 'rules';
}

/** The port: the model with receipts through the LLM layer, or the rules. */
export type KpiNarrator = (request: KpiNarrativeRequest) => Promise<KpiNarrative>;

export const narrateByRulesOnly: KpiNarrator = async (request) => ({
  sentences: request.rules(),
  writtenBy: 'rules',
});

/**
 * The digest's KPI section: for the reader's departments, a short narrative (each sentence
 * names its KPI and period and cites it), then each KPI's value, change versus the previous
 * period, target and status, worst first. KPIs off target (or in breach) are risk facts.
 * Status comes from the KPI service's `worstOf` — the one place status is computed — which
 * reads only the KPIs the section writes out (of thousands) and counts the rest.
 */
export function createKpisDigestSection(deps: {
  worstOf(workspaceId: string, departmentIds: readonly string[], limit: number): Promise<KpiHealth>;
  narrate?: KpiNarrator;
  /** Renders the given KPIs' charts for the reader (absent: none, e.g. in benchmarks). */
  charts?(snapshots: readonly KpiSnapshot[], audience: DigestAudience): Promise<DeliveryFile[]>;
}): DigestSection {
  const narrate = deps.narrate ?? narrateByRulesOnly;
  return {
    id: 'kpis',
    order: 30,
    async load(audience: DigestAudience) {
      if (audience.departments.length === 0) return null;
      const { t, locale } = audience;
      const departmentIds = [...new Set(audience.departments.map((d) => d.id))];
      const health = await deps.worstOf(
        audience.workspaceId,
        departmentIds,
        Math.max(KPI_DIGEST_LINES, KPI_DIGEST_FACTS),
      );
      const { snapshots } = health;
      if (health.total === 0) return null;
      // Only the lines shown and the facts given are read and written out (of 5,000 KPIs).
      const lines = snapshots.map((s) => ({ ref: kpiFactRef(s), text: kpiDigestLine(s, t, locale) }));
      const known = new Set(lines.map((line) => line.ref));
      let narrative: KpiNarrative;
      const rules = () => narrateKpisByRules(snapshots, t, locale, KPI_NARRATIVE_SENTENCES, health);
      try {
        narrative = await narrate({
          workspaceId: audience.workspaceId,
          locale,
          facts: lines.slice(0, KPI_DIGEST_FACTS).filter((line) => line.ref.split('@')[1] !== '-'),
          maxItems: KPI_NARRATIVE_SENTENCES,
          rules,
        });
      } catch {
        narrative = { sentences: rules(), writtenBy: 'rules' };
      }
      // Receipts: a sentence keeps only refs that were given; one citing none is dropped.
      const sentences = narrative.sentences
        .map((s) => ({ ...s, refs: s.refs.filter((ref) => known.has(ref)) }))
        .filter((s) => s.refs.length > 0);
      if (sentences.length === 0 && narrative.writtenBy === 'model') {
        narrative = { sentences: rules(), writtenBy: 'rules' };
        sentences.push(...narrative.sentences);
      }
      const facts: RiskFact[] = snapshots.slice(0, KPI_DIGEST_FACTS).flatMap((s, index) =>
        kpiSeverity(s) > 0
          ? [
              {
                ref: kpiFactRef(s),
                kind: 'kpi',
                severity: kpiSeverity(s),
                waitingHours: 0,
                text: lines[index]?.text ?? '',
              },
            ]
          : [],
      );
      // The worst few KPIs off target or in breach get their chart; the digest stands without.
      const charted = snapshots.filter((s) => s.latest && kpiSeverity(s) > 0).slice(0, KPI_DIGEST_CHARTS);
      let files: DeliveryFile[] = [];
      if (deps.charts && charted.length > 0) {
        try {
          files = await deps.charts(charted, audience);
        } catch {
          files = [];
        }
      }
      return {
        ...(files.length > 0 ? { files } : {}),
        title: t('kpis.digest.title'),
        groups: [
          {
            heading: t(
              narrative.writtenBy === 'model'
                ? 'kpis.digest.narrativeByModel'
                : 'kpis.digest.narrativeByRules',
            ),
            lines: sentences.map((s) => ({ text: `${s.text} [${s.refs.join(', ')}]` })),
            total: sentences.length,
            emptyText: t('kpis.digest.nothingToSay'),
          },
          {
            heading: t('kpis.digest.values'),
            lines: lines.slice(0, KPI_DIGEST_LINES).map((line) => ({ text: line.text, ref: line.ref })),
            total: health.total,
          },
        ],
        facts,
      };
    },
  };
}
