import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { DepartmentName, SeriesDto } from '../../modules/meetings/meetings.types.js';
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

/** The modal's recurrence fields for a stored rule (what `/meeting edit` shows). */
function recurrenceFields(rule: SeriesDto['recurrence']) {
  switch (rule.type) {
    case 'weekly':
      return { choice: 'weekly' as const, weekday: rule.weekdays[0] };
    case 'every-n-weeks':
      return { choice: 'everyNWeeks' as const, weekday: rule.weekdays[0], interval: rule.interval };
    case 'monthly':
      return 'day' in rule && rule.day !== undefined
        ? { choice: 'monthlyDay' as const, monthDay: rule.day }
        : {
            choice: 'monthlyNth' as const,
            weekday: (rule as { weekday: number }).weekday,
            nth: (rule as { nth: number }).nth === -1 ? 'last' : String((rule as { nth: number }).nth),
          };
    default:
      return { choice: 'weekly' as const };
  }
}

/**
 * `/meeting new`: everything a series needs in one modal (`/meeting edit`: the same, filled in
 * from the series). The recurrence is one choice plus
 * the fields it uses (weekday, N, day of month, nth), checked together on submit.
 */
export function meetingNewModal(input_: {
  t: Translate;
  locale: SupportedLocale;
  departments: readonly DepartmentName[];
  timeZone: string;
  replyChannelId: string;
  editing?: { series: SeriesDto; facilitatorSlackUserId: string | null };
}): ModalView {
  const { t, locale } = input_;
  const series = input_.editing?.series;
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) =>
    option(t(`meetings.weekdays.${d}` as Parameters<Translate>[0]), String(d)),
  );
  const rule = series ? recurrenceFields(series.recurrence) : undefined;
  const departmentOptions = input_.departments.map((d) =>
    option(locale === 'zh-CN' ? d.nameZh : d.nameEn, d.id),
  );
  const chosenDepartments = departmentOptions.filter((o) => series?.departmentIds.includes(o.value ?? ''));
  const weekday =
    rule && 'weekday' in rule && rule.weekday !== undefined
      ? weekdays.find((w) => w.value === String(rule.weekday))
      : undefined;
  const nth = rule && 'nth' in rule ? rule.nth : undefined;
  const holiday = series?.holidayPolicy ?? 'NEXT_WORKING_DAY';
  const blocks: KnownBlock[] = [
    input(F.title, t('meetings.newModal.fieldTitle'), { ...text(series?.title), max_length: 150 }),
    input(F.departments, t('meetings.newModal.departments'), {
      type: 'multi_static_select',
      action_id: FIELD_ACTION,
      options: departmentOptions,
      ...(chosenDepartments.length > 0 ? { initial_options: chosenDepartments } : {}),
    }),
    input(F.recurrence, t('meetings.newModal.recurrence'), {
      type: 'static_select',
      action_id: FIELD_ACTION,
      initial_option: option(t(`meetings.recurrence.${rule?.choice ?? 'weekly'}`), rule?.choice ?? 'weekly'),
      options: RECURRENCE_CHOICES.map((c) => option(t(`meetings.recurrence.${c}`), c)),
    }),
    input(
      F.weekday,
      t('meetings.newModal.weekday'),
      {
        type: 'static_select',
        action_id: FIELD_ACTION,
        options: weekdays,
        ...(weekday ? { initial_option: weekday } : {}),
      },
      true,
      t('meetings.newModal.weekdayHint'),
    ),
    input(
      F.interval,
      t('meetings.newModal.interval'),
      text(rule && 'interval' in rule ? String(rule.interval) : '2'),
      true,
    ),
    input(
      F.monthDay,
      t('meetings.newModal.monthDay'),
      text(rule && 'monthDay' in rule ? String(rule.monthDay) : undefined),
      true,
      t('meetings.newModal.monthDayHint'),
    ),
    input(
      F.nth,
      t('meetings.newModal.nth'),
      {
        type: 'static_select',
        action_id: FIELD_ACTION,
        options: NTH_CHOICES.map((n) => option(t(`meetings.nth.${n}`), n)),
        ...(nth
          ? { initial_option: option(t(`meetings.nth.${nth as (typeof NTH_CHOICES)[number]}`), nth) }
          : {}),
      },
      true,
    ),
    input(F.time, t('meetings.newModal.time'), {
      ...text(series?.timeOfDay ?? '10:00'),
      placeholder: { type: 'plain_text', text: 'HH:MM' },
    }),
    input(F.timeZone, t('meetings.newModal.timeZone'), text(series?.timeZone ?? input_.timeZone)),
    input(F.duration, t('meetings.newModal.duration'), text(String(series?.durationMinutes ?? 60))),
    input(F.channel, t('meetings.newModal.channel'), {
      type: 'conversations_select',
      action_id: FIELD_ACTION,
      filter: { include: ['public', 'private'], exclude_bot_users: true },
      ...(series ? { initial_conversation: series.channelId } : {}),
    }),
    input(
      F.facilitator,
      t('meetings.newModal.facilitator'),
      {
        type: 'multi_users_select',
        action_id: FIELD_ACTION,
        max_selected_items: 1,
        ...(input_.editing?.facilitatorSlackUserId
          ? { initial_users: [input_.editing.facilitatorSlackUserId] }
          : {}),
      },
      true,
    ),
    input(F.opens, t('meetings.newModal.opens'), text(String(series?.agendaOpensHoursBefore ?? 72))),
    input(F.closes, t('meetings.newModal.closes'), text(String(series?.agendaClosesHoursBefore ?? 24))),
    input(F.holiday, t('meetings.newModal.holiday'), {
      type: 'radio_buttons',
      action_id: FIELD_ACTION,
      initial_option: option(t(`meetings.holiday.${holiday}`), holiday),
      options: [
        option(t('meetings.holiday.NEXT_WORKING_DAY'), 'NEXT_WORKING_DAY'),
        option(t('meetings.holiday.SKIP'), 'SKIP'),
      ],
    }),
  ];
  return {
    type: 'modal',
    callback_id: MEETING_NEW_VIEW,
    private_metadata: JSON.stringify({ c: input_.replyChannelId, ...(series ? { n: series.number } : {}) }),
    title: {
      type: 'plain_text',
      text: short(
        series ? t('meetings.editModal.title', { id: `MTG-${series.number}` }) : t('meetings.newModal.title'),
        24,
      ),
    },
    submit: {
      type: 'plain_text',
      text: series ? t('meetings.editModal.submit') : t('meetings.newModal.submit'),
    },
    close: { type: 'plain_text', text: t('meetings.newModal.close') },
    blocks,
  };
}
