import { z } from 'zod';
import { parseNumber } from '../../modules/okrs/okrs.rules.js';
import type { NewKeyResultInput } from '../../modules/okrs/okrs.types.js';
import { DomainError } from '../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../../slack/deps.js';
import type { ViewSubmissionArgs } from '../../slack/listener-args.types.js';
import { readMetadata } from '../../slack/parsers/metadata.parser.js';
import {
  firstInputBlock,
  readViewState,
  type ViewState,
  withModalErrors,
} from '../../slack/parsers/view-state.parser.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';
import { servicesOf } from '../feature-registry.js';
import { COMPANY_LEVEL } from './okr-new.view.js';
import { okrsFeature } from './okrs.feature.js';
import { OKR_FIELDS } from './okrs.ids.js';

/** The service's field names → the modal's blocks. */
const FIELD_BLOCKS: Record<string, string> = {
  title: OKR_FIELDS.title,
  level: OKR_FIELDS.level,
  parent: OKR_FIELDS.parent,
  kr_title: OKR_FIELDS.krTitle,
  start: OKR_FIELDS.start,
  target: OKR_FIELDS.target,
  unit: OKR_FIELDS.unit,
  owner: OKR_FIELDS.owner,
  kpi: OKR_FIELDS.kpi,
};

/** A number field: empty is absent, anything else must read as a number. */
function numberField(state: ViewState, block: string, field: string): number | null {
  const text = (state.text(block) ?? '').trim();
  if (text === '') return null;
  const value = parseNumber(text);
  if (value === null) throw new DomainError('okr.bad_number', { key: 'okrs.errors.badNumber' }, { field });
  return value;
}

async function readKeyResult(
  deps: SlackDeps,
  workspaceId: string,
  state: ViewState,
): Promise<NewKeyResultInput> {
  const kind = state.option(OKR_FIELDS.kind) === 'MILESTONE' ? 'MILESTONE' : 'METRIC';
  const startValue = kind === 'METRIC' ? numberField(state, OKR_FIELDS.start, 'start') : null;
  const targetValue = kind === 'METRIC' ? numberField(state, OKR_FIELDS.target, 'target') : null;
  const ownerPersonId = await servicesOf(deps, okrsFeature).okrs.ownerOf(
    workspaceId,
    state.users(OKR_FIELDS.owner)?.[0],
  );
  return {
    title: state.text(OKR_FIELDS.krTitle) ?? '',
    kind,
    unit: (state.text(OKR_FIELDS.unit) ?? '').trim() || null,
    direction:
      startValue !== null && targetValue !== null && targetValue < startValue ? 'DECREASE' : 'INCREASE',
    startValue,
    targetValue,
    ownerPersonId,
    kpiKey: (state.text(OKR_FIELDS.kpi) ?? '').trim() || null,
  };
}

/** Tells the person privately (a DM from Liaison: a modal has no channel to answer in). */
async function confirm(args: ViewSubmissionArgs, text: string) {
  await args.client.chat.postMessage({ channel: args.body.user.id, text });
}

/** The new-objective modal was submitted: errors under their fields, else created and confirmed. */
export function newObjectiveSubmission(deps: SlackDeps) {
  return async (args: ViewSubmissionArgs): Promise<void> => {
    const { ack, view, context } = args;
    const actor = await context.actor();
    const objective = await withModalErrors(FIELD_BLOCKS, firstInputBlock(view), async () => {
      const state = readViewState(view.state.values);
      const level = state.option(OKR_FIELDS.level) ?? COMPANY_LEVEL;
      const parent = state.option(OKR_FIELDS.parent);
      return servicesOf(deps, okrsFeature).okrs.createObjective(
        actor.subject,
        actor.workspace.defaultTimeZone,
        {
          title: state.text(OKR_FIELDS.title) ?? '',
          departmentId: level === COMPANY_LEVEL ? null : level,
          parentNumber: parent ? Number(parent) : null,
          keyResults: [await readKeyResult(deps, actor.workspace.id, state)],
        },
      );
    });
    await ack();
    await confirm(
      args,
      actor.t('okrs.created.objective', {
        number: objective.number,
        title: escapeMrkdwn(objective.title),
        count: objective.keyResults.length,
      }),
    );
  };
}

/** The add-key-result modal was submitted (the objective's number travels in private_metadata). */
export function newKeyResultSubmission(deps: SlackDeps) {
  return async (args: ViewSubmissionArgs): Promise<void> => {
    const { ack, view, context } = args;
    const actor = await context.actor();
    const { kr, objective } = await withModalErrors(FIELD_BLOCKS, firstInputBlock(view), async () => {
      const { o } = readMetadata(view.private_metadata, z.object({ o: z.number().int().positive() }), {
        code: 'okr.bad_metadata',
        message: 'okrs.errors.badButton',
        what: 'add key result modal metadata',
      });
      const state = readViewState(view.state.values);
      const input = await readKeyResult(deps, actor.workspace.id, state);
      return {
        kr: await servicesOf(deps, okrsFeature).okrs.addKeyResult(actor.subject, o, input),
        objective: o,
      };
    });
    await ack();
    await confirm(
      args,
      actor.t('okrs.created.keyResult', { number: kr.number, title: escapeMrkdwn(kr.title), objective }),
    );
  };
}
