import { parseSeriesNumber } from '../../modules/meetings/agenda.rules.js';
import { DomainError } from '../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../../slack/deps.js';
import type { CommandArgs } from '../../slack/listener-args.types.js';
import { commandTextOf } from '../../slack/parsers/liaison-command.parser.js';
import { parseUserReference } from '../../slack/parsers/user-reference.parser.js';
import { slackPeopleDirectory } from '../../slack/people-directory.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';
import { meetingNotesCommand } from '../ai/meeting-notes.listeners.js';
import { servicesOf } from '../feature-registry.js';
import { meetingNewModal } from './meeting-new.view.js';
import { seriesListMessage } from './meeting-series.view.js';
import { meetingsFeature } from './meetings.feature.js';

function usage(detail: string): DomainError {
  return new DomainError('meeting.usage', { key: 'meetings.usage' }, { detail });
}

/**
 * `/meeting new` (the modal), `/meeting edit MTG-n` (the same modal, filled in), `/meeting list`,
 * `/meeting skip MTG-n DATE`, `/meeting cancel MTG-n`, `/meeting delegate MTG-n @person|none [department]`.
 * Answers privately in the person's language; refusals come from the service.
 */
export function meetingCommand(deps: SlackDeps) {
  return async ({ ack, command, respond, client, context }: CommandArgs): Promise<void> => {
    await ack();
    const actor = await context.actor();
    const services = servicesOf(deps, meetingsFeature);
    const words = commandTextOf(command.text).trim().split(/\s+/).filter(Boolean);
    const [verb = 'list', ...rest] = words.map((w, i) => (i === 0 ? w.toLowerCase() : w));
    const reply = (message: { text: string; blocks?: unknown[] }) =>
      respond({ response_type: 'ephemeral', replace_original: false, ...message } as Parameters<
        typeof respond
      >[0]);
    // Free-form notes → proposals (src/features/ai).
    if (verb === 'notes') return meetingNotesCommand(deps, actor, respond, client, command.trigger_id, rest);
    if (verb === 'new' && rest.length === 0) {
      const departments = await services.series.departmentNames(actor.workspace.id);
      await client.views.open({
        trigger_id: command.trigger_id,
        view: meetingNewModal({
          t: actor.t,
          locale: actor.locale,
          departments,
          timeZone: actor.timeZone,
          replyChannelId: command.channel_id,
        }),
      });
      return;
    }
    if (verb === 'list' && rest.length === 0) {
      const [all, departments] = await Promise.all([
        services.series.list(actor.subject),
        services.series.departmentNames(actor.workspace.id),
      ]);
      await reply(seriesListMessage(all, departments, { t: actor.t, locale: actor.locale }));
      return;
    }
    const number = rest[0] ? parseSeriesNumber(rest[0]) : null;
    if (verb === 'skip' && number && rest.length === 2 && /^\d{4}-\d{2}-\d{2}$/.test(rest[1] ?? '')) {
      const date = rest[1] as string;
      await services.series.skip(actor.subject, number, date);
      await reply({ text: actor.t('meetings.skipped', { id: `MTG-${number}`, date }) });
      return;
    }
    if (verb === 'edit' && number && rest.length === 1) {
      const series = await services.series.editable(actor.subject, number);
      const departments = await services.series.departmentNames(actor.workspace.id);
      const facilitatorSlackUserId = series.facilitatorPersonId
        ? await services.repo.slackUserIdOf(series.facilitatorPersonId)
        : null;
      await client.views.open({
        trigger_id: command.trigger_id,
        view: meetingNewModal({
          t: actor.t,
          locale: actor.locale,
          departments,
          timeZone: actor.timeZone,
          replyChannelId: command.channel_id,
          editing: { series, facilitatorSlackUserId },
        }),
      });
      return;
    }
    if (verb === 'delegate' && number && (rest.length === 2 || rest.length === 3)) {
      const who = rest[1] ?? '';
      const departmentKey = rest[2] ?? null;
      let personId: string | null = null;
      let slackUserId: string | null = null;
      if (who.toLowerCase() !== 'none') {
        const target = parseUserReference(who);
        if (!target) throw usage(`user ${command.user_id} typed "/meeting ${command.text}"`);
        if ('handle' in target) {
          const matches = await services.repo.peopleByHandle(actor.workspace.id, target.handle);
          if (matches.length !== 1 || !matches[0])
            throw new DomainError(
              'meeting.unknown_person',
              { key: 'meetings.errors.unknownPerson', params: { person: `@${target.handle}` } },
              { detail: `no single person @${target.handle}` },
            );
          ({ id: personId, slackUserId } = matches[0]);
        } else {
          const person = await deps.people.identify(
            {
              workspaceId: actor.workspace.id,
              slackUserId: target.slackUserId,
              fallbackName: target.slackUserId,
            },
            slackPeopleDirectory(client),
          );
          personId = person.id;
          slackUserId = person.slackUserId;
        }
      }
      const { department } = await services.series.nameDelegate(
        actor.subject,
        number,
        personId,
        departmentKey,
      );
      const departmentName = actor.locale === 'zh-CN' ? department.nameZh : department.nameEn;
      await reply({
        text: slackUserId
          ? actor.t('meetings.delegateNamed', {
              id: `MTG-${number}`,
              user: slackUserId,
              department: escapeMrkdwn(departmentName),
            })
          : actor.t('meetings.delegateRemoved', {
              id: `MTG-${number}`,
              department: escapeMrkdwn(departmentName),
            }),
      });
      return;
    }
    if (verb === 'cancel' && number && rest.length === 1) {
      const series = await services.series.cancel(actor.subject, number);
      await reply({
        text: actor.t('meetings.cancelled', { id: `MTG-${number}`, title: escapeMrkdwn(series.title) }),
      });
      return;
    }
    throw usage(`user ${command.user_id} typed "/meeting ${command.text}"`);
  };
}
