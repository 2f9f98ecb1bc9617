import { z } from 'zod';
import type { AccessSubject } from '../../modules/access/access.types.js';
import type { SlackDeps } from '../../slack/deps.js';
import type { ButtonArgs } from '../../slack/listener-args.types.js';
import { readMetadata } from '../../slack/parsers/metadata.parser.js';
import { servicesOf } from '../feature-registry.js';
import { agendaItemModal, itemSavedMessage } from './agenda-item.view.js';
import { meetingsFeature } from './meetings.feature.js';

const uuid = z.string().uuid();

/** A button's value: the meeting's or the item's id. */
export function idFrom(args: ButtonArgs): string {
  return readMetadata(JSON.stringify(args.action.value ?? ''), uuid, {
    code: 'meeting.bad_button',
    message: 'meetings.errors.badButton',
    what: `${args.action.action_id} carried`,
  });
}

/** The department an item defaults to: the person's own among those taking part (one they lead first). */
export function defaultDepartmentOf(subject: AccessSubject, departmentIds: readonly string[]): string | null {
  const mine = subject.memberships.filter((m) => departmentIds.includes(m.departmentId));
  return (mine.find((m) => m.role === 'LEAD' || m.role === 'HEAD') ?? mine[0])?.departmentId ?? null;
}

/** "Add an item" on the collection DM: the item modal, for a participant while items are open. */
export function addItemButton(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const actor = await args.context.actor();
    const services = servicesOf(deps, meetingsFeature);
    const { meeting, series } = await services.agenda.meetingFor(actor.subject, idFrom(args));
    const departments = await services.series.departmentNames(actor.workspace.id, series.departmentIds);
    await args.client.views.open({
      trigger_id: args.body.trigger_id,
      view: agendaItemModal({
        t: actor.t,
        locale: actor.locale,
        series,
        meeting,
        departments,
        defaultDepartmentId: defaultDepartmentOf(actor.subject, series.departmentIds),
      }),
    });
  };
}

/** "Edit" on an item's record: the modal again, filled in (the service checks it may still change). */
export function editItemButton(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const actor = await args.context.actor();
    const services = servicesOf(deps, meetingsFeature);
    const { item, meeting, series } = await services.agenda.itemFor(actor.subject, idFrom(args));
    const departments = await services.series.departmentNames(actor.workspace.id, series.departmentIds);
    await args.client.views.open({
      trigger_id: args.body.trigger_id,
      view: agendaItemModal({
        t: actor.t,
        locale: actor.locale,
        series,
        meeting,
        departments,
        defaultDepartmentId: item.ownerDepartmentId,
        item,
      }),
    });
  };
}

/** "Withdraw": the item leaves the agenda; the record says so and loses its buttons. */
export function withdrawItemButton(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const actor = await args.context.actor();
    const done = await servicesOf(deps, meetingsFeature).agenda.withdraw(actor.subject, idFrom(args));
    await args.respond({
      replace_original: true,
      ...itemSavedMessage('withdrawn', { ...done, t: actor.t }),
    });
  };
}
