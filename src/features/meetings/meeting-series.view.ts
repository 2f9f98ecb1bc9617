import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { SeriesWithNext } from '../../modules/meetings/meeting-series.service.js';
import type { DepartmentName } from '../../modules/meetings/meetings.types.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';
import { describeSchedule, formatWhen, nameOf, seriesId } from './meeting-format.js';

interface Message {
  text: string;
  blocks: KnownBlock[];
}

const section = (text: string, blockId?: string): KnownBlock => ({
  type: 'section',
  ...(blockId ? { block_id: blockId } : {}),
  text: { type: 'mrkdwn', text },
});

/** The private confirmation after `/meeting new`. */
export function seriesCreatedMessage(series: SeriesWithNext, { t }: { t: Translate }): Message {
  const params = {
    id: seriesId(series),
    title: escapeMrkdwn(series.title),
    schedule: describeSchedule(series, t),
    channel: series.channelId,
    opens: series.agendaOpensHoursBefore,
    closes: series.agendaClosesHoursBefore,
  };
  const text = series.next
    ? t('meetings.created', { ...params, next: formatWhen(series.next.startsAt, series.timeZone, t) })
    : t('meetings.createdNoNext', params);
  return { text, blocks: [section(text, 'meetings.created')] };
}

/** The private confirmation after `/meeting edit`. */
export function seriesEditedMessage(
  series: SeriesWithNext & { recomputed: number },
  { t }: { t: Translate },
): Message {
  const params = {
    id: seriesId(series),
    title: escapeMrkdwn(series.title),
    schedule: describeSchedule(series, t),
    next: series.next ? formatWhen(series.next.startsAt, series.timeZone, t) : t('meetings.list.noNext'),
    recomputed: series.recomputed,
  };
  const text = t(series.recomputed === 1 ? 'meetings.editedOne' : 'meetings.edited', params);
  return { text, blocks: [section(text, 'meetings.edited')] };
}

/** `/meeting list`: every active series, its rule, channel, departments and next occurrence. */
export function seriesListMessage(
  all: readonly SeriesWithNext[],
  departments: readonly DepartmentName[],
  { t, locale }: { t: Translate; locale: SupportedLocale },
): Message {
  if (all.length === 0) {
    const text = t('meetings.list.empty');
    return { text, blocks: [section(text, 'meetings.list')] };
  }
  const title = t('meetings.list.title', { count: all.length });
  const lines = all.map((series) =>
    t('meetings.list.line', {
      id: seriesId(series),
      title: escapeMrkdwn(series.title),
      schedule: describeSchedule(series, t),
      channel: series.channelId,
      departments: series.departmentIds.map((id) => nameOf(departments, id, locale)).join(', '),
      next: series.next ? formatWhen(series.next.startsAt, series.timeZone, t) : t('meetings.list.noNext'),
    }),
  );
  return {
    text: title,
    blocks: [section(title, 'meetings.list'), ...lines.slice(0, 45).map((line) => section(line))],
  };
}
