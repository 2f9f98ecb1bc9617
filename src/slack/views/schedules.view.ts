import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import { formatDateTime } from '../../i18n/format.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { CoverageReport } from '../../modules/calendar/coverage.service.js';
import type { ScheduleDto } from '../../modules/scheduling/schedule.types.js';
import { runningOutLine } from './calendar-coverage.view.js';
import { calendarLabel, formatDate } from './calendar-format.js';
import { escapeMrkdwn } from './escape.js';
import { describeRecurrence } from './schedules-recurrence.js';

/** Block ids of `/liaison schedules`; one item block per schedule, `schedules.item.<id>`. */
export const SCHEDULES_BLOCKS = {
  header: 'schedules.header',
  intro: 'schedules.intro',
  /** Calendars in use running out of holiday data. */
  coverage: 'schedules.coverage',
  empty: 'schedules.empty',
  more: 'schedules.more',
  item: (scheduleId: string) => `schedules.item.${scheduleId}`,
} as const;

/** Slack allows 50 blocks per message; header, intro, coverage and "more" take four. */
const MAX_LISTED = 45;
/** An active schedule this far past its next run is not being run: say so. */
const OVERDUE_AFTER_MS = 10 * 60_000;
const ERROR_SHOWN_MAX = 200;

export interface SchedulesViewInput {
  schedules: ScheduleDto[];
  /** The reader's zone (their own, else the workspace default): every time is shown in it. */
  timeZone: string;
  locale: SupportedLocale;
  now: Date;
  /** How far the workspace's calendars are known: running out, and runs computed past it. */
  coverage?: CoverageReport;
}

function formatWhen(_t: Translate, at: Date, timeZone: string, locale: SupportedLocale): string {
  return formatDateTime(at, locale, timeZone);
}

function scheduleLines(t: Translate, schedule: ScheduleDto, input: SchedulesViewInput): string[] {
  const when = (at: Date) => formatWhen(t, at, input.timeZone, input.locale);
  const lines = [
    t('scheduling.list.heading', { name: escapeMrkdwn(schedule.name), kind: escapeMrkdwn(schedule.kind) }),
  ];
  const rule = describeRecurrence(t, schedule);
  lines.push(rule ?? t('scheduling.list.invalidRule'));
  if (schedule.status === 'PAUSED') lines.push(t('scheduling.list.paused'));
  if (schedule.consecutiveFailures > 0) {
    const error = escapeMrkdwn((schedule.lastError ?? '').slice(0, ERROR_SHOWN_MAX)) || t('common.none');
    lines.push(t('scheduling.list.failing', { count: schedule.consecutiveFailures, error }));
  }
  const overdue =
    schedule.status === 'ACTIVE' &&
    schedule.nextRunAt !== null &&
    input.now.getTime() - schedule.nextRunAt.getTime() > OVERDUE_AFTER_MS;
  if (overdue && schedule.nextRunAt)
    lines.push(t('scheduling.list.overdue', { when: when(schedule.nextRunAt) }));
  else if (schedule.status === 'ACTIVE' && schedule.nextRunAt)
    lines.push(t('scheduling.list.next', { when: when(schedule.nextRunAt) }));
  else if (schedule.status === 'ACTIVE') lines.push(t('scheduling.list.nextNone'));
  const past = input.coverage?.pastCoverage.find(
    (item) => item.type === 'schedule' && item.id === schedule.id,
  );
  if (past)
    lines.push(
      t('calendar.coverage.scheduleMark', {
        date: formatDate(past.lastDate, input.locale),
        calendar: calendarLabel(past.calendar, input.locale),
      }),
    );
  lines.push(
    schedule.lastRunAt && schedule.lastOutcome
      ? t('scheduling.list.lastRun', {
          when: when(schedule.lastRunAt),
          outcome: t(`scheduling.outcomes.${schedule.lastOutcome}`),
        })
      : t('scheduling.list.neverRun'),
  );
  return lines;
}

/** `/liaison schedules`: every schedule of the workspace, times in the reader's zone. */
export function schedulesMessage(
  t: Translate,
  input: SchedulesViewInput,
): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      block_id: SCHEDULES_BLOCKS.header,
      text: { type: 'plain_text', text: t('scheduling.list.title') },
    },
    {
      type: 'context',
      block_id: SCHEDULES_BLOCKS.intro,
      elements: [
        { type: 'mrkdwn', text: t('scheduling.list.intro', { timeZone: escapeMrkdwn(input.timeZone) }) },
      ],
    },
  ];
  const runningOut = input.coverage?.runningOut ?? [];
  if (runningOut.length > 0)
    blocks.push({
      type: 'section',
      block_id: SCHEDULES_BLOCKS.coverage,
      text: {
        type: 'mrkdwn',
        text: runningOut
          .map((use) => runningOutLine(t, input.locale, use))
          .join('\n')
          .slice(0, 3000),
      },
    });
  if (input.schedules.length === 0) {
    blocks.push({
      type: 'section',
      block_id: SCHEDULES_BLOCKS.empty,
      text: { type: 'mrkdwn', text: t('scheduling.list.empty') },
    });
  }
  for (const schedule of input.schedules.slice(0, MAX_LISTED)) {
    blocks.push({
      type: 'section',
      block_id: SCHEDULES_BLOCKS.item(schedule.id),
      text: { type: 'mrkdwn', text: scheduleLines(t, schedule, input).join('\n') },
    });
  }
  if (input.schedules.length > MAX_LISTED) {
    blocks.push({
      type: 'context',
      block_id: SCHEDULES_BLOCKS.more,
      elements: [
        { type: 'mrkdwn', text: t('scheduling.list.more', { count: input.schedules.length - MAX_LISTED }) },
      ],
    });
  }
  return { text: t('scheduling.list.fallback', { count: input.schedules.length }), blocks };
}
