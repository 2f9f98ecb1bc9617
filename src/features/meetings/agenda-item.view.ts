import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type {
  AgendaItemDto,
  AgendaUrgency,
  DepartmentName,
  MeetingDto,
  SeriesDto,
} from '../../modules/meetings/meetings.types.js';
import { AGENDA_URGENCIES } from '../../modules/meetings/meetings.types.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';
import { formatWhen, seriesId, short } from './meeting-format.js';
import {
  AGENDA_ITEM_VIEW,
  AGENDA_ITEM_FIELDS as F,
  FIELD_ACTION,
  MEETING_ACTIONS,
  MEETING_BLOCKS,
} from './meetings.ids.js';

interface Message {
  text: string;
  blocks: KnownBlock[];
}

const meetingParams = (series: SeriesDto, meeting: MeetingDto, t: Translate) => ({
  id: seriesId(series),
  title: escapeMrkdwn(series.title),
  when: formatWhen(meeting.startsAt, series.timeZone, t),
  cutoff: formatWhen(meeting.closesAt, series.timeZone, t),
});

const button = (text: string, actionId: string, value: string, style?: 'primary' | 'danger') => ({
  type: 'button' as const,
  text: { type: 'plain_text' as const, text: short(text, 75) },
  action_id: actionId,
  value,
  ...(style ? { style } : {}),
});

/** The DM asking a lead for items, with the button that opens the item modal. */
export function askForItemsMessage(
  series: SeriesDto,
  meeting: MeetingDto,
  t: Translate,
  reminder = false,
): Message {
  const text = t(reminder ? 'meetings.remind.text' : 'meetings.ask.text', meetingParams(series, meeting, t));
  return {
    text,
    blocks: [
      { type: 'section', block_id: MEETING_BLOCKS.ask, text: { type: 'mrkdwn', text } },
      {
        type: 'actions',
        elements: [button(t('meetings.ask.button'), MEETING_ACTIONS.addItem, meeting.id, 'primary')],
      },
    ],
  };
}

const option = (text: string, value: string): PlainTextOption => ({
  text: { type: 'plain_text', text: short(text, 75) },
  value,
});

function input(blockId: string, label: string, element: InputBlock['element'], optional = false): InputBlock {
  return { type: 'input', block_id: blockId, optional, label: { type: 'plain_text', text: label }, element };
}

/** The item modal: add (metadata `{m}`) or edit (`{i}`), the owner department among those taking part. */
export function agendaItemModal(input_: {
  t: Translate;
  locale: SupportedLocale;
  series: SeriesDto;
  meeting: MeetingDto;
  departments: readonly DepartmentName[];
  defaultDepartmentId: string | null;
  item?: AgendaItemDto;
}): ModalView {
  const { t, locale, item } = input_;
  const departmentOptions = input_.departments.map((d) =>
    option(locale === 'zh-CN' ? d.nameZh : d.nameEn, d.id),
  );
  const ownerId = item?.ownerDepartmentId ?? input_.defaultDepartmentId;
  const owner = departmentOptions.find((o) => o.value === ownerId);
  const urgencyOptions = AGENDA_URGENCIES.map((u) => option(t(`meetings.urgency.${u}`), u));
  const urgency = urgencyOptions.find((o) => o.value === (item?.urgency ?? 'NORMAL'));
  const text = (initial: string | null | undefined, multiline = false, max = 150) => ({
    type: 'plain_text_input' as const,
    action_id: FIELD_ACTION,
    multiline,
    max_length: max,
    ...(initial ? { initial_value: initial } : {}),
  });
  return {
    type: 'modal',
    callback_id: AGENDA_ITEM_VIEW,
    private_metadata: JSON.stringify(item ? { i: item.id } : { m: input_.meeting.id }),
    title: { type: 'plain_text', text: short(t('meetings.itemModal.title'), 24) },
    submit: { type: 'plain_text', text: t('meetings.itemModal.submit') },
    close: { type: 'plain_text', text: t('meetings.newModal.close') },
    blocks: [
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: t('meetings.itemModal.context', meetingParams(input_.series, input_.meeting, t)),
          },
        ],
      },
      input(F.title, t('meetings.itemModal.fieldTitle'), text(item?.title)),
      input(F.description, t('meetings.itemModal.description'), text(item?.description, true, 1000), true),
      input(F.department, t('meetings.itemModal.department'), {
        type: 'static_select',
        action_id: FIELD_ACTION,
        options: departmentOptions,
        ...(owner ? { initial_option: owner } : {}),
      }),
      input(F.urgency, t('meetings.itemModal.urgency'), {
        type: 'radio_buttons',
        action_id: FIELD_ACTION,
        options: urgencyOptions,
        ...(urgency ? { initial_option: urgency } : {}),
      }),
      input(F.link, t('meetings.itemModal.link'), text(item?.link, false, 500), true),
    ],
  };
}

/** The person's record of an item they added or edited, with Edit and Withdraw. */
export function itemSavedMessage(
  kind: 'added' | 'edited' | 'withdrawn',
  input_: { series: SeriesDto; meeting: MeetingDto; item: AgendaItemDto; t: Translate },
): Message {
  const { series, meeting, item, t } = input_;
  const text = t(`meetings.itemSaved.${kind}`, {
    ...meetingParams(series, meeting, t),
    title2: escapeMrkdwn(item.title),
    late: item.late ? t('meetings.itemSaved.late') : '',
  });
  const blocks: KnownBlock[] = [
    { type: 'section', block_id: MEETING_BLOCKS.itemSaved, text: { type: 'mrkdwn', text } },
  ];
  if (kind !== 'withdrawn')
    blocks.push({
      type: 'actions',
      elements: [
        button(t('meetings.itemSaved.edit'), MEETING_ACTIONS.editItem, item.id),
        button(t('meetings.itemSaved.withdraw'), MEETING_ACTIONS.withdrawItem, item.id, 'danger'),
      ],
    });
  return { text, blocks };
}

export const urgencyLabel = (urgency: AgendaUrgency, t: Translate) => t(`meetings.urgency.${urgency}`);
