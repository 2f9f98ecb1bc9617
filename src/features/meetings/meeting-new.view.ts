import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { DepartmentName } from '../../modules/meetings/meetings.types.js';
import { short } from './meeting-format.js';
import { MEETING_NEW_FIELDS as F, FIELD_ACTION, MEETING_NEW_VIEW } from './meetings.ids.js';

const option = (text: string, value: string): PlainTextOption => ({
  text: { type: 'plain_text', text: short(text, 75) },
  value,
});

function input(
  blockId: string,
  label: string,
  element: InputBlock['element'],
  optional = false,
  hint?: string,
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional,
    label: { type: 'plain_text', text: label },
    element,
    ...(hint ? { hint: { type: 'plain_text', text: hint } } : {}),
  };
}

const text = (initial?: string, multiline = false) => ({
  type: 'plain_text_input' as const,
  action_id: FIELD_ACTION,
  multiline,
  ...(initial ? { initial_value: initial } : {}),
});

export const RECURRENCE_CHOICES = ['weekly', 'everyNWeeks', 'monthlyDay', 'monthlyNth'] as const;
export const NTH_CHOICES = ['1', '2', '3', '4', 'last'] as const;

/**
 * `/meeting new`: everything a series needs in one modal. The recurrence is one choice plus
 * the fields it uses (weekday, N, day of month, nth), checked together on submit.
 */
export function meetingNewModal(input_: {
  t: Translate;
  locale: SupportedLocale;
  departments: readonly DepartmentName[];
  timeZone: string;
  replyChannelId: string;
}): ModalView {
  const { t, locale } = input_;
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) =>
    option(t(`meetings.weekdays.${d}` as Parameters<Translate>[0]), String(d)),
  );
  const blocks: KnownBlock[] = [
    input(F.title, t('meetings.newModal.fieldTitle'), { ...text(), max_length: 150 }),
    input(F.departments, t('meetings.newModal.departments'), {
      type: 'multi_static_select',
      action_id: FIELD_ACTION,
      options: input_.departments.map((d) => option(locale === 'zh-CN' ? d.nameZh : d.nameEn, d.id)),
    }),
    input(F.recurrence, t('meetings.newModal.recurrence'), {
      type: 'static_select',
      action_id: FIELD_ACTION,
      initial_option: option(t('meetings.recurrence.weekly'), 'weekly'),
      options: RECURRENCE_CHOICES.map((c) => option(t(`meetings.recurrence.${c}`), c)),
    }),
    input(
      F.weekday,
      t('meetings.newModal.weekday'),
      { type: 'static_select', action_id: FIELD_ACTION, options: weekdays },
      true,
      t('meetings.newModal.weekdayHint'),
    ),
    input(F.interval, t('meetings.newModal.interval'), text('2'), true),
    input(F.monthDay, t('meetings.newModal.monthDay'), text(), true, t('meetings.newModal.monthDayHint')),
    input(
      F.nth,
      t('meetings.newModal.nth'),
      {
        type: 'static_select',
        action_id: FIELD_ACTION,
        options: NTH_CHOICES.map((n) => option(t(`meetings.nth.${n}`), n)),
      },
      true,
    ),
    input(F.time, t('meetings.newModal.time'), {
      ...text('10:00'),
      placeholder: { type: 'plain_text', text: 'HH:MM' },
    }),
    input(F.timeZone, t('meetings.newModal.timeZone'), text(input_.timeZone)),
    input(F.duration, t('meetings.newModal.duration'), text('60')),
    input(F.channel, t('meetings.newModal.channel'), {
      type: 'conversations_select',
      action_id: FIELD_ACTION,
      filter: { include: ['public', 'private'], exclude_bot_users: true },
    }),
    input(
      F.facilitator,
      t('meetings.newModal.facilitator'),
      { type: 'multi_users_select', action_id: FIELD_ACTION, max_selected_items: 1 },
      true,
    ),
    input(F.opens, t('meetings.newModal.opens'), text('72')),
    input(F.closes, t('meetings.newModal.closes'), text('24')),
    input(F.holiday, t('meetings.newModal.holiday'), {
      type: 'radio_buttons',
      action_id: FIELD_ACTION,
      initial_option: option(t('meetings.holiday.NEXT_WORKING_DAY'), 'NEXT_WORKING_DAY'),
      options: [
        option(t('meetings.holiday.NEXT_WORKING_DAY'), 'NEXT_WORKING_DAY'),
        option(t('meetings.holiday.SKIP'), 'SKIP'),
      ],
    }),
  ];
  return {
    type: 'modal',
    callback_id: MEETING_NEW_VIEW,
    private_metadata: JSON.stringify({ c: input_.replyChannelId }),
    title: { type: 'plain_text', text: short(t('meetings.newModal.title'), 24) },
    submit: { type: 'plain_text', text: t('meetings.newModal.submit') },
    close: { type: 'plain_text', text: t('meetings.newModal.close') },
    blocks,
  };
}
