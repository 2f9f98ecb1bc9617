import { parseCalendarDate } from '../../../../modules/calendar/index.js';
import { usageError } from '../../../calendar/calendar-usage.errors.js';
import { awayRecordedMessage } from '../../../views/away.view.js';
import type { Subcommand } from './subcommand.types.js';

const RANGE = /^(\S+)\.\.(\S+)$/;
const MAX_REASON_LENGTH = 200;

/**
 * `/liaison away until 2026-12-01 [reason]`, `away 2026-12-01..2026-12-05 [reason]`, or
 * `away 2026-12-01 [reason]` (until that date).
 */
export const awaySubcommand: Subcommand = {
  names: ['away', 'ooo'],
  async run({ deps, actor, parsed, reply }) {
    const words = parsed.args.split(/\s+/).filter(Boolean);
    const startsWithUntil = words[0]?.toLowerCase() === 'until';
    const [when, ...reasonWords] = startsWithUntil ? words.slice(1) : words;
    if (!when) throw usageError(actor, 'calendar.help.away', parsed.args);
    const range = RANGE.exec(when);
    const from = range && !startsWithUntil ? parseCalendarDate(range[1]) : null;
    const to = parseCalendarDate(range && !startsWithUntil ? range[2] : when);
    const reason = reasonWords.join(' ').slice(0, MAX_REASON_LENGTH) || null;
    const result = await deps.calendar.absences.goAway(actor.subject, { from, to, reason });
    await reply(awayRecordedMessage(actor.t, actor.locale, result));
  },
};
