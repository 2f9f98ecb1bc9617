import { z } from 'zod';
import { actionItemDueField } from '../../../modules/escalations/escalations.service.js';
import type { ActionItemInput } from '../../../modules/escalations/escalations.types.js';
import { DomainError, isDomainError } from '../../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../../deps.js';
import { DEPARTMENT_FIELD_ACTION, ESCALATION_STEP_FIELDS } from '../../ids.js';
import type { ViewSubmissionArgs } from '../../listener-args.types.js';
import { readMetadata } from '../../parsers/metadata.parser.js';
import { withModalErrors } from '../../parsers/view-state.parser.js';
import { slackPeopleDirectory } from '../../people-directory.js';
import type { RequestActor } from '../../request-actor.js';
import { ACTION_ITEM_ROWS, optionValue, type StepKind } from '../../views/escalation-step-modals.view.js';

/** The service's field names → the step modals' blocks. */
const FIELD_BLOCKS: Record<string, string> = {
  proposal: ESCALATION_STEP_FIELDS.proposal,
  reason: ESCALATION_STEP_FIELDS.reason,
  assignee: ESCALATION_STEP_FIELDS.assignee,
  decision: ESCALATION_STEP_FIELDS.decision,
};

/** Where an error without a field of this modal (a refusal, a state change) is shown. */
const MAIN_BLOCK: Record<StepKind, string> = {
  propose: ESCALATION_STEP_FIELDS.proposal,
  reject: ESCALATION_STEP_FIELDS.reason,
  escalate: ESCALATION_STEP_FIELDS.reason,
  reopen: ESCALATION_STEP_FIELDS.reason,
  reassign: ESCALATION_STEP_FIELDS.assignee,
  resolve: ESCALATION_STEP_FIELDS.decision,
};

const metadataSchema = z.object({ n: z.number().int().positive() }).strict();

const stateSchema = z.record(
  z.string(),
  z.record(
    z.string(),
    z.object({
      value: z.string().max(5_000).nullish(),
      selected_user: z
        .string()
        .regex(/^[UW][A-Z0-9]{2,30}$/)
        .nullish(),
      // Judged by parseCalendarDate where it is used, so a bad date is an error under its field.
      selected_date: z.string().max(40).nullish(),
      selected_options: z.array(z.object({ value: z.string().max(150) })).nullish(),
    }),
  ),
);

function badSubmission(detail: string): DomainError {
  return new DomainError('view.bad_state', { key: 'escalationCards.errors.badButton' }, { detail });
}

/** private_metadata: `{"n": <escalation number>}`, nothing more. */
function escalationNumberOf(text: string): number {
  return readMetadata(text, metadataSchema, {
    code: 'view.bad_state',
    message: 'escalationCards.errors.badButton',
    what: 'escalation step metadata',
  }).n;
}

function readState(values: unknown) {
  const parsed = stateSchema.safeParse(values);
  if (!parsed.success) throw badSubmission(`escalation step state: ${parsed.error.message.slice(0, 300)}`);
  const field = (block: string) => parsed.data[block]?.[DEPARTMENT_FIELD_ACTION];
  return {
    text: (block: string) => field(block)?.value?.trim() ?? '',
    user: (block: string) => field(block)?.selected_user ?? null,
    date: (block: string) => field(block)?.selected_date ?? null,
    options: (block: string) => (field(block)?.selected_options ?? []).map((o) => o.value),
  };
}
type StepState = ReturnType<typeof readState>;

async function personIdOf(
  deps: SlackDeps,
  args: ViewSubmissionArgs,
  actor: RequestActor,
  slackUserId: string,
): Promise<string> {
  const person = await deps.people.identify(
    { workspaceId: actor.workspace.id, slackUserId, fallbackName: slackUserId },
    slackPeopleDirectory(args.client),
  );
  return person.id;
}

/** Action item rows: all three fields or none; a partial row is an error on what is missing. */
function readItemRows(state: StepState, actor: RequestActor) {
  const rows: { title: string; owner: string; dueOn: string; dueBlock: string }[] = [];
  const errors: Record<string, string> = {};
  for (let n = 1; n <= ACTION_ITEM_ROWS; n++) {
    const blocks = {
      title: `${ESCALATION_STEP_FIELDS.itemTitle}${n}`,
      owner: `${ESCALATION_STEP_FIELDS.itemOwner}${n}`,
      due: `${ESCALATION_STEP_FIELDS.itemDue}${n}`,
    };
    const title = state.text(blocks.title);
    const owner = state.user(blocks.owner);
    const dueOn = state.date(blocks.due);
    const filled = [title !== '', owner !== null, dueOn !== null];
    if (filled.every(Boolean))
      rows.push({ title, owner: owner as string, dueOn: dueOn as string, dueBlock: blocks.due });
    else if (filled.some(Boolean)) {
      const missing = !filled[0] ? blocks.title : !filled[1] ? blocks.owner : blocks.due;
      errors[missing] = actor.t('escalationCards.errors.itemIncomplete');
    }
  }
  return { rows, errors };
}

async function resolve(
  deps: SlackDeps,
  args: ViewSubmissionArgs,
  ctx: { actor: RequestActor; number: number; state: StepState },
): Promise<'done' | 'errors'> {
  const { actor, number, state } = ctx;
  const { subject } = actor;
  const { rows, errors } = readItemRows(state, actor);
  if (Object.keys(errors).length > 0) {
    await args.ack({ response_action: 'errors', errors });
    return 'errors';
  }
  const esc = await deps.escalations.get(subject, number);
  const chosen = new Set(state.options(ESCALATION_STEP_FIELDS.options));
  const optionsConsidered = esc.options
    .filter((_o, index) => chosen.has(optionValue(index)))
    .map((o) => o.label);
  const actionItems: ActionItemInput[] = [];
  for (const row of rows)
    actionItems.push({
      title: row.title,
      ownerPersonId: await personIdOf(deps, args, actor, row.owner),
      dueOn: row.dueOn,
    });
  try {
    await deps.escalations.resolve(subject, number, {
      decision: state.text(ESCALATION_STEP_FIELDS.decision),
      optionsConsidered,
      ...(actionItems.length > 0 ? { actionItems } : {}),
    });
  } catch (error) {
    // An item's refused due date goes under that row's date picker (items are the filled rows, in order).
    const row = rows.findIndex(
      (_row, index) => isDomainError(error) && error.field === actionItemDueField(index),
    );
    const block = rows[row]?.dueBlock;
    if (!isDomainError(error) || !block) throw error;
    await args.ack({
      response_action: 'errors',
      errors: { [block]: actor.t(error.userMessage.key, error.userMessage.params) },
    });
    return 'errors';
  }
  return 'done';
}

/**
 * A step modal was submitted (Propose, Reject, Escalate now, Reassign, Resolve, Reopen). The
 * actor is the signed payload's user; the metadata says only which escalation. Every domain
 * error stays in the modal: under its field, or under the modal's main field (refusals).
 */
export function escalationStepSubmission(deps: SlackDeps, kind: StepKind) {
  return async (args: ViewSubmissionArgs): Promise<void> => {
    const actor = await args.context.actor();
    const { subject } = actor;
    const outcome = await withModalErrors(FIELD_BLOCKS, MAIN_BLOCK[kind], async () => {
      const number = escalationNumberOf(args.view.private_metadata);
      const state = readState(args.view.state.values);
      const reason = state.text(ESCALATION_STEP_FIELDS.reason);
      switch (kind) {
        case 'propose':
          await deps.escalations.propose(subject, number, state.text(ESCALATION_STEP_FIELDS.proposal));
          return 'done';
        case 'reject':
          await deps.escalations.reject(subject, number, reason);
          return 'done';
        case 'escalate':
          await deps.escalations.escalateNow(subject, number, reason);
          return 'done';
        case 'reopen':
          await deps.escalations.reopen(subject, number, reason);
          return 'done';
        case 'reassign': {
          const slackUserId = state.user(ESCALATION_STEP_FIELDS.assignee);
          if (!slackUserId)
            throw new DomainError(
              'escalation.assignee',
              { key: 'escalations.errors.assigneeUnknown' },
              { field: 'assignee' },
            );
          await deps.escalations.reassign(subject, number, await personIdOf(deps, args, actor, slackUserId));
          return 'done';
        }
        case 'resolve':
          return resolve(deps, args, { actor, number, state });
      }
    });
    if (outcome === 'done') await args.ack();
  };
}

/** The step modals' submissions, one per callback_id. */
