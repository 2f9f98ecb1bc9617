import type { AccessSubject } from '../access/access.types.js';
import { dueOnFrom } from '../action-items/action-items.rules.js';
import type { ActionItemsService } from '../action-items/action-items.service.js';
import type { WorkingTimeProfile } from '../calendar/working-time.rules.js';
import type { Clock } from '../shared/clock.types.js';
import { DomainError } from '../shared/domain-error.types.js';
import { isWebLink, takesPart } from './agenda.rules.js';
import type { MeetingsRepository } from './meetings.repository.js';
import type {
  AgendaItemDto,
  AgendaItemInput,
  DecisionDto,
  MeetingDto,
  OutcomeActionItem,
  OutcomeInput,
  SeriesDto,
} from './meetings.types.js';

const TITLE_MAX = 150;
const DESCRIPTION_MAX = 1000;
const DECISION_MAX = 2000;

export interface ItemContext {
  item: AgendaItemDto;
  meeting: MeetingDto;
  series: SeriesDto;
}

export interface AgendaService {
  /** The meeting and its series, for a participant (the add-item modal). */
  meetingFor(actor: AccessSubject, meetingId: string): Promise<{ meeting: MeetingDto; series: SeriesDto }>;
  /** Adds an item until the meeting starts; after the cut-off it is marked late. */
  submit(actor: AccessSubject, meetingId: string, input: AgendaItemInput): Promise<ItemContext>;
  /** The submitter (or an admin) edits an open item until the meeting starts. */
  edit(actor: AccessSubject, itemId: string, input: AgendaItemInput): Promise<ItemContext>;
  withdraw(actor: AccessSubject, itemId: string): Promise<ItemContext>;
  /** An item and its meeting, for a participant. */
  itemFor(actor: AccessSubject, itemId: string): Promise<ItemContext>;
  /** A participant records the decision on an item, with its action items (source `meeting`). */
  recordOutcome(
    actor: AccessSubject,
    itemId: string,
    input: OutcomeInput,
  ): Promise<ItemContext & { decision: DecisionDto; actionItemCount: number }>;
}

function fieldError(
  field: string,
  key: 'title' | 'description' | 'department' | 'link' | 'decision',
  detail: string,
) {
  return new DomainError('meeting.item_invalid', { key: `meetings.errors.item.${key}` }, { field, detail });
}

export function createAgendaService(deps: {
  repo: MeetingsRepository;
  clock: Clock;
  actionItems: Pick<ActionItemsService, 'createMany'>;
  /** The owner's working time, to turn "N working days" into a date before the transaction opens. */
  workingTimeProfileFor: (personId: string) => Promise<WorkingTimeProfile>;
}): AgendaService {
  const { repo, clock } = deps;

  async function meetingAndSeries(workspaceId: string, meetingId: string) {
    const meeting = await repo.findMeeting(workspaceId, meetingId);
    const series = meeting ? await repo.findSeriesById(meeting.seriesId) : null;
    if (!meeting || !series || series.workspaceId !== workspaceId)
      throw new DomainError(
        'meeting.not_found',
        { key: 'meetings.errors.meetingGone' },
        { detail: `workspace ${workspaceId} has no meeting ${meetingId}` },
      );
    return { meeting, series };
  }

  /** A refusal by the module's rules is audited before the person is told. */
  async function requireParticipant(actor: AccessSubject, series: SeriesDto, attempted: string) {
    if (takesPart(actor, series)) return;
    await repo.recordRefusal(actor, 'meeting_series', series.id, attempted);
    throw new DomainError(
      'authorization.refused',
      { key: 'meetings.errors.notParticipant', params: { id: `MTG-${series.number}` } },
      { detail: `person ${actor.personId} takes no part in MTG-${series.number}` },
    );
  }

  function requireOpenForItems(meeting: MeetingDto, series: SeriesDto) {
    if (meeting.status !== 'SCHEDULED' || clock.now() >= meeting.startsAt)
      throw new DomainError(
        'meeting.closed',
        { key: 'meetings.errors.itemsClosed', params: { id: `MTG-${series.number}` } },
        { detail: `meeting ${meeting.id} is ${meeting.status}, starts ${meeting.startsAt.toISOString()}` },
      );
  }

  function clean(input: AgendaItemInput, series: SeriesDto): AgendaItemInput {
    const title = input.title.trim();
    const description = input.description.trim();
    const link = input.link.trim();
    if (!title || title.length > TITLE_MAX)
      throw fieldError('title', 'title', `title of ${title.length} chars`);
    if (description.length > DESCRIPTION_MAX)
      throw fieldError('description', 'description', `description of ${description.length} chars`);
    if (!series.departmentIds.includes(input.ownerDepartmentId))
      throw fieldError('department', 'department', `department ${input.ownerDepartmentId} not in the series`);
    if (link && !isWebLink(link)) throw fieldError('link', 'link', `link ${link.slice(0, 100)}`);
    return { ...input, title, description, link };
  }

  async function itemContext(workspaceId: string, itemId: string): Promise<ItemContext> {
    const item = await repo.findItem(workspaceId, itemId);
    if (!item)
      throw new DomainError(
        'meeting.item_not_found',
        { key: 'meetings.errors.itemGone' },
        { detail: `workspace ${workspaceId} has no agenda item ${itemId}` },
      );
    return { item, ...(await meetingAndSeries(workspaceId, item.meetingId)) };
  }

  async function ownOpenItem(actor: AccessSubject, itemId: string, attempted: string): Promise<ItemContext> {
    const context = await itemContext(actor.workspaceId, itemId);
    if (context.item.submittedByPersonId !== actor.personId && !actor.isAdmin) {
      await repo.recordRefusal(actor, 'agenda_item', itemId, attempted);
      throw new DomainError(
        'authorization.refused',
        { key: 'meetings.errors.notSubmitter' },
        { detail: `person ${actor.personId} did not submit item ${itemId}` },
      );
    }
    requireOpenForItems(context.meeting, context.series);
    if (context.item.status !== 'OPEN')
      throw new DomainError(
        'meeting.item_closed',
        { key: 'meetings.errors.itemNotOpen' },
        { detail: `item ${itemId} is ${context.item.status}` },
      );
    return context;
  }

  function changedMeanwhile(itemId: string) {
    return new DomainError(
      'meeting.item_changed',
      { key: 'meetings.errors.itemNotOpen' },
      { detail: `item ${itemId} changed meanwhile` },
    );
  }

  return {
    async meetingFor(actor, meetingId) {
      const found = await meetingAndSeries(actor.workspaceId, meetingId);
      await requireParticipant(actor, found.series, 'meetings.add_item');
      requireOpenForItems(found.meeting, found.series);
      return found;
    },

    async submit(actor, meetingId, input) {
      const { meeting, series } = await meetingAndSeries(actor.workspaceId, meetingId);
      await requireParticipant(actor, series, 'meetings.add_item');
      requireOpenForItems(meeting, series);
      const cleaned = clean(input, series);
      const late = clock.now() >= meeting.closesAt;
      const item = await repo.addItem(
        meeting,
        { ...cleaned, submittedByPersonId: actor.personId, late, at: clock.now() },
        actor.slackUserId,
      );
      return { item, meeting, series };
    },

    async edit(actor, itemId, input) {
      const context = await ownOpenItem(actor, itemId, 'meetings.edit_item');
      const changed = await repo.changeItem(context.item, clean(input, context.series), actor.slackUserId);
      if (!changed) throw changedMeanwhile(itemId);
      return { ...context, item: changed };
    },

    async withdraw(actor, itemId) {
      const context = await ownOpenItem(actor, itemId, 'meetings.withdraw_item');
      const changed = await repo.changeItem(context.item, { status: 'WITHDRAWN' }, actor.slackUserId);
      if (!changed) throw changedMeanwhile(itemId);
      return { ...context, item: changed };
    },

    async itemFor(actor, itemId) {
      const context = await itemContext(actor.workspaceId, itemId);
      await requireParticipant(actor, context.series, 'meetings.open_item');
      return context;
    },

    async recordOutcome(actor, itemId, input) {
      const context = await itemContext(actor.workspaceId, itemId);
      await requireParticipant(actor, context.series, 'meetings.record_outcome');
      const text = input.decision.trim();
      if (!text || text.length > DECISION_MAX)
        throw fieldError('decision', 'decision', `decision of ${text.length} chars`);
      if (context.item.status !== 'OPEN' && context.item.status !== 'DEFERRED')
        throw changedMeanwhile(itemId);
      // Dates are fixed first: nothing may read the database outside the transaction once it is open.
      const now = clock.now();
      const dated: OutcomeActionItem[] = [];
      for (const action of input.actionItems)
        dated.push({
          ...action,
          due:
            'workingDays' in action.due
              ? { date: dueOnFrom(action.due, now, await deps.workingTimeProfileFor(action.ownerPersonId)) }
              : action.due,
        });
      const decision = await repo.recordDecision(
        context.item,
        { text, decidedByPersonId: input.decidedByPersonId, at: clock.now() },
        actor.slackUserId,
        async (tx, decisionId) => {
          await deps.actionItems.createMany(
            dated.map((action) => ({
              workspaceId: actor.workspaceId,
              title: action.title,
              ownerPersonId: action.ownerPersonId,
              ownerDepartmentId: context.item.ownerDepartmentId,
              due: action.due,
              sourceType: 'meeting',
              sourceId: context.item.id,
              decisionId,
              createdByPersonId: actor.personId,
            })),
            { actorSlackId: actor.slackUserId, tx },
          );
        },
      );
      if (!decision) throw changedMeanwhile(itemId);
      return {
        ...context,
        item: { ...context.item, status: 'DECIDED' },
        decision,
        actionItemCount: input.actionItems.length,
      };
    },
  };
}
