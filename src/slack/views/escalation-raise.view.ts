import type { KnownBlock, ModalView, PlainTextElement, PlainTextOption } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import { formatDateTime } from '../../i18n/format.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { EscalationPolicy, Sla } from '../../modules/escalations/escalation-policy.rules.js';
import { TEXT_MAX, TITLE_MAX } from '../../modules/escalations/escalations.service.js';
import {
  type EscalationDto,
  SEVERITIES,
  type Severity,
} from '../../modules/escalations/escalations.types.js';
import { DEPARTMENT_FIELD_ACTION, ESCALATION_RAISE_FIELDS, ESCALATION_RAISE_VIEW } from '../ids.js';
import { truncateText } from '../parsers/message-text.parser.js';
import { escapeMrkdwn } from './escape.js';
import { textInputBlock } from './text-input.view.js';

/** The modal's blocks that are not inputs. */
export const ESCALATION_RAISE_BLOCKS = {
  intro: 'escalations.raise.intro',
  quote: 'escalations.raise.quote',
} as const;
/** The confirmation the raiser gets. */
export const ESCALATION_RAISED_BLOCK = 'escalations.raised';

/** readViewState reads every input under this action id. */
const FIELD_ACTION = DEPARTMENT_FIELD_ACTION;
/** Slack's limit on an option's text in a select. */
const OPTION_TEXT_MAX = 75;

export interface DepartmentChoice {
  id: string;
  /** In the reader's language. */
  name: string;
}

export interface RaiseModalInput {
  /** The raiser's own active departments, the one to prefill first. */
  raiserDepartments: DepartmentChoice[];
  /** Every active department of the workspace. */
  departments: DepartmentChoice[];
  policy: EscalationPolicy;
  /** From the shortcut: the message escalated (plain text) and who wrote it. */
  quote?: { text: string; authorSlackUserId: string | null } | null;
  prefill?: { title?: string; blocked?: string };
  metadata: string;
}

const plain = (text: string): PlainTextElement => ({ type: 'plain_text', text });

function option(choice: DepartmentChoice): PlainTextOption {
  return { text: plain(truncateText(choice.name, OPTION_TEXT_MAX)), value: choice.id };
}

/** "2 working days", "1 hour, day or night", in the reader's language. */
export function slaWords(t: Translate, sla: Sla): string {
  if (sla.unit === 'working-days')
    return sla.amount === 1
      ? t('escalationRaise.sla.workingDay')
      : t('escalationRaise.sla.workingDays', { amount: sla.amount });
  if (sla.unit === 'working-hours')
    return sla.amount === 1
      ? t('escalationRaise.sla.workingHour')
      : t('escalationRaise.sla.workingHours', { amount: sla.amount });
  return sla.amount === 60
    ? t('escalationRaise.sla.wallHour')
    : t('escalationRaise.sla.wallMinutes', { amount: sla.amount });
}

function severityOption(t: Translate, severity: Severity, policy: EscalationPolicy): PlainTextOption {
  return {
    text: plain(t(`escalationRaise.severity.${severity}`)),
    description: plain(
      t(`escalationRaise.severity.${severity}Help`, {
        sla: slaWords(t, policy.sla[severity]),
        minutes: policy.urgentRepingMinutes,
      }),
    ),
    value: severity,
  };
}

/**
 * The raise modal, in the reader's language: the raiser's department prefilled (a choice only
 * when they are in several), the other departments to pick, the severities with what each
 * gives the ladder, and — from the shortcut — the escalated message quoted, escaped.
 */
export function escalationRaiseModal(t: Translate, input: RaiseModalInput): ModalView {
  const [own] = input.raiserDepartments;
  const onlyOne = input.raiserDepartments.length === 1 ? own?.id : undefined;
  const counterparts = input.departments.filter((d) => d.id !== onlyOne).slice(0, 100);
  const severities = SEVERITIES.map((s) => severityOption(t, s, input.policy));
  const blocks: KnownBlock[] = [
    {
      type: 'context',
      block_id: ESCALATION_RAISE_BLOCKS.intro,
      elements: [{ type: 'mrkdwn', text: t('escalationRaise.modal.intro') }],
    },
  ];
  if (input.quote) {
    const author = input.quote.authorSlackUserId;
    const heading =
      author && /^[UW][A-Z0-9]{2,30}$/.test(author)
        ? t('escalationRaise.modal.quoted', { author: `<@${author}>` })
        : t('escalationRaise.modal.quotedNoAuthor');
    const quoted = escapeMrkdwn(truncateText(input.quote.text, 500))
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
    blocks.push({
      type: 'context',
      block_id: ESCALATION_RAISE_BLOCKS.quote,
      elements: [{ type: 'mrkdwn', text: `${heading}\n${quoted}` }],
    });
  }
  blocks.push(
    textInputBlock(t, ESCALATION_RAISE_FIELDS.title, 'escalationRaise.modal.titleLabel', {
      maxLength: TITLE_MAX,
      hint: 'escalationRaise.modal.titleHint',
      ...(input.prefill?.title ? { initial: truncateText(input.prefill.title, TITLE_MAX) } : {}),
    }),
    textInputBlock(t, ESCALATION_RAISE_FIELDS.blocked, 'escalationRaise.modal.blocked', {
      multiline: true,
      maxLength: TEXT_MAX,
      ...(input.prefill?.blocked ? { initial: truncateText(input.prefill.blocked, TEXT_MAX) } : {}),
    }),
    {
      type: 'input',
      block_id: ESCALATION_RAISE_FIELDS.raiserDepartment,
      label: plain(t('escalationRaise.modal.raiserDepartment')),
      ...(input.raiserDepartments.length > 1
        ? { hint: plain(t('escalationRaise.modal.raiserDepartmentHint')) }
        : {}),
      element: {
        type: 'static_select',
        action_id: FIELD_ACTION,
        options: input.raiserDepartments.slice(0, 100).map(option),
        ...(own ? { initial_option: option(own) } : {}),
      },
    },
    {
      type: 'input',
      block_id: ESCALATION_RAISE_FIELDS.counterparts,
      label: plain(t('escalationRaise.modal.counterparts')),
      hint: plain(t('escalationRaise.modal.counterpartsHint')),
      element: {
        type: 'multi_static_select',
        action_id: FIELD_ACTION,
        placeholder: plain(t('escalationRaise.modal.counterpartsPlaceholder')),
        options: counterparts.map(option),
      },
    },
    textInputBlock(t, ESCALATION_RAISE_FIELDS.impact, 'escalationRaise.modal.impact', {
      multiline: true,
      maxLength: TEXT_MAX,
      hint: 'escalationRaise.modal.impactHint',
    }),
    textInputBlock(t, ESCALATION_RAISE_FIELDS.decisionNeeded, 'escalationRaise.modal.decisionNeeded', {
      multiline: true,
      maxLength: TEXT_MAX,
    }),
    textInputBlock(t, ESCALATION_RAISE_FIELDS.options, 'escalationRaise.modal.options', {
      multiline: true,
      optional: true,
      maxLength: TEXT_MAX,
      hint: 'escalationRaise.modal.optionsHint',
    }),
    {
      type: 'input',
      block_id: ESCALATION_RAISE_FIELDS.severity,
      label: plain(t('escalationRaise.modal.severity')),
      hint: plain(t('escalationRaise.modal.severityHint')),
      element: {
        type: 'radio_buttons',
        action_id: FIELD_ACTION,
        options: severities,
        ...(severities[0] ? { initial_option: severities[0] } : {}),
      },
    },
    {
      type: 'input',
      block_id: ESCALATION_RAISE_FIELDS.wantedBy,
      optional: true,
      label: plain(t('escalationRaise.modal.wantedBy')),
      hint: plain(t('escalationRaise.modal.wantedByHint')),
      element: { type: 'datepicker', action_id: FIELD_ACTION },
    },
  );
  return {
    type: 'modal',
    callback_id: ESCALATION_RAISE_VIEW,
    title: plain(t('escalationRaise.modal.title')),
    submit: plain(t('escalationRaise.modal.submit')),
    close: plain(t('escalationRaise.modal.close')),
    private_metadata: input.metadata,
    blocks,
  };
}

/** "Live Ops and Supply Chain" / "直播运营和供应链". */
function listOf(names: string[], locale: SupportedLocale): string {
  // en-GB: "A, B and C", as the rest of Liaison's English writes dates and lists.
  return new Intl.ListFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    style: 'long',
    type: 'conjunction',
  }).format(names);
}

/** A department of a new escalation, with the names of who holds its lead (1) and head (2) roles. */
export interface RaisedDepartment {
  name: string;
  people: { 1: readonly string[]; 2: readonly string[] };
}

/**
 * What the raiser is told once it is raised, privately: its number, who is at its level and
 * the deadline in their own zone. The title is theirs: escaped, so `<!channel>` stays text.
 */
export function escalationRaisedMessage(
  reader: { t: Translate; locale: SupportedLocale; timeZone: string },
  esc: Pick<EscalationDto, 'number' | 'title' | 'level' | 'slaDueAt'>,
  departments: readonly RaisedDepartment[],
): { text: string; blocks: KnownBlock[] } {
  const { t, locale, timeZone } = reader;
  const level = Math.min(Math.max(esc.level, 1), 3) as 1 | 2 | 3;
  const names = escapeMrkdwn(
    listOf(
      departments.map((d) => d.name),
      locale,
    ),
  );
  const people = [...new Set(departments.flatMap((d) => (level === 3 ? [] : d.people[level])))];
  const params = {
    esc: `ESC-${esc.number}`,
    title: escapeMrkdwn(esc.title),
    level: esc.level,
    who:
      level === 3
        ? t('escalationRaise.who.level3')
        : people.length === 0
          ? t(`escalationRaise.who.level${level}Nobody`, { departments: names })
          : t(`escalationRaise.who.level${level}`, {
              departments: names,
              people: escapeMrkdwn(listOf(people, locale)),
            }),
    timeZone: escapeMrkdwn(timeZone),
    due: esc.slaDueAt ? formatDateTime(esc.slaDueAt, locale, timeZone) : '',
  };
  const text = t(esc.slaDueAt ? 'escalationRaise.raised' : 'escalationRaise.raisedNoDeadline', params);
  return {
    text,
    blocks: [{ type: 'section', block_id: ESCALATION_RAISED_BLOCK, text: { type: 'mrkdwn', text } }],
  };
}
