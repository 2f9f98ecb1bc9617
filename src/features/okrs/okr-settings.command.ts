import type { CheckInCadence } from '../../modules/okrs/okr-check-in.rules.js';
import type { CheckInsService } from '../../modules/okrs/okr-check-ins.service.js';
import { isConfidenceScale } from '../../modules/okrs/okr-scoring.rules.js';
import { DomainError } from '../../modules/shared/domain-error.types.js';
import type { RequestActor } from '../../slack/request-actor.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';
import { departmentName } from '../../slack/views/person-summary.js';
import { OKR_BLOCKS } from './okrs.ids.js';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

function usage(words: readonly string[]): never {
  throw new DomainError(
    'okr.settings_usage',
    { key: 'okrs.settings.usage' },
    { detail: `typed "/okr checkins ${words.join(' ')}"` },
  );
}

/** `[department] weekly|every N weeks [weekday] [HH:MM] [hours Nh] [name-missing on|off]` → the change. */
export function parseCadence(words: readonly string[]): {
  departmentKey: string | null;
  change: Partial<CheckInCadence>;
} {
  const change: Partial<CheckInCadence> = {};
  let departmentKey: string | null = null;
  for (let i = 0; i < words.length; i++) {
    const word = (words[i] ?? '').toLowerCase();
    const time = /^(\d{1,2}):(\d{2})$/.exec(word);
    if (word === 'weekly') change.everyWeeks = 1;
    else if (word === 'every') {
      const n = Number(words[i + 1]);
      if (!Number.isInteger(n) || n < 1 || n > 8 || !/^weeks?$/i.test(words[i + 2] ?? '')) usage(words);
      change.everyWeeks = n;
      i += 2;
    } else if (WEEKDAYS.includes(word)) change.weekday = WEEKDAYS.indexOf(word) + 1;
    else if (time) {
      const minute = Number(time[1]) * 60 + Number(time[2]);
      if (Number(time[1]) > 23 || Number(time[2]) > 59) usage(words);
      change.localMinute = minute;
    } else if (word === 'name-missing') {
      const value = (words[i + 1] ?? '').toLowerCase();
      if (value !== 'on' && value !== 'off') usage(words);
      change.nameMissing = value === 'on';
      i += 1;
    } else if (/^\d{1,3}h$/.test(word) && Number(word.slice(0, -1)) >= 1 && Number(word.slice(0, -1)) <= 168)
      change.windowHours = Number(word.slice(0, -1));
    else if (i === 0 && /^[a-z0-9][a-z0-9-]*$/.test(word)) departmentKey = word;
    else usage(words);
  }
  return { departmentKey, change };
}

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** `/okr checkins …`: shows or changes a department's cadence (its leads and admins change it). */
export async function okrCheckInCadence(
  checkIns: CheckInsService,
  actor: RequestActor,
  words: readonly string[],
) {
  const { departmentKey, change } = parseCadence(words);
  const { department, cadence } = await checkIns.setCadence(actor.subject, departmentKey, change);
  const { t } = actor;
  const text = t('okrs.settings.saved', {
    department: escapeMrkdwn(departmentName(department, actor.locale)),
    weeks: cadence.everyWeeks,
    weekday: t(`okrs.settings.weekdays.${cadence.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7}`),
    time: hhmm(cadence.localMinute),
    hours: cadence.windowHours,
    named: t(cadence.nameMissing ? 'common.yes' : 'common.no'),
  });
  return {
    text,
    blocks: [{ type: 'section', block_id: OKR_BLOCKS.settings, text: { type: 'mrkdwn', text } }],
  };
}

/** `/okr settings [confidence three-step|1-10]`: shows the workspace's confidence scale, or sets it (admins). */
export async function okrWorkspaceSettings(
  checkIns: CheckInsService,
  actor: RequestActor,
  words: readonly string[],
) {
  const { t } = actor;
  const [what, value, ...extra] = words.map((w) => w.toLowerCase());
  const badUsage = () =>
    new DomainError(
      'okr.settings_usage',
      { key: 'okrs.scale.usage' },
      { detail: `typed "/okr settings ${words.join(' ')}"` },
    );
  if (extra.length > 0 || (what !== undefined && what !== 'confidence')) throw badUsage();
  if (value !== undefined && !isConfidenceScale(value)) throw badUsage();
  const scale = value
    ? await checkIns.setConfidenceScale(actor.subject, value)
    : await checkIns.confidenceScale(actor.workspace.id);
  const text = t(value ? 'okrs.scale.saved' : 'okrs.scale.current', {
    scale: t(scale === '1-10' ? 'okrs.scale.oneToTen' : 'okrs.scale.threeStep'),
  });
  return {
    text,
    blocks: [{ type: 'section', block_id: OKR_BLOCKS.settings, text: { type: 'mrkdwn', text } }],
  };
}
