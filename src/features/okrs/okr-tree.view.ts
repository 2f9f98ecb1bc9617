import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import { progressBar } from '../../modules/okrs/okr-scoring.rules.js';
import type {
  OkrConfidence,
  OkrListScope,
  ScoredKeyResult,
  ScoredObjective,
} from '../../modules/okrs/okrs.types.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';
import { departmentName } from '../../slack/views/person-summary.js';
import { OKR_BLOCKS } from './okrs.ids.js';

interface ViewContext {
  t: Translate;
  locale: SupportedLocale;
}

const MAX_LISTED = 40;

export function levelOf(objective: Pick<ScoredObjective, 'department'>, { t, locale }: ViewContext): string {
  return objective.department
    ? t('okrs.level.department', { department: escapeMrkdwn(departmentName(objective.department, locale)) })
    : t('okrs.level.company');
}

const bar = (score: number | null, t: Translate) =>
  score === null ? t('okrs.list.noScore') : progressBar(score);

/** A number as people write it, without float noise (2.6, not 2.6000000000000001). */
/** A confidence as its step (🟡 at risk) or, when given on the 1–10 scale, its score (🟡 4/10). */
export function confidenceLabel(
  t: Translate,
  confidence: OkrConfidence,
  score: number | null | undefined,
): string {
  const emoji = t(`okrs.confidenceEmoji.${confidence}`);
  return score !== null && score !== undefined
    ? `${emoji} ${t('okrs.confidenceScore', { score })}`
    : `${emoji} ${t(`okrs.confidence.${confidence}`)}`;
}

export function formatValue(value: number | null): string {
  return value === null ? '—' : String(Number(value.toPrecision(10)));
}

export function keyResultLine(kr: ScoredKeyResult, { t }: ViewContext): string {
  const unit = kr.unit ? escapeMrkdwn(kr.unit) : '';
  const detail =
    kr.kind === 'METRIC'
      ? t('okrs.show.metricDetail', {
          start: formatValue(kr.startValue),
          target: formatValue(kr.targetValue),
          current: formatValue(kr.currentValue),
          unit,
        })
      : t(kr.done ? 'okrs.show.milestoneDone' : 'okrs.show.milestoneOpen');
  const source = !kr.kpi
    ? ''
    : kr.kpi.period
      ? t('okrs.show.fromKpi', { kpi: escapeMrkdwn(kr.kpi.key), period: kr.kpi.period })
      : t('okrs.show.fromKpiNoData', { kpi: escapeMrkdwn(kr.kpi.key) });
  const confidence = kr.lastConfidence
    ? ` ${confidenceLabel(t, kr.lastConfidence, kr.lastConfidenceScore)}`
    : '';
  return t('okrs.show.keyResult', {
    number: kr.number,
    title: escapeMrkdwn(kr.title),
    owner: kr.owner.slackUserId,
    bar: progressBar(kr.progress),
    detail: `${detail}${source}`,
    confidence,
  });
}

/** `/okr list`: the period's objectives in scope, each with its score bar. */
export function okrListView(
  objectives: readonly ScoredObjective[],
  context: ViewContext & { scope: OkrListScope; period: string },
): { text: string; blocks: KnownBlock[] } {
  const { t } = context;
  const lines = objectives.slice(0, MAX_LISTED).map((o) =>
    t('okrs.list.objective', {
      number: o.number,
      title: escapeMrkdwn(o.title),
      level: levelOf(o, context),
      bar: bar(o.score, t),
    }),
  );
  const title = t('okrs.list.title', {
    scope: t(`okrs.list.scope.${context.scope}`),
    period: context.period,
    count: objectives.length,
  });
  const body = lines.length > 0 ? lines.join('\n\n') : t('okrs.list.empty', { period: context.period });
  return {
    text: t('okrs.list.fallback', { count: objectives.length }),
    blocks: [
      {
        type: 'section',
        block_id: OKR_BLOCKS.list,
        text: { type: 'mrkdwn', text: `${title}\n\n${body}`.slice(0, 3000) },
      },
    ],
  };
}

/** `/okr show O-3`: the objective, its key results with bars, and what is aligned to it. */
export function okrShowView(
  objective: ScoredObjective,
  context: ViewContext,
): { text: string; blocks: KnownBlock[] } {
  const { t } = context;
  const level = levelOf(objective, context);
  const heading = t('okrs.show.title', { number: objective.number, title: escapeMrkdwn(objective.title) });
  const where = objective.parent
    ? t('okrs.show.context', {
        level,
        period: objective.periodKey,
        parent: `O-${objective.parent.number} ${escapeMrkdwn(objective.parent.title)}`,
      })
    : t('okrs.show.contextUnaligned', { level, period: objective.periodKey });
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      block_id: OKR_BLOCKS.show,
      text: {
        type: 'mrkdwn',
        text: `${heading}\n${where}\n${t('okrs.show.score', { bar: bar(objective.score, t) })}`,
      },
    },
    {
      type: 'section',
      block_id: OKR_BLOCKS.showKeyResults,
      text: {
        type: 'mrkdwn',
        text: (objective.keyResults.length > 0
          ? objective.keyResults.map((kr) => keyResultLine(kr, context)).join('\n')
          : t('okrs.show.noKeyResults', { number: objective.number })
        ).slice(0, 3000),
      },
    },
  ];
  if (objective.children.length > 0)
    blocks.push({
      type: 'section',
      block_id: OKR_BLOCKS.showChildren,
      text: {
        type: 'mrkdwn',
        text: [
          t('okrs.show.children'),
          ...objective.children.map((child) =>
            t('okrs.show.child', {
              number: child.number,
              title: escapeMrkdwn(child.title),
              level: levelOf(child, context),
              bar: bar(child.score, t),
            }),
          ),
        ]
          .join('\n')
          .slice(0, 3000),
      },
    });
  return { text: t('okrs.show.fallback', { number: objective.number, title: objective.title }), blocks };
}
