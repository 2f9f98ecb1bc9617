import { isRegion, parseCalendarDate } from '../../../../modules/calendar/index.js';
import { usageError } from '../../../calendar/calendar-usage.errors.js';
import { calendarResultMessage } from '../../../views/calendar.view.js';
import { calendarListMessage } from '../../../views/calendar-coverage.view.js';
import { calendarLabel, formatDate, regionName } from '../../../views/calendar-format.js';
import { noticeModal } from '../../../views/calendar-notice.view.js';
import { escapeMrkdwn } from '../../../views/escape.js';
import type { SubcommandContext } from './subcommand.types.js';

/*
 * The admin half of `/liaison calendar`. Each action checks admin rights first, so a
 * refusal is what a non-admin sees whatever else is wrong with the command.
 */
type AdminAction = (context: SubcommandContext, words: string[]) => Promise<void>;

/** `--based-on cn` anywhere among the words; the rest in order. */
function takeBasedOn(words: string[]): { basedOn: string | null; rest: string[] } {
  const at = words.findIndex((word) => word.toLowerCase() === '--based-on');
  if (at < 0) return { basedOn: null, rest: words };
  return {
    basedOn: words[at + 1]?.toUpperCase() ?? '',
    rest: [...words.slice(0, at), ...words.slice(at + 2)],
  };
}

const add: AdminAction = async ({ deps, actor, reply }, words) => {
  const who = actor.subject;
  await deps.calendar.calendars.requireAdmin(who, `calendar add ${words.join(' ')}`);
  const { basedOn, rest } = takeBasedOn(words);
  const [key, dateText, kindText, ...nameWords] = rest;
  const kind = kindText?.toLowerCase();
  if (
    !key ||
    !dateText ||
    (kind !== 'holiday' && kind !== 'workday') ||
    (basedOn !== null && !isRegion(basedOn))
  )
    throw usageError(actor, 'calendar.help.add', words.join(' '));
  const date = parseCalendarDate(dateText);
  const name = nameWords.join(' ').slice(0, 100) || null;
  const { calendar, created } = await deps.calendar.calendars.putDate(who, {
    key: key.toLowerCase(),
    date,
    kind,
    name,
    basedOn: isRegion(basedOn) ? basedOn : null,
  });
  const label = calendarLabel(calendar, actor.locale);
  const lines = [];
  if (created) {
    const basedOnText = calendar.region
      ? actor.t('calendar.changed.basedOn', { region: regionName(calendar.region, actor.t) })
      : '';
    lines.push(actor.t('calendar.changed.created', { calendar: label, basedOn: basedOnText }));
  }
  const params = {
    date: formatDate(date, actor.locale),
    calendar: label,
    name: name ? ` (${escapeMrkdwn(name)})` : '',
  };
  lines.push(
    actor.t(
      kind === 'holiday' ? 'calendar.changed.dateAddedHoliday' : 'calendar.changed.dateAddedWorkday',
      params,
    ),
  );
  await reply(calendarResultMessage(lines.join('\n')));
};

const remove: AdminAction = async ({ deps, actor, reply }, words) => {
  const who = actor.subject;
  await deps.calendar.calendars.requireAdmin(who, `calendar remove ${words.join(' ')}`);
  const [key, dateText, ...extra] = words;
  if (!key || !dateText || extra.length > 0) throw usageError(actor, 'calendar.help.remove', words.join(' '));
  const date = parseCalendarDate(dateText);
  const calendar = await deps.calendar.calendars.removeDate(who, { key: key.toLowerCase(), date });
  await reply(
    calendarResultMessage(
      actor.t('calendar.changed.dateRemoved', {
        date: formatDate(date, actor.locale),
        calendar: calendarLabel(calendar, actor.locale),
      }),
    ),
  );
};

const setDefault: AdminAction = async ({ deps, actor, reply }, words) => {
  const who = actor.subject;
  await deps.calendar.calendars.requireAdmin(who, `calendar default ${words.join(' ')}`);
  const [key, ...extra] = words;
  if (!key || extra.length > 0) throw usageError(actor, 'calendar.help.default', words.join(' '));
  const calendar = await deps.calendar.calendars.setWorkspaceDefault(who, key.toLowerCase());
  await reply(
    calendarResultMessage(
      actor.t('calendar.changed.defaultSet', { calendar: calendarLabel(calendar, actor.locale) }),
    ),
  );
};

const setDepartment: AdminAction = async ({ deps, actor, reply }, words) => {
  const who = actor.subject;
  await deps.calendar.calendars.requireAdmin(who, `calendar department ${words.join(' ')}`);
  const [departmentKey, calendarKey, ...extra] = words;
  if (!departmentKey || !calendarKey || extra.length > 0)
    throw usageError(actor, 'calendar.help.department', words.join(' '));
  const { department, calendar } = await deps.calendar.calendars.setDepartmentCalendar(who, {
    departmentKey: departmentKey.toLowerCase(),
    calendarKey: calendarKey.toLowerCase(),
  });
  const name = actor.locale === 'zh-CN' ? department.nameZh : department.nameEn;
  await reply(
    calendarResultMessage(
      actor.t('calendar.changed.departmentSet', {
        department: escapeMrkdwn(name),
        calendar: calendarLabel(calendar, actor.locale),
      }),
    ),
  );
};

/** Every calendar of the workspace: how far its holidays are known and who follows it. */
const list: AdminAction = async ({ deps, actor, reply }, words) => {
  const who = actor.subject;
  await deps.calendar.calendars.requireAdmin(who, `calendar list ${words.join(' ')}`.trim());
  if (words.length > 0) throw usageError(actor, 'calendar.help.list', words.join(' '));
  await deps.calendar.calendars.ensureBuiltIns(who);
  const report = await deps.calendarCoverage.reportFor(who);
  await reply(calendarListMessage(actor.t, actor.locale, report));
};

/**
 * Opens the form to paste the State Council's notice into, for `cn` unless another calendar
 * is named. Admin and calendar are checked before the form opens (trigger_id lives 3 s).
 */
const notice: AdminAction = async ({ deps, actor, args }, words) => {
  const who = actor.subject;
  await deps.calendar.calendars.requireAdmin(who, `calendar notice ${words.join(' ')}`.trim());
  const [key = 'cn', ...extra] = words;
  if (extra.length > 0) throw usageError(actor, 'calendar.help.notice', words.join(' '));
  const calendar = await deps.calendar.calendars.find(who, key.toLowerCase());
  await args.client.views.open({
    trigger_id: args.command.trigger_id,
    view: noticeModal(actor.t, actor.locale, calendar),
  });
};

export const CALENDAR_ADMIN_ACTIONS: Record<string, AdminAction | undefined> = {
  add,
  remove,
  default: setDefault,
  department: setDepartment,
  list,
  notice,
};
