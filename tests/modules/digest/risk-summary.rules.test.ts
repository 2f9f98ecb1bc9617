import { describe, expect, it } from 'vitest';
import {
  aggregateRiskFacts,
  RISK_FACT_LIMITS,
  summarizeRisksByRules,
} from '../../../src/modules/digest/risk-summary.rules.js';
import type { RiskFact } from '../../../src/modules/shared/risk-summary.types.js';

const fact = (ref: string, severity: number, waitingHours: number, kind = 'escalation'): RiskFact => ({
  ref,
  kind,
  severity,
  waitingHours,
  text: `${ref} something`,
});

describe('summarizeRisksByRules', () => {
  it('ranks by severity, then the longest wait, each item citing its fact, in English', async () => {
    const summary = await summarizeRisksByRules({
      workspaceId: 'w',
      locale: 'en',
      maxItems: 3,
      facts: [
        fact('AI-1', 2, 30, 'action_item'),
        fact('ESC-2', 3, 5),
        fact('ESC-3', 3, 80),
        fact('AI-4', 1, 0),
      ],
    });
    expect(summary).toEqual({
      writtenBy: 'rules',
      items: [
        { text: 'Act now: ESC-3 something — waiting 3 days.', refs: ['ESC-3'] },
        { text: 'Act now: ESC-2 something — waiting 5 h.', refs: ['ESC-2'] },
        { text: 'At risk: AI-1 something — waiting 30 h.', refs: ['AI-1'] },
      ],
    });
  });

  it('writes Simplified Chinese for a Chinese reader', async () => {
    const summary = await summarizeRisksByRules({
      workspaceId: 'w',
      locale: 'zh-CN',
      maxItems: 5,
      facts: [fact('AI-4', 1, 0), fact('ESC-9', 3, 50)],
    });
    expect(summary.items.map((item) => item.text)).toEqual([
      '需立即处理：ESC-9 something——已等待 2 天。',
      '即将到期：AI-4 something。',
    ]);
  });
});

describe('aggregateRiskFacts', () => {
  it('passes a small request through with capped texts', () => {
    const long = { ...fact('ESC-1', 3, 1), text: 'x'.repeat(500) };
    const request = aggregateRiskFacts({ workspaceId: 'w', locale: 'en', maxItems: 5, facts: [long] });
    expect(request.facts[0]?.text).toHaveLength(RISK_FACT_LIMITS.maxTextChars);
  });

  it('keeps the most pressing facts and folds the rest into citable groups', () => {
    const facts = [
      ...Array.from({ length: 500 }, (_, i) => fact(`ESC-${i}`, i % 2 === 0 ? 3 : 1, i)),
      ...Array.from({ length: 5000 }, (_, i) => fact(`AI-${i}`, i % 3 === 0 ? 2 : 1, i % 200, 'action_item')),
    ];
    const request = aggregateRiskFacts({ workspaceId: 'w', locale: 'en', maxItems: 5, facts });
    expect(request.facts.length).toBeLessThanOrEqual(RISK_FACT_LIMITS.maxFacts);
    expect(request.facts.slice(0, 3).map((f) => f.ref)).toEqual(['ESC-498', 'ESC-496', 'ESC-494']);
    const groups = request.facts.filter((f) => f.ref.startsWith('group:'));
    expect(groups.map((g) => g.ref)).toEqual([
      'group:escalation:3',
      'group:action_item:2',
      'group:action_item:1',
      'group:escalation:1',
    ]);
    expect(groups[0]?.text).toBe('226 more escalations like these (longest waiting 18 days)');
  });
});
