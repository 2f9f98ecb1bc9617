import type { KnownBlock, ModalView } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { NoticeApplied, NoticePreview } from '../../modules/calendar/calendar.service.js';
import { dateRanges } from '../../modules/calendar/holiday-notice.rules.js';
import type { CalendarDto } from '../../modules/calendar/index.js';
import { CALENDAR_FIELDS, CALENDAR_VIEWS, DEPARTMENT_FIELD_ACTION } from '../ids.js';
import { coverageText } from './calendar-coverage.view.js';
import { calendarLabel, formatDate } from './calendar-format.js';
import { escapeMrkdwn } from './escape.js';

export const NOTICE_BLOCKS = {
  intro: 'calendar.notice.intro',
  heading: 'calendar.notice.heading',
  items: 'calendar.notice.items',
  problems: 'calendar.notice.problems',
  replaces: 'calendar.notice.replaces',
  result: 'calendar.notice.result',
} as const;

/** Slack's plain_text_input holds at most 3,000 characters; a notice is about 800. */
const NOTICE_MAX = 3000;
/** Slack's private_metadata holds at most 3,000 characters. */
export const NOTICE_METADATA_MAX = 3000;
const PROBLEMS_SHOWN = 10;
const SECTION_TEXT_MAX = 3000;

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const clip = (text: string) =>
  text.length <= SECTION_TEXT_MAX ? text : `${text.slice(0, SECTION_TEXT_MAX - 1)}…`;

/** The paste form's private_metadata: which calendar (checked again on submit). */
export function noticeFormMetadata(calendarKey: string): string {
  return JSON.stringify({ k: calendarKey });
}

/** What the preview carries to its submit: the calendar, the year and what was read, as ranges. */
export function noticePreviewMetadata(preview: Pick<NoticePreview, 'calendar' | 'year' | 'items'>): string {
  return JSON.stringify({
    k: preview.calendar.key,
    y: preview.year,
    i: preview.items.map((item) => ({ n: item.name, h: dateRanges(item.daysOff), w: item.workdays })),
  });
}

/** `/liaison calendar notice [KEY]`: one box to paste the notice into. */
export function noticeModal(t: Translate, locale: SupportedLocale, calendar: CalendarDto): ModalView {
  return {
    type: 'modal',
    callback_id: CALENDAR_VIEWS.notice,
    private_metadata: noticeFormMetadata(calendar.key),
    title: plain(t('calendar.notice.modalTitle')),
    submit: plain(t('calendar.notice.preview')),
    close: plain(t('calendar.notice.cancel')),
    blocks: [
      {
        type: 'section',
        block_id: NOTICE_BLOCKS.intro,
        text: {
          type: 'mrkdwn',
          text: t('calendar.notice.intro', { calendar: calendarLabel(calendar, locale) }),
        },
      },
      {
        type: 'input',
        block_id: CALENDAR_FIELDS.noticeText,
        label: plain(t('calendar.notice.label')),
        element: {
          type: 'plain_text_input',
          action_id: DEPARTMENT_FIELD_ACTION,
          multiline: true,
          max_length: NOTICE_MAX,
          placeholder: plain('国务院办公厅关于2027年部分节假日安排的通知 …'),
        },
      },
    ],
  };
}

function rangeText(t: Translate, locale: SupportedLocale, [from, to]: [string, string]): string {
  return from === to
    ? formatDate(from, locale)
    : t('calendar.notice.range', { from: formatDate(from, locale), to: formatDate(to, locale) });
}

function previewBlocks(t: Translate, locale: SupportedLocale, preview: NoticePreview): KnownBlock[] {
  const separator = t('calendar.notice.listSeparator');
  const daysOff = preview.items.reduce((sum, item) => sum + item.daysOff.length, 0);
  const workdays = preview.items.reduce((sum, item) => sum + item.workdays.length, 0);
  const itemLines = preview.items.flatMap((item) => {
    const lines = [
      t('calendar.notice.item', {
        name: escapeMrkdwn(item.name ?? t('calendar.notice.unnamed')),
        count: item.daysOff.length,
        ranges: dateRanges(item.daysOff)
          .map((range) => rangeText(t, locale, range))
          .join(separator),
      }),
    ];
    if (item.workdays.length > 0)
      lines.push(
        t('calendar.notice.itemWorkdays', {
          count: item.workdays.length,
          dates: item.workdays.map((date) => formatDate(date, locale)).join(separator),
        }),
      );
    return lines;
  });
  const problemLines = preview.problems.slice(0, PROBLEMS_SHOWN).map((problem) =>
    t('calendar.notice.problem', {
      line: escapeMrkdwn(problem.line),
      why: t(`calendar.notice.problems.${problem.reason}`, problem.params),
    }),
  );
  if (preview.problems.length > PROBLEMS_SHOWN)
    problemLines.push(t('calendar.notice.moreProblems', { count: preview.problems.length - PROBLEMS_SHOWN }));
  return [
    {
      type: 'section',
      block_id: NOTICE_BLOCKS.heading,
      text: {
        type: 'mrkdwn',
        text: t('calendar.notice.heading', {
          year: preview.year,
          calendar: calendarLabel(preview.calendar, locale),
          daysOff,
          workdays,
        }),
      },
    },
    {
      type: 'section',
      block_id: NOTICE_BLOCKS.items,
      text: { type: 'mrkdwn', text: clip(itemLines.join('\n')) },
    },
    {
      type: 'section',
      block_id: NOTICE_BLOCKS.problems,
      text: {
        type: 'mrkdwn',
        text: clip(
          preview.problems.length > 0
            ? [
                t('calendar.notice.problemsHeading', { count: preview.problems.length }),
                ...problemLines,
              ].join('\n')
            : t('calendar.notice.allRead'),
        ),
      },
    },
    {
      type: 'context',
      block_id: NOTICE_BLOCKS.replaces,
      elements: [{ type: 'mrkdwn', text: t('calendar.notice.replaces') }],
    },
  ];
}

/** What was read, to confirm (stores it) or cancel (stores nothing). */
export function noticePreviewModal(
  t: Translate,
  locale: SupportedLocale,
  preview: NoticePreview,
  metadata: string,
): ModalView {
  return {
    type: 'modal',
    callback_id: CALENDAR_VIEWS.noticePreview,
    private_metadata: metadata,
    title: plain(t('calendar.notice.previewTitle')),
    submit: plain(t('calendar.notice.confirm')),
    close: plain(t('calendar.notice.cancel')),
    blocks: previewBlocks(t, locale, preview),
  };
}

/** The last step: what was added, or why nothing was. */
export function noticeResultModal(t: Translate, text: string, added: boolean): ModalView {
  return {
    type: 'modal',
    title: plain(t(added ? 'calendar.notice.doneTitle' : 'calendar.notice.failedTitle')),
    close: plain(t('calendar.notice.done')),
    blocks: [{ type: 'section', block_id: NOTICE_BLOCKS.result, text: { type: 'mrkdwn', text: clip(text) } }],
  };
}

export function noticeAppliedText(t: Translate, locale: SupportedLocale, applied: NoticeApplied): string {
  return `${t('calendar.notice.added', {
    year: applied.year,
    calendar: calendarLabel(applied.calendar, locale),
    daysOff: applied.daysOff,
    workdays: applied.workdays,
  })}\n${coverageText(t, locale, applied.coverage)}.`;
}
