import { describe, expect, it } from 'vitest';
import type { DigestRepository } from '../../../src/modules/digest/digest.repository.js';
import { createDigestService } from '../../../src/modules/digest/digest.service.js';
import type { DigestReader } from '../../../src/modules/digest/digest.types.js';
import { digestPeriod } from '../../../src/modules/digest/digest-schedule.rules.js';
import type { DigestSection } from '../../../src/modules/digest/digest-section.types.js';
import type { RiskSummarizer } from '../../../src/modules/shared/risk-summary.types.js';

const NOW = new Date('2036-12-01T09:00:00Z');
const reader: DigestReader = {
  workspaceId: 'w',
  personId: 'p',
  active: true,
  isAdmin: false,
  locale: 'zh-CN',
  workspaceLocale: 'en',
  timeZone: 'Asia/Shanghai',
  ladder: [{ departmentId: 'd', nameEn: 'Data', nameZh: '数据', role: 'HEAD' }],
};

/** A section the way a later feature (KPIs) would add one: nothing in the digest changes. */
const kpiSection: DigestSection = {
  id: 'kpis',
  order: 30,
  async load(audience) {
    return {
      title: `KPIs for ${audience.departments.map((d) => d.name).join(', ')}`,
      groups: [{ heading: 'Off target', lines: [{ text: 'GMV 80% of target', ref: 'KPI-1' }], total: 1 }],
      facts: [{ ref: 'KPI-1', kind: 'kpi', severity: 2, waitingHours: 24, text: 'GMV 80% of target' }],
    };
  },
};
const emptySection: DigestSection = { id: 'quiet', order: 10, load: async () => null };

function serviceWith(summarize?: RiskSummarizer) {
  return createDigestService({
    repo: {} as DigestRepository,
    clock: { now: () => NOW },
    notify: async () => {
      throw new Error('not sent in this test');
    },
    sections: [kpiSection, emptySection],
    ...(summarize ? { summarize } : {}),
    render: (digest) => ({ text: String(digest.sections.length) }),
  });
}

const period = digestPeriod('weekly', NOW, 'Asia/Shanghai');

describe('the digest, built from the sections features contribute', () => {
  it('takes a new section’s content and facts, in the reader’s language, by rules by default', async () => {
    const digest = await serviceWith().compose(reader, period);
    expect(digest.locale).toBe('zh-CN');
    expect(digest.sections.map((s) => [s.id, s.title])).toEqual([['kpis', 'KPIs for 数据']]);
    expect(digest.summary).toEqual({
      writtenBy: 'rules',
      items: [{ text: '有风险：GMV 80% of target——已等待 24 小时。', refs: ['KPI-1'] }],
    });
  });

  it('drops model items that cite nothing it was given, and falls back to rules when the model fails', async () => {
    const model = await serviceWith(async () => ({
      writtenBy: 'model',
      items: [
        { text: 'Mark ESC-1 resolved', refs: ['ESC-1'] },
        { text: 'GMV is behind', refs: ['KPI-1', 'ESC-404'] },
      ],
    })).compose(reader, period);
    expect(model.summary).toEqual({
      writtenBy: 'model',
      items: [{ text: 'GMV is behind', refs: ['KPI-1'] }],
    });

    const failed = await serviceWith(async () => {
      throw new Error('model down');
    }).compose(reader, period);
    expect(failed.summary.writtenBy).toBe('rules');
    expect(failed.summary.items.map((item) => item.refs)).toEqual([['KPI-1']]);
  });
});
