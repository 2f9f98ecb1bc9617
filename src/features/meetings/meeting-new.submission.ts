import { DateTime } from 'luxon';
import { z } from 'zod';
import type { NewSeriesInput } from '../../modules/meetings/meetings.types.js';
import { DomainError } from '../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../../slack/deps.js';
import type { ViewSubmissionArgs } from '../../slack/listener-args.types.js';
import { readMetadata } from '../../slack/parsers/metadata.parser.js';
import { withModalErrors } from '../../slack/parsers/view-state.parser.js';
import { slackPeopleDirectory } from '../../slack/people-directory.js';
import { servicesOf } from '../feature-registry.js';
import { seriesCreatedMessage, seriesEditedMessage } from './meeting-series.view.js';
import { type MeetingState, readMeetingState, wholeNumber } from './meeting-view-state.js';
import { meetingsFeature } from './meetings.feature.js';
import { MEETING_NEW_FIELDS as F } from './meetings.ids.js';

/** The service's field names → the modal's blocks. */
const FIELD_BLOCKS: Record<string, string> = {
  title: F.title,
  departments: F.departments,
  recurrence: F.recurrence,
  time: F.time,
  timeZone: F.timeZone,
  duration: F.duration,
  channel: F.channel,
  opens: F.opens,
  closes: F.closes,
};

function recurrenceError(detail: string) {
  return new DomainError(
    'meeting.invalid',
    { key: 'meetings.errors.field.recurrence' },
    { field: 'recurrence', detail },
  );
}

/** The modal's recurrence choice and the fields it uses, as the scheduler's rule. */
export function recurrenceFrom(
  state: MeetingState,
  timeZone: string,
  now: Date,
  /** Editing an every-N-weeks series: its weeks keep counting from where they did. */
  keptAnchor?: string,
): unknown {
  const choice = state.option(F.recurrence);
  const weekday = Number(state.option(F.weekday) ?? Number.NaN);
  const needWeekday = () => {
    if (!Number.isInteger(weekday)) throw recurrenceError(`${choice} without a weekday`);
    return weekday;
  };
  switch (choice) {
    case 'weekly':
      return { type: 'weekly', weekdays: [needWeekday()] };
    case 'everyNWeeks': {
      const anchor =
        keptAnchor ??
        DateTime.fromJSDate(now, { zone: timeZone }).toISODate() ??
        now.toISOString().slice(0, 10);
      return {
        type: 'every-n-weeks',
        weekdays: [needWeekday()],
        interval: wholeNumber(state.text(F.interval)),
        anchor,
      };
    }
    case 'monthlyDay':
      return { type: 'monthly', day: wholeNumber(state.text(F.monthDay)) };
    case 'monthlyNth': {
      const nth = state.option(F.nth);
      if (!nth) throw recurrenceError('monthly nth without which one');
      return { type: 'monthly', nth: nth === 'last' ? -1 : Number(nth), weekday: needWeekday() };
    }
    default:
      throw recurrenceError(`unknown choice ${choice}`);
  }
}

/**
 * `/meeting new` (or `/meeting edit`: `n` in the metadata) was submitted: every field is
 * checked before the modal closes, a problem shown under its field in the person's language;
 * then they are told privately where they were. Permission is checked again by the service.
 */
export function meetingNewSubmission(deps: SlackDeps) {
  return async ({ ack, view, client, body, context }: ViewSubmissionArgs): Promise<void> => {
    const actor = await context.actor();
    const meta = readMetadata(
      view.private_metadata,
      z.object({ c: z.string().max(30), n: z.number().int().positive().optional() }),
      {
        code: 'meeting.bad_metadata',
        message: 'meetings.errors.badButton',
        what: 'meeting modal metadata',
      },
    );
    const services = servicesOf(deps, meetingsFeature);
    const editing = meta.n;
    const series = await withModalErrors(FIELD_BLOCKS, F.title, async () => {
      const state = readMeetingState(view.state.values);
      const current = editing ? await services.series.editable(actor.subject, editing) : null;
      const keptAnchor = current?.recurrence.type === 'every-n-weeks' ? current.recurrence.anchor : undefined;
      const timeZone = state.text(F.timeZone);
      const facilitator = state.user(F.facilitator);
      const facilitatorPersonId = facilitator
        ? (
            await deps.people.identify(
              { workspaceId: actor.workspace.id, slackUserId: facilitator, fallbackName: facilitator },
              slackPeopleDirectory(client),
            )
          ).id
        : null;
      const input: NewSeriesInput = {
        title: state.text(F.title),
        departmentIds: state.options(F.departments),
        recurrence: recurrenceFrom(state, timeZone, deps.clock.now(), keptAnchor),
        timeOfDay: state.text(F.time),
        timeZone,
        durationMinutes: wholeNumber(state.text(F.duration)),
        channelId: state.conversation(F.channel) ?? '',
        facilitatorPersonId,
        agendaOpensHoursBefore: wholeNumber(state.text(F.opens)),
        agendaClosesHoursBefore: wholeNumber(state.text(F.closes)),
        holidayPolicy: state.option(F.holiday) === 'SKIP' ? 'SKIP' : 'NEXT_WORKING_DAY',
      };
      return editing
        ? services.series.edit(actor.subject, editing, input)
        : services.series.create(actor.subject, input);
    });
    await ack();
    const message =
      'recomputed' in series
        ? seriesEditedMessage(series as typeof series & { recomputed: number }, { t: actor.t })
        : seriesCreatedMessage(series, { t: actor.t });
    try {
      await client.chat.postEphemeral({ channel: meta.c, user: body.user.id, ...message });
    } catch {
      await client.chat.postMessage({ channel: body.user.id, ...message });
    }
  };
}
