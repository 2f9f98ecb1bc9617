import { usageError } from '../../../calendar/calendar-usage.errors.js';
import { calendarOverviewMessage, calendarResultMessage, followsLine } from '../../../views/calendar.view.js';
import { calendarLabel } from '../../../views/calendar-format.js';
import { CALENDAR_ADMIN_ACTIONS } from './calendar-admin.subcommand.js';
import type { Subcommand, SubcommandContext } from './subcommand.types.js';

async function use({ deps, actor, reply }: SubcommandContext, words: string[]) {
  const [key, ...extra] = words;
  if (!key || extra.length > 0) throw usageError(actor, 'calendar.help.use', words.join(' '));
  const lowered = key.toLowerCase();
  const choice = lowered === 'none' || lowered === 'default' ? null : lowered;
  const followed = await deps.calendar.calendars.use(actor.subject, choice);
  const text =
    choice && followed.calendar
      ? actor.t('calendar.changed.use', { calendar: calendarLabel(followed.calendar, actor.locale) })
      : actor.t('calendar.changed.useNone', { follows: followsLine(actor.t, actor.locale, followed) });
  await reply(calendarResultMessage(text));
}

/** `/liaison calendar [use|add|remove|default|department …]`. */
export const calendarSubcommand: Subcommand = {
  names: ['calendar', 'holidays'],
  async run(context) {
    const [action = '', ...words] = context.parsed.args.split(/\s+/).filter(Boolean);
    const { deps, actor, reply } = context;
    if (action === '') {
      const overview = await deps.calendar.calendars.overview(actor.subject);
      await reply(calendarOverviewMessage(actor.t, actor.locale, overview));
      return;
    }
    if (action.toLowerCase() === 'use') return use(context, words);
    const admin = CALENDAR_ADMIN_ACTIONS[action.toLowerCase()];
    if (!admin) throw usageError(actor, 'calendar.help.calendar', context.parsed.args);
    return admin(context, words);
  },
};
