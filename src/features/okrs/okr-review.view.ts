import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { DepartmentReview } from '../../modules/okrs/okr-review.rules.js';
import { progressBar } from '../../modules/okrs/okr-scoring.rules.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';
import { departmentName } from '../../slack/views/person-summary.js';
import { OKR_BLOCKS } from './okrs.ids.js';

/** `/okr review`: per department the score, the confidence trend, recurring blockers and the rules' narrative. */
export function okrReviewView(
  reviews: readonly DepartmentReview[],
  context: { t: Translate; locale: SupportedLocale; period: string },
): { text: string; blocks: KnownBlock[] } {
  const { t, locale, period } = context;
  const sections = reviews.slice(0, 40).map((r) => {
    const name = escapeMrkdwn(departmentName(r.department, locale));
    const lines = [
      t('okrs.review.department', {
        department: name,
        bar: r.score === null ? t('okrs.list.noScore') : progressBar(r.score),
      }),
    ];
    lines.push(
      t('okrs.review.trend', {
        trend:
          r.trend.length > 0
            ? r.trend.map((p) => `${p.cycleOn.slice(5)} ${Math.round(p.onTrack * 100)}%`).join(' → ')
            : t('okrs.review.noTrend'),
      }),
    );
    if (r.recurring.length > 0)
      lines.push(t('okrs.review.recurring', { blockers: r.recurring.map(escapeMrkdwn).join('; ') }));
    lines.push(
      t('okrs.review.narrative', {
        department: name,
        done: r.done,
        count: r.keyResults,
        risk: r.atRisk,
        answered: r.answered,
        lateText: r.late > 0 ? t('okrs.review.narrativeLate', { late: r.late }) : '',
      }),
    );
    if (r.cycles.length > 0) lines.push(t('okrs.review.sources', { dates: r.cycles.join(', ') }));
    return lines.join('\n');
  });
  const body = sections.length > 0 ? sections.join('\n\n') : t('okrs.review.empty', { period });
  return {
    text: t('okrs.review.fallback', { period }),
    blocks: [
      {
        type: 'section',
        block_id: OKR_BLOCKS.review,
        text: { type: 'mrkdwn', text: `${t('okrs.review.title', { period })}\n\n${body}`.slice(0, 3000) },
      },
    ],
  };
}
