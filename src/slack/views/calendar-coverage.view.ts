import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import { formatDateTime } from '../../i18n/format.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { CalendarCoverage } from '../../modules/calendar/coverage.rules.js';
import { COVERAGE_WARNING_DAYS } from '../../modules/calendar/coverage.rules.js';
import type {
  CalendarUse,
  CoverageNotice,
  CoverageReport,
  PastCoverageItem,
} from '../../modules/calendar/coverage.service.js';
import { calendarLabel, formatDate } from './calendar-format.js';
import { escapeMrkdwn } from './escape.js';

/** block_ids of the coverage messages (tests find blocks by these). */
export const COVERAGE_BLOCKS = {
  listHeader: 'calendar.list.header',
  listIntro: 'calendar.list.intro',
  listItem: (key: string) => `calendar.list.${key}`,
  listMore: 'calendar.list.more',
  dmTitle: 'calendar.coverage.title',
  dmUsedBy: 'calendar.coverage.used_by',
  dmHowToAdd: 'calendar.coverage.how_to_add',
  dmPast: 'calendar.coverage.past',
} as const;

/** Slack allows 50 blocks per message; header, intro and "more" take three. */
const MAX_LISTED = 45;
const PAST_SHOWN = 10;

/** "Holiday data known through Thu 31 Dec 2026" and its kin, in the reader's language. */
export function coverageText(t: Translate, locale: SupportedLocale, coverage: CalendarCoverage): string {
  if (coverage.kind === 'rule') return t('calendar.coverage.rule');
  if (coverage.kind === 'none') return t('calendar.coverage.none');
  return t('calendar.coverage.through', { date: formatDate(coverage.lastDate, locale) });
}

/** "25 days left", "1 day left", "ends today", "already ended". */
export function daysLeftText(t: Translate, daysLeft: number): string {
  if (daysLeft > 1) return t('calendar.coverage.left', { count: daysLeft });
  if (daysLeft === 1) return t('calendar.coverage.leftOne');
  if (daysLeft === 0) return t('calendar.coverage.endsToday');
  return t('calendar.coverage.ended');
}

function usedByText(t: Translate, locale: SupportedLocale, use: CalendarUse): string {
  const uses: string[] = [];
  if (use.workspaceDefault) uses.push(t('calendar.coverage.usedWorkspace'));
  if (use.departments.length > 0)
    uses.push(
      t('calendar.coverage.usedDepartments', {
        departments: use.departments
          .map((d) => escapeMrkdwn(locale === 'zh-CN' ? d.nameZh : d.nameEn))
          .join(t('calendar.coverage.listSeparator')),
      }),
    );
  if (use.people > 0)
    uses.push(
      use.people === 1
        ? t('calendar.coverage.usedPeopleOne')
        : t('calendar.coverage.usedPeople', { count: use.people }),
    );
  if (use.schedules > 0)
    uses.push(
      use.schedules === 1
        ? t('calendar.coverage.usedSchedulesOne')
        : t('calendar.coverage.usedSchedules', { count: use.schedules }),
    );
  return uses.length > 0
    ? t('calendar.coverage.usedBy', { uses: uses.join(t('calendar.coverage.separator')) })
    : t('calendar.coverage.unused');
}

/** ":warning: Holiday data for China (`cn`) ends Thu 31 Dec 2026 (25 days left); …" */
export function runningOutLine(t: Translate, locale: SupportedLocale, use: CalendarUse): string {
  const lastDate = use.coverage.kind === 'through' ? use.coverage.lastDate : '';
  return `${t('calendar.coverage.warning', {
    calendar: calendarLabel(use.calendar, locale),
    date: formatDate(lastDate, locale),
    left: daysLeftText(t, use.daysLeft ?? 0),
  })} ${t('calendar.coverage.addYear', { key: escapeMrkdwn(use.calendar.key) })}`;
}

function when(_t: Translate, at: Date, timeZone: string, locale: SupportedLocale): string {
  return formatDateTime(at, locale, timeZone);
}

export function pastCoverageLine(
  t: Translate,
  locale: SupportedLocale,
  timeZone: string,
  item: PastCoverageItem,
): string {
  const calendar = calendarLabel(item.calendar, locale);
  const at = when(t, item.at, timeZone, locale);
  return item.type === 'escalation'
    ? t('calendar.coverage.pastEscalation', {
        number: item.number,
        title: escapeMrkdwn(item.title),
        when: at,
        calendar,
      })
    : t('calendar.coverage.pastSchedule', { name: escapeMrkdwn(item.name), when: at, calendar });
}

/** The admins' Home notice: calendars running out, then what is already computed past them. */
export function coverageHomeLines(
  report: CoverageReport,
  reader: { t: Translate; locale: SupportedLocale; timeZone: string },
): string[] {
  const { t, locale, timeZone } = reader;
  return [
    ...report.runningOut.map((use) => runningOutLine(t, locale, use)),
    ...report.pastCoverage.map((item) => pastCoverageLine(t, locale, timeZone, item)),
  ];
}

/** `/liaison calendar list` (admins): every calendar, its coverage and who follows it. */
export function calendarListMessage(
  t: Translate,
  locale: SupportedLocale,
  report: CoverageReport,
): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      block_id: COVERAGE_BLOCKS.listHeader,
      text: { type: 'plain_text', text: t('calendar.coverage.listTitle') },
    },
    {
      type: 'context',
      block_id: COVERAGE_BLOCKS.listIntro,
      elements: [
        {
          type: 'mrkdwn',
          text: t('calendar.coverage.listIntro', {
            today: formatDate(report.today, locale),
            days: COVERAGE_WARNING_DAYS,
          }),
        },
      ],
    },
  ];
  const runningOut = new Set(report.runningOut.map((use) => use.calendar.id));
  for (const use of report.calendars.slice(0, MAX_LISTED)) {
    const coverage = coverageText(t, locale, use.coverage);
    const lines = [
      t('calendar.coverage.listItem', { calendar: calendarLabel(use.calendar, locale) }),
      use.daysLeft !== null && runningOut.has(use.calendar.id)
        ? runningOutLine(t, locale, use)
        : use.daysLeft !== null
          ? `${coverage} (${daysLeftText(t, use.daysLeft)})`
          : coverage,
      usedByText(t, locale, use),
    ];
    blocks.push({
      type: 'section',
      block_id: COVERAGE_BLOCKS.listItem(use.calendar.key),
      text: { type: 'mrkdwn', text: lines.join('\n') },
    });
  }
  if (report.calendars.length > MAX_LISTED)
    blocks.push({
      type: 'context',
      block_id: COVERAGE_BLOCKS.listMore,
      elements: [
        { type: 'mrkdwn', text: t('scheduling.list.more', { count: report.calendars.length - MAX_LISTED }) },
      ],
    });
  return { text: t('calendar.coverage.listFallback', { count: report.calendars.length }), blocks };
}

/** The warning DM to each admin, once per calendar and end of its data. */
export function coverageNoticeMessage(
  t: Translate,
  locale: SupportedLocale,
  notice: CoverageNotice,
  timeZone: string,
): { text: string; blocks: KnownBlock[] } {
  const { use } = notice;
  const calendar = calendarLabel(use.calendar, locale);
  const date = formatDate(use.coverage.kind === 'through' ? use.coverage.lastDate : notice.today, locale);
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      block_id: COVERAGE_BLOCKS.dmTitle,
      text: {
        type: 'mrkdwn',
        text: `${t('calendar.coverage.dmTitle', { calendar, date, left: daysLeftText(t, use.daysLeft ?? 0) })}\n${t('calendar.coverage.dmBody')}`,
      },
    },
    {
      type: 'context',
      block_id: COVERAGE_BLOCKS.dmUsedBy,
      elements: [{ type: 'mrkdwn', text: usedByText(t, locale, use) }],
    },
    {
      type: 'section',
      block_id: COVERAGE_BLOCKS.dmHowToAdd,
      text: {
        type: 'mrkdwn',
        text: t('calendar.coverage.dmHowToAdd', { key: escapeMrkdwn(use.calendar.key) }),
      },
    },
  ];
  if (notice.pastCoverage.length > 0) {
    const lines = notice.pastCoverage
      .slice(0, PAST_SHOWN)
      .map((item) => pastCoverageLine(t, locale, timeZone, item));
    if (notice.pastCoverage.length > PAST_SHOWN)
      lines.push(t('home.more', { count: notice.pastCoverage.length - PAST_SHOWN }));
    blocks.push({
      type: 'section',
      block_id: COVERAGE_BLOCKS.dmPast,
      text: { type: 'mrkdwn', text: [t('calendar.coverage.pastHeading'), ...lines].join('\n') },
    });
  }
  return { text: t('calendar.coverage.dmFallback', { calendar, date }), blocks };
}
