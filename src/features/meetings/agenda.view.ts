import type { KnownBlock, SectionBlock } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type {
  Agenda,
  AgendaItemDto,
  DepartmentName,
  Minutes,
  PreReadLine,
} from '../../modules/meetings/meetings.types.js';
import { ESCALATION_ACTIONS } from '../../slack/ids.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';
import { formatWhen, nameOf, seriesId, short } from './meeting-format.js';
import { MEETING_ACTIONS, MEETING_BLOCKS } from './meetings.ids.js';

interface Message {
  text: string;
  blocks: KnownBlock[];
}

/** Slack allows 50 blocks a message: the header, pre-read, follow-ups and the notes button keep a few. */
const ITEM_BLOCKS_MAX = 38;
const FOLLOW_UP_LINES = 25;
const SECTION_MAX = 2900;

const mrkdwn = (text: string, blockId?: string): SectionBlock => ({
  type: 'section',
  ...(blockId ? { block_id: blockId } : {}),
  text: { type: 'mrkdwn', text: short(text, SECTION_MAX) },
});

/** Where a pre-read line comes from, as its citation reads (ESC-3, the minutes of a date…). */
export function preReadSource(line: PreReadLine, t: Translate): string {
  switch (line.kind) {
    case 'escalationResolved':
    case 'escalationRaised':
      return `ESC-${line.escalationNumber}`;
    case 'actionItemDone':
      return t('meetings.agenda.pre.sourceActionItem', { date: line.meetingPlannedOn });
    case 'decisionRecorded':
      return t('meetings.agenda.pre.sourceMinutes', { date: line.meetingPlannedOn });
  }
}

/** The pre-read's text: the model's sentences with their sources, or the rules' lines; and who wrote it. */
function preReadText(agenda: Agenda, t: Translate): { lines: string[]; writtenBy: string } {
  const { preRead } = agenda;
  if (preRead.writtenBy === 'model' && preRead.sentences.length > 0) {
    const lines = preRead.sentences.map((sentence) => {
      const sources = sentence.refs.flatMap((ref) => {
        const line = preRead.lines[Number(ref.slice(1)) - 1];
        return line ? [preReadSource(line, t)] : [];
      });
      return t('meetings.agenda.pre.modelLine', {
        text: escapeMrkdwn(sentence.text),
        sources: [...new Set(sources)].join(', '),
      });
    });
    return { lines, writtenBy: t('meetings.agenda.pre.byModel') };
  }
  return {
    lines: preRead.lines.map((line) => preReadLine(line, t)),
    writtenBy: t('meetings.agenda.pre.byRules'),
  };
}

export function preReadLine(line: PreReadLine, t: Translate): string {
  switch (line.kind) {
    case 'escalationResolved':
      return line.decision
        ? t('meetings.agenda.pre.escalationResolved', {
            number: line.escalationNumber,
            title: escapeMrkdwn(line.title),
            decision: escapeMrkdwn(short(line.decision, 200)),
          })
        : t('meetings.agenda.pre.escalationResolvedNoText', {
            number: line.escalationNumber,
            title: escapeMrkdwn(line.title),
          });
    case 'escalationRaised':
      return t('meetings.agenda.pre.escalationRaised', {
        number: line.escalationNumber,
        title: escapeMrkdwn(line.title),
        severity: t(`meetings.urgency.${line.severity as 'NORMAL' | 'HIGH' | 'URGENT'}`),
      });
    case 'actionItemDone':
      return t('meetings.agenda.pre.actionItemDone', {
        owner: line.ownerSlackUserId,
        title: escapeMrkdwn(line.title),
        date: line.meetingPlannedOn,
      });
    case 'decisionRecorded':
      return t('meetings.agenda.pre.decisionRecorded', {
        item: escapeMrkdwn(line.itemTitle),
        text: escapeMrkdwn(short(line.text, 200)),
        date: line.meetingPlannedOn,
      });
  }
}

/** One agenda item as a line: tags (escalation, carried, late), title, department, urgency. */
export function agendaItemSection(
  item: AgendaItemDto,
  departments: readonly DepartmentName[],
  { t, locale }: { t: Translate; locale: SupportedLocale },
): SectionBlock {
  const tags = [
    item.escalationNumber ? t('meetings.agenda.tagEscalation', { number: item.escalationNumber }) : '',
    item.source === 'carried' ? t('meetings.agenda.tagCarried') : '',
    item.source === 'kpiBreach' ? t('meetings.agenda.tagKpi') : '',
    item.source === 'okrDrop' ? t('meetings.agenda.tagOkr') : '',
    item.late ? t('meetings.agenda.tagLate') : '',
  ].join('');
  const text = t('meetings.agenda.item', {
    tags,
    title: escapeMrkdwn(item.title),
    department: nameOf(departments, item.ownerDepartmentId, locale) || '—',
    urgency: t(`meetings.urgency.${item.urgency}`),
    description: item.description ? `\n${escapeMrkdwn(short(item.description, 400))}` : '',
    link: item.link ? `\n<${item.link.replace(/[<>|]/g, '')}>` : '',
  });
  const accessory = item.escalationNumber
    ? {
        type: 'button' as const,
        text: {
          type: 'plain_text' as const,
          text: t('meetings.agenda.resolve', { number: item.escalationNumber }),
        },
        // The escalation's own resolve flow: the same button as on its card.
        action_id: ESCALATION_ACTIONS.resolve,
        value: String(item.escalationNumber),
      }
    : {
        type: 'button' as const,
        text: { type: 'plain_text' as const, text: t('meetings.agenda.record') },
        action_id: MEETING_ACTIONS.recordOutcome,
        value: item.id,
      };
  return { ...mrkdwn(text, `${MEETING_BLOCKS.itemPrefix}${item.id}`), accessory };
}

/**
 * The agenda posted at the cut-off: the pre-read (each line citing its source), the items in
 * their groups with a button each (record a decision, or resolve the escalation), and the
 * action items from earlier meetings that are due or overdue.
 */
export function agendaMessage(
  agenda: Agenda,
  { t, locale }: { t: Translate; locale: SupportedLocale },
): Message {
  const { series, meeting } = agenda;
  const when = formatWhen(meeting.startsAt, series.timeZone, t);
  const params = { id: seriesId(series), title: escapeMrkdwn(series.title), when };
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      block_id: MEETING_BLOCKS.agendaHeader,
      text: {
        type: 'plain_text',
        text: short(t('meetings.agenda.header', { ...params, title: series.title }), 150),
      },
    },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: t('meetings.agenda.when', {
            when,
            facilitator: agenda.facilitatorSlackUserId ? `<@${agenda.facilitatorSlackUserId}>` : '—',
          }),
        },
      ],
    },
  ];
  const preTitle = agenda.since
    ? t('meetings.agenda.preReadTitle', { since: agenda.since })
    : t('meetings.agenda.preReadFirst');
  const pre = preReadText(agenda, t);
  blocks.push(
    mrkdwn(
      [preTitle, ...(pre.lines.length > 0 ? pre.lines : [t('meetings.agenda.preReadEmpty')])].join('\n'),
      MEETING_BLOCKS.preRead,
    ),
    {
      type: 'context',
      block_id: MEETING_BLOCKS.preReadBy,
      elements: [{ type: 'mrkdwn', text: pre.writtenBy }],
    },
    { type: 'divider' },
  );
  const items = agenda.groups.flatMap((g) => g.items);
  if (items.length === 0) blocks.push(mrkdwn(t('meetings.agenda.empty')));
  let budget = ITEM_BLOCKS_MAX;
  let shown = 0;
  for (const group of agenda.groups) {
    if (budget < 2) break;
    blocks.push(
      mrkdwn(
        group.kind === 'urgent'
          ? t('meetings.agenda.urgentGroup')
          : group.departmentId
            ? t('meetings.agenda.departmentGroup', {
                department: nameOf(agenda.departments, group.departmentId, locale),
              })
            : t('meetings.agenda.noDepartment'),
      ),
    );
    budget--;
    for (const item of group.items) {
      if (budget < 1) break;
      blocks.push(agendaItemSection(item, agenda.departments, { t, locale }));
      budget--;
      shown++;
    }
  }
  if (shown < items.length)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: t('meetings.agenda.more', { count: items.length - shown }) }],
    });
  if (agenda.followUps.length > 0) {
    const lines = agenda.followUps.slice(0, FOLLOW_UP_LINES).map((a) =>
      t('meetings.agenda.followUp', {
        title: escapeMrkdwn(a.title),
        owner: a.ownerSlackUserId,
        due: a.dueOn,
        overdue: a.status === 'OVERDUE' ? t('meetings.agenda.overdue') : '',
      }),
    );
    if (agenda.followUps.length > FOLLOW_UP_LINES)
      lines.push(t('meetings.agenda.more', { count: agenda.followUps.length - FOLLOW_UP_LINES }));
    blocks.push(
      { type: 'divider' },
      mrkdwn(
        [t('meetings.agenda.followUpsTitle', { count: agenda.followUps.length }), ...lines].join('\n'),
        MEETING_BLOCKS.followUps,
      ),
    );
  }
  // Free-form notes → proposals for their owners (as `/meeting notes MTG-n`); says so without a model.
  blocks.push({
    type: 'actions',
    block_id: MEETING_BLOCKS.notes,
    elements: [
      {
        type: 'button',
        text: { type: 'plain_text', text: t('meetings.agenda.notes') },
        action_id: MEETING_ACTIONS.openNotes,
        value: String(series.number),
      },
    ],
  });
  return { text: t('meetings.agenda.fallback', params), blocks };
}

/** A late item, posted in the agenda's thread once the agenda is out. */
export function lateItemMessage(
  item: AgendaItemDto,
  departments: readonly DepartmentName[],
  context: { t: Translate; locale: SupportedLocale },
): Message {
  return {
    text: context.t('meetings.agenda.lateItem'),
    blocks: [mrkdwn(context.t('meetings.agenda.lateItem')), agendaItemSection(item, departments, context)],
  };
}

/** The minutes, in the agenda's thread: decisions, action items with owners and dates, deferred items. */
export function minutesMessage(minutes: Minutes, { t }: { t: Translate }): Message {
  const { series, meeting } = minutes;
  const params = { id: seriesId(series), title: escapeMrkdwn(series.title), date: meeting.plannedOn };
  const none = t('meetings.minutes.none');
  const decisions = minutes.decisions.map((d) =>
    t('meetings.minutes.decision', {
      item: escapeMrkdwn(d.itemTitle),
      esc: d.escalationNumber ? ` (ESC-${d.escalationNumber})` : '',
      text: escapeMrkdwn(short(d.text, 300)),
      by: d.decidedBySlackUserId,
    }),
  );
  const actions = minutes.actionItems.map((a) =>
    t('meetings.minutes.action', { title: escapeMrkdwn(a.title), owner: a.ownerSlackUserId, due: a.dueOn }),
  );
  const deferred = minutes.deferred.map((i) =>
    t('meetings.minutes.deferredLine', { title: escapeMrkdwn(i.title) }),
  );
  const part = (title: string, lines: string[]) =>
    [title, ...(lines.length > 0 ? lines.slice(0, 40) : [none])].join('\n');
  return {
    text: t('meetings.minutes.fallback', params),
    blocks: [
      mrkdwn(t('meetings.minutes.header', params), MEETING_BLOCKS.minutes),
      mrkdwn(part(t('meetings.minutes.decisions'), decisions), 'meetings.minutes.decisions'),
      mrkdwn(part(t('meetings.minutes.actions'), actions), 'meetings.minutes.actions'),
      mrkdwn(part(t('meetings.minutes.deferred'), deferred), 'meetings.minutes.deferred'),
    ],
  };
}
