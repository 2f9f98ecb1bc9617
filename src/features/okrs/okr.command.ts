import { isExecutive, leadsDepartment } from '../../modules/access/access.rules.js';
import { reviewDepartments } from '../../modules/okrs/okr-review.rules.js';
import { parseObjectiveId } from '../../modules/okrs/okrs.rules.js';
import type { OkrListScope } from '../../modules/okrs/okrs.types.js';
import { DomainError } from '../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../../slack/deps.js';
import type { CommandArgs } from '../../slack/listener-args.types.js';
import { commandTextOf } from '../../slack/parsers/liaison-command.parser.js';
import type { RequestActor } from '../../slack/request-actor.js';
import { departmentName } from '../../slack/views/person-summary.js';
import { servicesOf } from '../feature-registry.js';
import { okrImportModal } from './okr-import.view.js';
import { COMPANY_LEVEL, newKeyResultModal, newObjectiveModal } from './okr-new.view.js';
import { okrReviewView } from './okr-review.view.js';
import { writeReviewNarrative } from './okr-review-narrative.js';
import { okrCheckInCadence, okrWorkspaceSettings } from './okr-settings.command.js';
import { okrListView, okrShowView } from './okr-tree.view.js';
import { okrsFeature } from './okrs.feature.js';

const SCOPES: Record<string, OkrListScope> = {
  mine: 'mine',
  me: 'mine',
  department: 'department',
  dept: 'department',
  company: 'company',
};

function usage(text: string): never {
  throw new DomainError('okr.usage', { key: 'okrs.usage' }, { detail: `typed "/okr ${text}"` });
}

/** The "For" choices: the company (executives, admins) and the departments the person may edit. */
async function levelsFor(deps: SlackDeps, actor: RequestActor) {
  const { subject } = actor;
  const departments = await deps.departments.list(subject);
  const levels: { value: string; text: string }[] = [];
  if (subject.isAdmin || isExecutive(subject))
    levels.push({ value: COMPANY_LEVEL, text: actor.t('okrs.level.company') });
  for (const d of departments)
    if (subject.isAdmin || leadsDepartment(subject, d.id))
      levels.push({ value: d.id, text: departmentName(d, actor.locale) });
  return levels;
}

/**
 * `/okr`: `list [department|mine|company]` (the default), `show O-3`, `new` (modal) and
 * `new O-3` (a key result), privately in the reader's language. Editing is for admins and
 * leads: others get a polite no before any modal opens.
 */
export function okrCommand(deps: SlackDeps) {
  return async (args: CommandArgs): Promise<void> => {
    const { ack, command, respond, client, context } = args;
    await ack();
    const actor = await context.actor();
    const { okrs } = servicesOf(deps, okrsFeature);
    const zone = actor.workspace.defaultTimeZone;
    const text = commandTextOf(command.text).trim();
    const [verb = 'list', ...rest] = text.split(/\s+/).filter(Boolean);
    const view = { t: actor.t, locale: actor.locale };
    const reply = (message: { text: string; blocks?: unknown[] }) =>
      respond({ response_type: 'ephemeral', replace_original: false, ...message } as Parameters<
        typeof respond
      >[0]);

    switch (verb.toLowerCase()) {
      case 'list': {
        const scope = SCOPES[(rest[0] ?? 'department').toLowerCase()];
        if (!scope || rest.length > 1) usage(text);
        const period = await okrs.period(actor.workspace.id, zone);
        const objectives = await okrs.list(actor.subject, zone, scope);
        return void (await reply(okrListView(objectives, { ...view, scope, period: period.key })));
      }
      case 'show': {
        const number = parseObjectiveId(rest[0] ?? '');
        if (number === null || rest.length > 1) usage(text);
        return void (await reply(okrShowView(await okrs.show(actor.subject, number), view)));
      }
      case 'new': {
        if (rest.length > 1) usage(text);
        if (rest[0]) {
          const number = parseObjectiveId(rest[0]);
          if (number === null) usage(text);
          const objective = await okrs.show(actor.subject, number);
          await okrs.mayEdit(actor.subject, objective);
          await client.views.open({
            trigger_id: command.trigger_id,
            view: newKeyResultModal(actor.t, objective, actor.person.slackUserId),
          });
          return;
        }
        const levels = await levelsFor(deps, actor);
        // Nobody to create for: the polite, audited refusal.
        if (levels.length === 0) await okrs.mayEdit(actor.subject, { department: null });
        const period = await okrs.period(actor.workspace.id, zone);
        const parents = (await okrs.tree(actor.workspace.id, period.id)).filter((o) => o.department === null);
        await client.views.open({
          trigger_id: command.trigger_id,
          view: newObjectiveModal(actor.t, { levels, parents, ownerSlackUserId: actor.person.slackUserId }),
        });
        return;
      }
      case 'review': {
        const period = await okrs.period(actor.workspace.id, zone, rest.join(' '));
        const [tree, answers] = await Promise.all([
          okrs.tree(actor.workspace.id, period.id),
          servicesOf(deps, okrsFeature).checkIns.answersBetween(
            actor.workspace.id,
            period.startsOn,
            period.endsOn,
          ),
        ]);
        const reviews = reviewDepartments(tree, answers);
        const narrative = await writeReviewNarrative(deps, actor, period.key, { tree, reviews, answers });
        return void (await reply(okrReviewView(reviews, { ...view, period: period.key, narrative })));
      }
      case 'import': {
        if (rest.length > 1) usage(text);
        const period = await okrs.period(actor.workspace.id, zone, rest[0] ?? '');
        // Only someone who may edit some OKRs gets the box (the polite, audited no otherwise).
        if ((await levelsFor(deps, actor)).length === 0)
          await okrs.mayEdit(actor.subject, { department: null });
        await client.views.open({
          trigger_id: command.trigger_id,
          view: okrImportModal(actor.t, period.key),
        });
        return;
      }
      case 'checkins':
      case 'check-ins':
        return void (await reply(
          await okrCheckInCadence(servicesOf(deps, okrsFeature).checkIns, actor, rest),
        ));
      case 'settings':
        return void (await reply(
          await okrWorkspaceSettings(servicesOf(deps, okrsFeature).checkIns, actor, rest),
        ));
      default:
        usage(text);
    }
  };
}
