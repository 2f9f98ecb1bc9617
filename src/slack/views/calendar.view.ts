import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { CalendarOverview, DayStatus, FollowedCalendar } from '../../modules/calendar/index.js';
import { coverageText } from './calendar-coverage.view.js';
import { calendarLabel, formatDate, holidayName } from './calendar-format.js';
import { escapeMrkdwn } from './escape.js';

/** block_ids of calendar messages (tests find blocks by these). */
export const CALENDAR_BLOCKS = {
  header: 'calendar.header',
  follows: 'calendar.follows',
  coverage: 'calendar.coverage',
  upcoming: 'calendar.upcoming',
  source: 'calendar.source',
  result: 'calendar.result',
} as const;

/** "You follow China (`cn`) — the calendar of your department Tech." */
export function followsLine(t: Translate, locale: SupportedLocale, followed: FollowedCalendar): string {
  if (!followed.calendar) return t('calendar.view.followsNone');
  const calendar = calendarLabel(followed.calendar, locale);
  if (followed.source === 'person') return t('calendar.view.followsOwn', { calendar });
  if (followed.source === 'department' && followed.department) {
    const department = escapeMrkdwn(
      locale === 'zh-CN' ? followed.department.nameZh : followed.department.nameEn,
    );
    return t('calendar.view.followsDepartment', { calendar, department });
  }
  return t('calendar.view.followsWorkspace', { calendar });
}

function dayLine(t: Translate, locale: SupportedLocale, day: DayStatus): string {
  const date = formatDate(day.date, locale);
  const name = day.name ? holidayName(day.name, locale) : null;
  if (day.kind === 'holiday')
    return name ? t('calendar.view.holiday', { date, name }) : t('calendar.view.holidayUnnamed', { date });
  if (day.kind === 'weekend') return t('calendar.view.weekend', { date });
  return name
    ? t('calendar.view.makeUpWorkday', { date, name })
    : t('calendar.view.makeUpWorkdayUnnamed', { date });
}

/** `/liaison calendar`: which calendar the person follows and why, and their next days off. */
export function calendarOverviewMessage(t: Translate, locale: SupportedLocale, overview: CalendarOverview) {
  const lines = overview.upcoming.map((day) => dayLine(t, locale, day));
  const calendar = overview.followed.calendar
    ? calendarLabel(overview.followed.calendar, locale)
    : t('common.none');
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      block_id: CALENDAR_BLOCKS.header,
      text: { type: 'plain_text', text: t('calendar.view.title') },
    },
    {
      type: 'section',
      block_id: CALENDAR_BLOCKS.follows,
      text: { type: 'mrkdwn', text: followsLine(t, locale, overview.followed) },
    },
    ...(overview.coverage
      ? [
          {
            type: 'context' as const,
            block_id: CALENDAR_BLOCKS.coverage,
            elements: [{ type: 'mrkdwn' as const, text: coverageText(t, locale, overview.coverage) }],
          },
        ]
      : []),
    {
      type: 'section',
      block_id: CALENDAR_BLOCKS.upcoming,
      text: {
        type: 'mrkdwn',
        text: [
          t('calendar.view.upcomingHeading', { today: formatDate(overview.today, locale) }),
          ...(lines.length > 0 ? lines : [t('calendar.view.nothingAhead')]),
        ].join('\n'),
      },
    },
    {
      type: 'context',
      block_id: CALENDAR_BLOCKS.source,
      elements: [
        { type: 'mrkdwn', text: t('calendar.view.source') },
        ...(overview.publicDataEndsWithYear === null
          ? []
          : [
              {
                type: 'mrkdwn' as const,
                text: t('calendar.view.notCovered', { year: overview.publicDataEndsWithYear }),
              },
            ]),
      ],
    },
  ];
  return { text: t('calendar.view.fallback', { calendar }), blocks };
}

/** The answer to a calendar change: one line, already localized and escaped. */
export function calendarResultMessage(text: string): { text: string; blocks: KnownBlock[] } {
  return {
    text,
    blocks: [{ type: 'section', block_id: CALENDAR_BLOCKS.result, text: { type: 'mrkdwn', text } }],
  };
}
