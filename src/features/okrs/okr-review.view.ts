import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import { formatDate } from '../../i18n/format.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { DepartmentReview, ReviewSource } from '../../modules/okrs/okr-review.rules.js';
import { progressBar } from '../../modules/okrs/okr-scoring.rules.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';
import { departmentName } from '../../slack/views/person-summary.js';
import { OKR_BLOCKS } from './okrs.ids.js';

/** The review's narrative: the model's cited sentences, or none (the rules' lines above stand). */
export interface ReviewNarrative {
  writtenBy: 'model' | 'rules';
  sentences: { text: string; refs: string[] }[];
  sources: ReadonlyMap<string, ReviewSource>;
}

function sourceText(
  source: ReviewSource,
  reviews: readonly DepartmentReview[],
  { t, locale }: { t: Translate; locale: SupportedLocale },
): string {
  if (source.kind === 'checkIn')
    return source.answeredBy
      ? t('okrs.review.sourceCheckIn', {
          date: formatDate(source.cycleOn, locale),
          user: source.answeredBy.slackUserId,
          number: source.keyResultNumber,
        })
      : t('okrs.review.sourceCheckInNobody', {
          date: formatDate(source.cycleOn, locale),
          number: source.keyResultNumber,
        });
  const department = reviews.find((r) => r.department.id === source.departmentId)?.department;
  return t('okrs.review.sourceDepartment', {
    department: department ? escapeMrkdwn(departmentName(department, locale)) : '—',
  });
}

/** Which path wrote the narrative, and the model's sentences each with links to what it cites. */
function narrativeText(
  narrative: ReviewNarrative,
  reviews: readonly DepartmentReview[],
  context: { t: Translate; locale: SupportedLocale },
): string {
  const { t } = context;
  if (narrative.writtenBy === 'rules')
    return `${t('okrs.review.summary')}
${t('okrs.review.writtenByRules')}`;
  const lines = narrative.sentences.map((s) =>
    t('okrs.review.cited', {
      text: escapeMrkdwn(s.text),
      sources: s.refs
        .flatMap((ref) => {
          const source = narrative.sources.get(ref);
          return source ? [sourceText(source, reviews, context)] : [];
        })
        .join('; '),
    }),
  );
  return [t('okrs.review.summary'), t('okrs.review.writtenByModel'), ...lines].join('\n');
}

/**
 * `/okr review`: per department the score, the confidence trend, recurring blockers and the
 * rules' narrative; then the summary, saying who wrote it (the model's sentences link to the
 * check-ins they cite).
 */
export function okrReviewView(
  reviews: readonly DepartmentReview[],
  context: { t: Translate; locale: SupportedLocale; period: string; narrative?: ReviewNarrative },
): { text: string; blocks: KnownBlock[] } {
  const { t, locale, period, narrative } = context;
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
            ? r.trend
                .map((p) => `${formatDate(p.cycleOn, locale)} ${Math.round(p.onTrack * 100)}%`)
                .join(' → ')
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
    if (r.cycles.length > 0)
      lines.push(
        t('okrs.review.sources', {
          dates: r.cycles.map((cycle) => formatDate(cycle, locale)).join(', '),
        }),
      );
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
      ...(narrative && sections.length > 0
        ? [
            {
              type: 'section' as const,
              block_id: OKR_BLOCKS.reviewNarrative,
              text: {
                type: 'mrkdwn' as const,
                text: narrativeText(narrative, reviews, context).slice(0, 3000),
              },
            },
          ]
        : []),
    ],
  };
}
