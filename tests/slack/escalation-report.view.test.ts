import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/catalog.js';
import { quarterBounds } from '../../src/modules/escalations/assessment.rules.js';
import type { AssessmentReport } from '../../src/modules/escalations/assessment.service.js';
import {
  ESCALATION_REPORT_BLOCKS,
  escalationReportView,
} from '../../src/slack/views/escalation-report.view.js';

describe('the report view', () => {
  it('spreads many departments over sections of at most 3000 characters, no line split', () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({
      departmentId: `d${i}`,
      quarter: '2026-Q4',
      raised: i,
      received: 4,
      answered: 4,
      answeredWithinSla: 3,
      medianMinutesToDecision: 28 * 60,
      actionItemsDue: 6,
      actionItemsOnTime: 5,
      checkInsAsked: 8,
      checkInsAnswered: 6,
      agendaItemsRaised: 3,
      agendaItemsResolved: 2,
      agendaCycleMinutes: i === 1 ? null : 77 * 60,
      agendaCyclePrevMinutes: i === 2 ? null : 156 * 60,
      computedAt: new Date('2026-11-25T02:30:00Z'),
      department: {
        id: `d${i}`,
        nameEn: `Department ${String(i).padStart(2, '0')} <!here>`,
        nameZh: `部门${i}`,
      },
    }));
    const report: AssessmentReport = {
      quarter: '2026-Q4',
      bounds: quarterBounds({ year: 2026, quarter: 4 }, 'UTC'),
      scope: 'all',
      final: false,
      computedAt: new Date('2026-11-25T02:30:00Z'),
      rows,
    };
    const view = escalationReportView(report, {
      t: translator('en'),
      locale: 'en',
      timeZone: 'Europe/Berlin',
    });
    const sections = view.blocks.filter(
      (b) => b.type === 'section' && b.block_id?.startsWith(ESCALATION_REPORT_BLOCKS.departments),
    ) as { text: { text: string } }[];
    expect(sections.length).toBeGreaterThan(1);
    for (const section of sections) expect(section.text.text.length).toBeLessThanOrEqual(3000);
    const lines = sections.flatMap((section) => section.text.text.split('\n'));
    expect(lines).toHaveLength(40);
    expect(lines[0]).toBe(
      '*Department 00 &lt;!here&gt;* — raised 0 · received 4 · answered within SLA 3/4 (75%) · median time to decision 1 d 4 h · action items on time 5/6 · check-ins answered 6/8 (75%) · agenda items raised 3, resolved 2 · issue-resolution cycle 3 d 5 h (prev 6 d 12 h, −51%)',
    );
    expect(lines[1]).toContain('issue-resolution cycle —');
    expect(lines[2]).toContain('issue-resolution cycle 3 d 5 h (prev —)');
    const zh = escalationReportView(report, {
      t: translator('zh-CN'),
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
    });
    expect(zh.text).toContain('议题提出 3、解决 2 · 问题解决周期 3天5小时（上季度 6天12小时，−51%）');
    expect(JSON.stringify(view.blocks)).not.toContain('<!here>');
  });
});
