import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import { formatDateTime } from '../../i18n/format.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import { cycleChangePercent } from '../../modules/escalations/agenda-assessment.rules.js';
import type { AssessmentReport } from '../../modules/escalations/assessment.service.js';
import type { TiedEscalation } from '../../modules/escalations/open-escalations.rules.js';
import { formatDate } from './calendar-format.js';
import { escapeMrkdwn } from './escape.js';

export const ESCALATION_REPORT_BLOCKS = {
  header: 'escalations.report.header',
  context: 'escalations.report.context',
  departments: 'escalations.report.departments',
  legend: 'escalations.report.legend',
} as const;

const SECTION_TEXT_MAX = 3000;

/** A duration as its reader writes it: "1 d 4 h", "3 h 20 min", "1天4小时". */
export function formatMinutes(minutes: number, locale: SupportedLocale): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const zh = locale === 'zh-CN';
  const unit = { d: zh ? '天' : ' d', h: zh ? '小时' : ' h', m: zh ? '分钟' : ' min' };
  const parts: string[] = [];
  if (days > 0) {
    parts.push(`${days}${unit.d}`);
    if (hours > 0) parts.push(`${hours}${unit.h}`);
  } else if (hours > 0) {
    parts.push(`${hours}${unit.h}`);
    if (mins > 0) parts.push(`${mins}${unit.m}`);
  } else {
    parts.push(`${mins}${unit.m}`);
  }
  return parts.join(zh ? '' : ' ');
}

/** "3 d 5 h (prev 6 d 12 h, −51%)"; "—" when nothing was decided this quarter. */
function agendaCycle(
  current: number | null,
  previous: number | null,
  locale: SupportedLocale,
  t: Translate,
): string {
  if (current === null) return t('escalationReport.none');
  const now = formatMinutes(current, locale);
  if (previous === null) return t('escalationReport.cycleNoPrev', { cycle: now });
  const change = cycleChangePercent(current, previous);
  const sign = change === null || change === 0 ? '±' : change < 0 ? '−' : '+';
  return t('escalationReport.cycleVsPrev', {
    cycle: now,
    prev: formatMinutes(previous, locale),
    change: `${sign}${Math.abs(change ?? 0)}%`,
  });
}

function ratio(part: number, whole: number, t: Translate): string {
  if (whole === 0) return t('escalationReport.none');
  return t('escalationReport.ratio', { part, whole, percent: Math.round((part / whole) * 100) });
}

/** Joins lines into texts of at most `max` characters, never splitting a line (one too long is cut). */
function chunkLines(lines: readonly string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = raw.slice(0, max);
    if (current && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) chunks.push(current);
  return chunks;
}

const nameIn = (department: { nameEn: string; nameZh: string }, locale: SupportedLocale) =>
  escapeMrkdwn(locale === 'zh-CN' ? department.nameZh : department.nameEn);

/** `/escalate report`: a header with the quarter and its dates, one line per department. */
export function escalationReportView(
  report: AssessmentReport,
  reader: { t: Translate; locale: SupportedLocale; timeZone: string },
): { text: string; blocks: KnownBlock[] } {
  const { t, locale, timeZone } = reader;
  const from = formatDate(report.bounds.firstDay, locale);
  const to = formatDate(report.bounds.lastDay, locale);
  const rows = [...report.rows].sort((a, b) =>
    nameIn(a.department, locale).localeCompare(nameIn(b.department, locale), locale),
  );
  const scope =
    report.scope === 'all'
      ? t('escalationReport.scopeAll')
      : rows.length === 0
        ? t('escalationReport.nothingLed')
        : t('escalationReport.scopeLed', {
            departments: rows
              .map((row) => nameIn(row.department, locale))
              .join(locale === 'zh-CN' ? '、' : ', '),
          });
  const at = formatDateTime(report.computedAt, locale, timeZone);
  const asOf = t(report.final ? 'escalationReport.asOfFinal' : 'escalationReport.asOfRunning', { at });
  const lines = rows.map((row) =>
    t('escalationReport.line', {
      department: nameIn(row.department, locale),
      raised: row.raised,
      received: row.received,
      withinSla: ratio(row.answeredWithinSla, row.received, t),
      median:
        row.medianMinutesToDecision === null
          ? t('escalationReport.none')
          : formatMinutes(row.medianMinutesToDecision, locale),
      onTime:
        row.actionItemsDue === 0
          ? t('escalationReport.none')
          : `${row.actionItemsOnTime}/${row.actionItemsDue}`,
      checkIns: ratio(row.checkInsAnswered, row.checkInsAsked, t),
      agendaRaised: row.agendaItemsRaised,
      agendaResolved: row.agendaItemsResolved,
      cycle: agendaCycle(row.agendaCycleMinutes, row.agendaCyclePrevMinutes, locale, t),
    }),
  );
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      block_id: ESCALATION_REPORT_BLOCKS.header,
      text: { type: 'plain_text', text: t('escalationReport.header', { quarter: report.quarter }) },
    },
    {
      type: 'context',
      block_id: ESCALATION_REPORT_BLOCKS.context,
      elements: [
        { type: 'mrkdwn', text: `${t('escalationReport.dates', { from, to })} · ${scope}` },
        { type: 'mrkdwn', text: asOf },
      ],
    },
  ];
  // A section holds 3000 characters: a large workspace's lines go on in further sections.
  chunkLines(lines, SECTION_TEXT_MAX).forEach((chunk, index) => {
    blocks.push({
      type: 'section',
      block_id:
        index === 0
          ? ESCALATION_REPORT_BLOCKS.departments
          : `${ESCALATION_REPORT_BLOCKS.departments}.${index + 1}`,
      text: { type: 'mrkdwn', text: chunk },
    });
  });
  blocks.push({
    type: 'context',
    block_id: ESCALATION_REPORT_BLOCKS.legend,
    elements: [{ type: 'mrkdwn', text: t('escalationReport.legend') }],
  });
  return {
    text: `${t('escalationReport.fallback', { quarter: report.quarter, from, to })}\n${lines.join('\n')}`,
    blocks,
  };
}

/** The Home section "Escalations I own or must act on": one line each, deadlines in the reader's zone. */
export function escalationHomeLines(
  escalations: readonly TiedEscalation[],
  reader: { t: Translate; locale: SupportedLocale; timeZone: string },
): string[] {
  const { t, locale, timeZone } = reader;
  return escalations.map((esc) => {
    const due = esc.slaDueAt
      ? t('escalationReport.home.due', {
          at: formatDateTime(esc.slaDueAt, locale, timeZone),
        })
      : t('escalationReport.home.noDeadline');
    const line = t('escalationReport.home.line', {
      esc: `ESC-${esc.number}`,
      severity: t(`escalations.severity.${esc.severity}`),
      status: t(`escalations.status.${esc.status}`),
      level: esc.level,
      title: escapeMrkdwn(esc.title),
      due,
    });
    return `• ${line}${esc.mustAct ? ` — ${t('escalationReport.home.yourMove')}` : ''}`;
  });
}
