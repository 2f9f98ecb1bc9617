import type { KnownBlock, ModalView, PlainTextElement } from '@slack/types';
import { type Translate, translator } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { DeliveryMessage } from '../../modules/delivery/delivery.types.js';
import type {
  ConfidenceAlert,
  OpenCheckIn,
  OwnerPrompt,
  SavedCheckIn,
  WrapUp,
} from '../../modules/okrs/okr-check-ins.service.js';
import { confidenceOfScore, progressBar } from '../../modules/okrs/okr-scoring.rules.js';
import { DEPARTMENT_FIELD_ACTION } from '../../slack/ids.js';
import { formatAuditTime } from '../../slack/views/audit.view.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';
import { departmentName } from '../../slack/views/person-summary.js';
import { confidenceLabel, formatValue } from './okr-tree.view.js';
import { OKR_ACTIONS, OKR_BLOCKS, OKR_FIELDS, OKR_VIEWS } from './okrs.ids.js';

const plain = (text: string): PlainTextElement => ({ type: 'plain_text', text: text.slice(0, 150) });
const CONFIDENCES = ['ON_TRACK', 'AT_RISK', 'OFF_TRACK'] as const;
const SCORES = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];

interface Reader {
  t: Translate;
  locale: SupportedLocale;
  timeZone: string;
}

function promptLines(prompt: OwnerPrompt, t: Translate): string {
  return prompt.keyResults
    .map((kr) =>
      t('okrs.checkIn.prompt.line', {
        number: kr.number,
        title: escapeMrkdwn(kr.title),
        bar: progressBar(kr.progress),
      }),
    )
    .join('\n');
}

/**
 * The parts of a prompt that every owner of a window reading the same language in the same
 * zone shares (the heading with the close time, the department's name, the button): a pass
 * over 2,000 owners formats a handful of them, not 2,000. Bounded; the values are strings.
 */
const sharedParts = new Map<string, { heading: string; department: string; button: string }>();
const SHARED_PARTS_LIMIT = 2000;

function promptParts(prompt: OwnerPrompt, reader: Reader, kind: 'prompt' | 'reminder') {
  const key = `${kind}|${prompt.windowId}|${prompt.closesAt.getTime()}|${reader.locale}|${reader.timeZone}|${prompt.department.id}`;
  let parts = sharedParts.get(key);
  if (!parts) {
    const { t } = reader;
    const department = escapeMrkdwn(departmentName(prompt.department, reader.locale));
    const closes = formatAuditTime(prompt.closesAt, reader.timeZone, reader.locale);
    parts = {
      department,
      heading:
        kind === 'prompt'
          ? t('okrs.checkIn.prompt.title', { department, closes })
          : t('okrs.checkIn.prompt.reminder', { department, closes }),
      button: t('okrs.checkIn.prompt.button'),
    };
    if (sharedParts.size >= SHARED_PARTS_LIMIT) sharedParts.clear();
    sharedParts.set(key, parts);
  }
  return parts;
}

/** The DM to an owner: their key results with bars, and the button that opens the check-in. */
export function checkInPromptMessage(
  prompt: OwnerPrompt,
  reader: Reader,
  kind: 'prompt' | 'reminder',
): DeliveryMessage {
  const { t } = reader;
  const { department, heading, button } = promptParts(prompt, reader, kind);
  return {
    text: t('okrs.checkIn.prompt.fallback', { department, count: prompt.keyResults.length }),
    blocks: [
      {
        type: 'section',
        block_id: OKR_BLOCKS.prompt,
        text: { type: 'mrkdwn', text: `${heading}\n${promptLines(prompt, t)}`.slice(0, 3000) },
      },
      {
        type: 'actions',
        block_id: OKR_BLOCKS.promptActions,
        elements: [
          {
            type: 'button',
            style: 'primary',
            action_id: OKR_ACTIONS.openCheckIn,
            text: plain(button),
            value: JSON.stringify({ w: prompt.windowId }),
          },
        ],
      },
    ],
  };
}

/** The check-in modal: per key result a value (or done), confidence, comment and blockers, prefilled with the answer so far. */
export function checkInModal(open: OpenCheckIn, reader: Reader): ModalView {
  const { t } = reader;
  const closes = formatAuditTime(open.detail.window.closesAt, reader.timeZone, reader.locale);
  const blocks: KnownBlock[] = [
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: open.closed
            ? t('okrs.checkIn.modal.late', { closes })
            : t('okrs.checkIn.modal.editable', { closes }),
        },
      ],
    },
  ];
  for (const kr of open.mine.slice(0, 15)) {
    const answer = open.answers.get(kr.id);
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*KR-${kr.number}* ${escapeMrkdwn(kr.title)} — ${progressBar(kr.progress)}`,
      },
    });
    if (kr.kind === 'METRIC') {
      const initial = answer?.value ?? null;
      blocks.push({
        type: 'input',
        block_id: `${OKR_FIELDS.valuePrefix}${kr.id}`,
        optional: true,
        label: plain(
          kr.unit ? t('okrs.checkIn.modal.value', { unit: kr.unit }) : t('okrs.checkIn.modal.valueNoUnit'),
        ),
        element: {
          type: 'plain_text_input',
          action_id: DEPARTMENT_FIELD_ACTION,
          max_length: 30,
          ...(initial !== null ? { initial_value: formatValue(initial) } : {}),
          placeholder: plain(formatValue(kr.currentValue)),
        },
      });
    } else {
      const options = [
        { text: plain(t('okrs.checkIn.modal.doneYes')), value: 'yes' },
        { text: plain(t('okrs.checkIn.modal.doneNo')), value: 'no' },
      ];
      const initial = answer?.done === true ? options[0] : answer?.done === false ? options[1] : undefined;
      blocks.push({
        type: 'input',
        block_id: `${OKR_FIELDS.donePrefix}${kr.id}`,
        optional: true,
        label: plain(t('okrs.checkIn.modal.done')),
        element: {
          type: 'static_select',
          action_id: DEPARTMENT_FIELD_ACTION,
          options,
          ...(initial ? { initial_option: initial } : {}),
        },
      });
    }
    // On the 1–10 scale a score from 10 (sure) down to 1, each with the step it counts as.
    const confidenceOptions =
      open.scale === '1-10'
        ? SCORES.map((score) => ({
            text: plain(confidenceLabel(t, confidenceOfScore(score), score)),
            value: String(score),
          }))
        : CONFIDENCES.map((c) => ({ text: plain(confidenceLabel(t, c, null)), value: c }));
    const chosen = confidenceOptions.find((o) =>
      open.scale === '1-10'
        ? o.value === String(answer?.confidenceScore ?? '')
        : o.value === answer?.confidence,
    );
    blocks.push(
      {
        type: 'input',
        block_id: `${OKR_FIELDS.confidencePrefix}${kr.id}`,
        optional: true,
        label: plain(
          t(open.scale === '1-10' ? 'okrs.checkIn.modal.confidenceScore' : 'okrs.checkIn.modal.confidence'),
        ),
        element: {
          type: 'static_select',
          action_id: DEPARTMENT_FIELD_ACTION,
          options: confidenceOptions,
          ...(chosen ? { initial_option: chosen } : {}),
        },
      },
      {
        type: 'input',
        block_id: `${OKR_FIELDS.commentPrefix}${kr.id}`,
        optional: true,
        label: plain(t('okrs.checkIn.modal.comment')),
        element: {
          type: 'plain_text_input',
          action_id: DEPARTMENT_FIELD_ACTION,
          max_length: 500,
          ...(answer?.comment ? { initial_value: answer.comment } : {}),
        },
      },
      {
        type: 'input',
        block_id: `${OKR_FIELDS.blockersPrefix}${kr.id}`,
        optional: true,
        label: plain(t('okrs.checkIn.modal.blockers')),
        element: {
          type: 'plain_text_input',
          action_id: DEPARTMENT_FIELD_ACTION,
          multiline: true,
          max_length: 1000,
          ...(answer?.blockers ? { initial_value: answer.blockers } : {}),
        },
      },
    );
  }
  return {
    type: 'modal',
    callback_id: OKR_VIEWS.checkIn,
    title: plain(t('okrs.checkIn.modal.title')),
    submit: plain(t('okrs.checkIn.modal.submit')),
    close: plain(t('okrs.modal.cancel')),
    private_metadata: JSON.stringify({ w: open.detail.window.id }),
    blocks,
  };
}

/** After saving: how many, whether late, and each blocker with an Escalate button. */
export function checkInSavedMessage(
  saved: SavedCheckIn,
  t: Translate,
): { text: string; blocks: KnownBlock[] } {
  const text = t('okrs.checkIn.saved', {
    count: saved.saved,
    late: saved.late ? t('okrs.checkIn.savedLate') : '',
  });
  const blocks: KnownBlock[] = [
    { type: 'section', block_id: OKR_BLOCKS.saved, text: { type: 'mrkdwn', text } },
  ];
  for (const { keyResult, blockers } of saved.blockers)
    blocks.push({
      type: 'section',
      block_id: `${OKR_BLOCKS.blockerPrefix}${keyResult.id}`,
      text: {
        type: 'mrkdwn',
        text: t('okrs.checkIn.blocker', {
          number: keyResult.number,
          title: escapeMrkdwn(keyResult.title),
          blockers: escapeMrkdwn(blockers),
        }).slice(0, 3000),
      },
      accessory: {
        type: 'button',
        action_id: OKR_ACTIONS.escalateBlocker,
        text: plain(t('okrs.checkIn.escalate')),
        value: JSON.stringify({ k: keyResult.id }),
      },
    });
  return { text, blocks };
}

/** The wrap-up in the department's channel, in the workspace's language. */
export function wrapUpMessage(wrapUp: WrapUp, locale: SupportedLocale): DeliveryMessage {
  const t = translator(locale);
  const department = escapeMrkdwn(departmentName(wrapUp.department, locale));
  const owners = wrapUp.answered.length + wrapUp.missing.length;
  const lines = wrapUp.keyResults.map((kr) =>
    t('okrs.wrapUp.line', {
      number: kr.number,
      title: escapeMrkdwn(kr.title),
      bar: progressBar(kr.progress),
      confidence: kr.checkIn?.confidence
        ? ` ${confidenceLabel(t, kr.checkIn.confidence, kr.checkIn.confidenceScore)}`
        : '',
      late: kr.checkIn ? (kr.checkIn.late ? t('okrs.wrapUp.late') : '') : t('okrs.wrapUp.noAnswer'),
    }),
  );
  const answered = [t('okrs.wrapUp.answered', { answered: wrapUp.answered.length, owners })];
  if (wrapUp.nameMissing && wrapUp.missing.length > 0)
    answered.push(
      t('okrs.wrapUp.missing', { names: wrapUp.missing.map((p) => `<@${p.slackUserId}>`).join(', ') }),
    );
  const blockerLines = wrapUp.keyResults.flatMap((kr) =>
    kr.checkIn?.blockers
      ? [
          t('okrs.wrapUp.blocker', {
            number: kr.number,
            owner: kr.owner.slackUserId,
            blockers: escapeMrkdwn(kr.checkIn.blockers),
          }),
        ]
      : [],
  );
  // Sections hold 3,000 characters: a 200-KR department's lines are split over several.
  const chunks: string[] = [];
  let current = t('okrs.wrapUp.title', { department, date: wrapUp.cycleOn });
  for (const line of lines) {
    if (current.length + line.length + 1 > 2900) {
      chunks.push(current);
      current = line;
    } else current = `${current}\n${line}`;
  }
  chunks.push(current);
  const blocks: KnownBlock[] = chunks.slice(0, 45).map((text, i) => ({
    type: 'section',
    block_id: i === 0 ? OKR_BLOCKS.wrapUp : `${OKR_BLOCKS.wrapUp}.${i}`,
    text: { type: 'mrkdwn', text },
  }));
  blocks.push(
    {
      type: 'section',
      block_id: OKR_BLOCKS.wrapUpAnswered,
      text: { type: 'mrkdwn', text: answered.join('\n').slice(0, 3000) },
    },
    {
      type: 'section',
      block_id: OKR_BLOCKS.wrapUpBlockers,
      text: {
        type: 'mrkdwn',
        text: (blockerLines.length > 0
          ? [t('okrs.wrapUp.blockers'), ...blockerLines].join('\n')
          : t('okrs.wrapUp.noBlockers')
        ).slice(0, 3000),
      },
    },
  );
  return {
    text: t('okrs.wrapUp.fallback', { department, answered: wrapUp.answered.length, owners }),
    blocks,
  };
}

/** To the owner's lead: the key result whose confidence dropped. */
export function confidenceAlertMessage(alert: ConfidenceAlert, locale: SupportedLocale): DeliveryMessage {
  const t = translator(locale);
  const label = (c: ConfidenceAlert['to'] | null, score: number | null) =>
    c ? confidenceLabel(t, c, score) : '—';
  const text = t('okrs.checkIn.alert', {
    number: alert.keyResult.number,
    title: escapeMrkdwn(alert.keyResult.title),
    department: escapeMrkdwn(departmentName(alert.department, locale)),
    owner: alert.owner.slackUserId,
    from: label(alert.from, alert.fromScore),
    to: label(alert.to, alert.toScore),
    comment: alert.comment ? t('okrs.checkIn.alertComment', { comment: escapeMrkdwn(alert.comment) }) : '',
  });
  return {
    text,
    blocks: [
      { type: 'section', block_id: OKR_BLOCKS.alert, text: { type: 'mrkdwn', text: text.slice(0, 3000) } },
    ],
  };
}
