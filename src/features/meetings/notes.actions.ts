import { parseSeriesNumber } from '../../modules/meetings/agenda.rules.js';
import { DomainError } from '../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../../slack/deps.js';
import type { ButtonArgs } from '../../slack/listener-args.types.js';
import { meetingNotesCommand } from '../ai/meeting-notes.listeners.js';

/**
 * "Notes…" on a posted agenda: the same flow as `/meeting notes MTG-n` for that series — the
 * notes modal, or (without a language model) a private answer pointing at the manual buttons.
 */
export function notesButton(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const actor = await args.context.actor();
    const number = parseSeriesNumber(args.action.value ?? '');
    if (!number)
      throw new DomainError(
        'meeting.bad_button',
        { key: 'meetings.errors.badButton' },
        { detail: `${args.action.action_id} carried ${String(args.action.value).slice(0, 40)}` },
      );
    await meetingNotesCommand(deps, actor, args.respond, args.client, args.body.trigger_id, [
      `MTG-${number}`,
    ]);
  };
}
