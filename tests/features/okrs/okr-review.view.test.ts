import { describe, expect, it } from 'vitest';
import { okrReviewView } from '../../../src/features/okrs/okr-review.view.js';
import { translator } from '../../../src/i18n/catalog.js';
import type { SupportedLocale } from '../../../src/i18n/locales.js';
import type { DepartmentReview } from '../../../src/modules/okrs/okr-review.rules.js';

const review: DepartmentReview = {
  department: { id: 'd1', key: 'live-ops', nameEn: 'Live Ops', nameZh: '运营', slackChannelId: null },
  score: 0.5,
  keyResults: 2,
  done: 1,
  atRisk: 1,
  trend: [
    { cycleOn: '2026-11-23', onTrack: 1 },
    { cycleOn: '2026-11-30', onTrack: 0.5 },
  ],
  recurring: [],
  answered: 3,
  late: 0,
  cycles: ['2026-11-23', '2026-11-30'],
};

function reviewText(locale: SupportedLocale, withNarrative = false): string {
  const view = okrReviewView([review], {
    t: translator(locale),
    locale,
    period: '2026-Q4',
    ...(withNarrative
      ? {
          narrative: {
            writtenBy: 'model' as const,
            sentences: [{ text: 'Live Ops slipped.', refs: ['c1'] }],
            sources: new Map([
              [
                'c1',
                {
                  kind: 'checkIn' as const,
                  cycleOn: '2026-11-30',
                  keyResultNumber: 7,
                  answeredBy: { slackUserId: 'U1', displayName: 'Sam' },
                },
              ],
            ]),
          },
        }
      : {}),
  });
  return view.blocks.map((b) => (b.type === 'section' && b.text ? b.text.text : '')).join('\n');
}

describe('/okr review dates', () => {
  it('labels the confidence trend in the one date style, in English', () => {
    const text = reviewText('en');
    expect(text).toContain('Confidence: Mon 23 Nov 2026 100% → Mon 30 Nov 2026 50%');
    expect(text).not.toContain('11-23');
  });

  it('labels the confidence trend in the one date style, in Chinese', () => {
    const text = reviewText('zh-CN');
    expect(text).toContain('信心：2026年11月23日（周一） 100% → 2026年11月30日（周一） 50%');
    expect(text).not.toContain('11-23');
  });

  it('names the check-ins the narrative cites by the same date style', () => {
    expect(reviewText('en', true)).toContain('check-in of Mon 30 Nov 2026 by <@U1> on KR-7');
    expect(reviewText('zh-CN', true)).toContain('2026年11月30日（周一） <@U1> 对 KR-7 的复盘');
  });
});
