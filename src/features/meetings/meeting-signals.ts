import { resolveLocale, translator } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { Llm } from '../../llm/llm.js';
import { writeMeetingPreRead } from '../../llm/meeting-preread.js';
import type { SignalDescriber } from '../../modules/meetings/meeting-cycle.service.js';
import type { PreRead, PreReadLine, SeriesDto } from '../../modules/meetings/meetings.types.js';
import { preReadLine } from './agenda.view.js';
import { seriesId } from './meeting-format.js';

const seriesT = (series: SeriesDto, fallback: SupportedLocale) => {
  const locale = resolveLocale(series.locale, fallback);
  return { t: translator(locale), locale };
};

/** What an item Liaison adds for a KPI breach or an OKR drop says, in the series' language. */
export function signalDescriber(defaults: { locale: SupportedLocale }): SignalDescriber {
  return (series, signal) => {
    const { t, locale } = seriesT(series, defaults.locale);
    if (signal.kind === 'kpiBreach') {
      const { breach } = signal;
      return {
        title: t('meetings.signals.kpiTitle', {
          kpi: locale === 'zh-CN' ? breach.kpiNameZh : breach.kpiNameEn,
          level: breach.level,
        }),
        description: t(breach.recoveredAt ? 'meetings.signals.kpiRecovered' : 'meetings.signals.kpiOngoing', {
          value: Number(breach.value.toPrecision(6)),
          period: breach.period,
          key: breach.kpiKey,
        }),
      };
    }
    const { drop } = signal;
    return {
      title: t('meetings.signals.okrTitle', { number: drop.keyResultNumber, title: drop.title }),
      description: t('meetings.signals.okrDescription', {
        from: drop.previousConfidence ? t(`meetings.signals.confidence.${drop.previousConfidence}`) : '—',
        to: t(`meetings.signals.confidence.${drop.confidence}`),
        date: drop.answeredAt.toISOString().slice(0, 10),
      }),
    };
  };
}

/**
 * The pre-read through the LLM layer: the rules' lines (in the series' language, each with its
 * source) are the facts P1…Pn; the model's sentences cite them. Without a model, or when
 * nothing it wrote is cited, the rules' lines are the pre-read.
 */
export function preReadWriter(deps: { llm: Llm; defaults: { locale: SupportedLocale } }) {
  return async (series: SeriesDto, lines: PreReadLine[], plannedOn?: string): Promise<PreRead> => {
    const { t, locale } = seriesT(series, deps.defaults.locale);
    const written = await writeMeetingPreRead(deps.llm, {
      workspaceId: series.workspaceId,
      locale,
      meeting: `${seriesId(series)} ${series.title}${plannedOn ? `, ${plannedOn}` : ''}`,
      facts: lines.map((line, index) => ({
        ref: `P${index + 1}`,
        text: preReadLine(line, t).replace(/^• /, ''),
      })),
    });
    return { writtenBy: written.writtenBy, lines, sentences: written.sentences };
  };
}
