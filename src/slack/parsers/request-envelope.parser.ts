import { z } from 'zod';
import type { InstallationQuery } from '../../modules/installations/installation.types.js';
import { EVENTS } from '../ids.js';

/**
 * What every signed request must carry before Bolt or a listener reads it. Slack always
 * sends these fields; a body without them is not from Slack's normal flow, and Bolt would
 * otherwise fail on it in ways that reach nobody (a TypeError before any listener, a Prisma
 * error on an undefined team, a modal never acknowledged). The kinds follow Bolt's own
 * classification (App.processEvent), so every body Bolt would dispatch is checked here first.
 * Objects stay open: Slack adds fields, and only what Liaison reads is required.
 */

const slackId = z.string().min(1).max(64);
/** An org id where one may be absent: outside Enterprise Grid it is missing, null or ''. */
const optionalEnterpriseId = z
  .string()
  .max(64)
  .nullish()
  .transform((id) => id || undefined);

const user = z.looseObject({ id: slackId, team_id: slackId.optional(), name: z.string().optional() });

/** Fields of every interactive payload (actions, shortcuts, views, options). */
const interactiveShape = {
  type: z.string().min(1),
  user,
  team: z.looseObject({ id: slackId, enterprise_id: optionalEnterpriseId }).nullish(),
  enterprise: z.looseObject({ id: slackId }).nullish(),
  is_enterprise_install: z.boolean().optional(),
};

type Interactive = z.infer<z.ZodObject<typeof interactiveShape>>;

/** An org-wide install sends `team: null`; the person's team is then on the user. */
const hasTeam = (body: Interactive) => (body.team?.id ?? body.user.team_id) !== undefined;
const teamProblem = { message: 'no team (team.id or user.team_id)', path: ['team'] };

const interactive = z.looseObject(interactiveShape).refine(hasTeam, teamProblem);

const view = z.looseObject({
  id: slackId,
  type: z.string().min(1),
  callback_id: z.string(),
  /** Slack sends '' when the modal set none; the forms validate their own contents. */
  private_metadata: z.string(),
  app_installed_team_id: slackId.optional(),
  state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), z.looseObject({}))) }),
});

const blockActions = z
  .looseObject({
    ...interactiveShape,
    type: z.literal('block_actions'),
    trigger_id: z.string().min(1),
    container: z.looseObject({ type: z.string().min(1) }),
    actions: z
      .array(z.looseObject({ action_id: z.string().min(1), block_id: z.string().min(1), type: z.string() }))
      .min(1),
    channel: z.looseObject({ id: slackId }).optional(),
    view: z.looseObject({ id: slackId, app_installed_team_id: slackId.optional() }).optional(),
  })
  .refine(hasTeam, teamProblem);

const viewSubmission = z
  .looseObject({ ...interactiveShape, type: z.literal('view_submission'), view })
  .refine(hasTeam, teamProblem);

const viewClosed = z
  .looseObject({ ...interactiveShape, type: z.literal('view_closed'), view: view.partial({ state: true }) })
  .refine(hasTeam, teamProblem);

const globalShortcut = z
  .looseObject({
    ...interactiveShape,
    type: z.literal('shortcut'),
    callback_id: z.string().min(1),
    trigger_id: z.string().min(1),
  })
  .refine(hasTeam, teamProblem);

const messageShortcut = z
  .looseObject({
    ...interactiveShape,
    type: z.literal('message_action'),
    callback_id: z.string().min(1),
    trigger_id: z.string().min(1),
    response_url: z.url(),
    channel: z.looseObject({ id: slackId }),
    message: z.looseObject({ ts: z.string().min(1) }),
  })
  .refine(hasTeam, teamProblem);

/** A slash command: form fields, all strings; `text` is '' when nothing was typed. */
const command = z.looseObject({
  command: z.string().regex(/^\/\S+$/),
  text: z.string(),
  team_id: slackId,
  enterprise_id: optionalEnterpriseId,
  user_id: slackId,
  user_name: z.string().optional(),
  channel_id: slackId,
  response_url: z.url(),
  trigger_id: z.string().min(1),
  is_enterprise_install: z.enum(['true', 'false']).optional(),
});

const authorization = z.looseObject({
  team_id: slackId.nullish(),
  enterprise_id: optionalEnterpriseId,
  is_enterprise_install: z.boolean().optional(),
});

const eventEnvelope = z.looseObject({
  type: z.literal('event_callback'),
  team_id: slackId,
  enterprise_id: optionalEnterpriseId,
  event_id: slackId,
  event: z.looseObject({ type: z.string().min(1) }),
  authorizations: z.array(authorization).optional(),
});

const slackUser = z.looseObject({ user: z.looseObject({ id: slackId }) });

/** What Liaison's event listeners read from the events it subscribes to. */
const INNER_EVENTS: Record<string, z.ZodType> = {
  [EVENTS.appHomeOpened]: z.looseObject({ user: slackId, tab: z.string().optional() }),
  [EVENTS.userChange]: slackUser,
  [EVENTS.teamJoin]: slackUser,
  [EVENTS.tokensRevoked]: z.looseObject({
    tokens: z.looseObject({ oauth: z.array(z.string()).optional(), bot: z.array(z.string()).optional() }),
  }),
};

export type EnvelopeKind = 'event' | 'command' | 'options' | 'action' | 'shortcut' | 'view';

export type RequestEnvelope =
  /** `claims`: which installation Slack says the request is for (an event: each one that sees it). */
  | { kind: EnvelopeKind; type: string; claims: InstallationQuery[] }
  /** A Slack notice Bolt has no listener kind for (e.g. app_rate_limited): acknowledged, nothing else. */
  | { kind: 'notice'; type: string };

export type EnvelopeReading = { ok: true; envelope: RequestEnvelope } | { ok: false; problem: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problemOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

function interactiveClaims(body: Interactive & { view?: { app_installed_team_id?: string } }) {
  const enterpriseId = body.enterprise?.id ?? body.team?.enterprise_id;
  const isEnterpriseInstall = body.is_enterprise_install === true;
  const claim = (teamId: string | undefined): InstallationQuery => ({
    isEnterpriseInstall,
    ...(teamId ? { teamId } : {}),
    ...(enterpriseId ? { enterpriseId } : {}),
  });
  // A modal opened from a Slack Connect channel names the installation it belongs to.
  const installedTeam = body.view?.app_installed_team_id;
  return [claim(body.team?.id ?? body.user.team_id), ...(installedTeam ? [claim(installedTeam)] : [])];
}

function parse<T>(
  schema: z.ZodType<T>,
  body: unknown,
): { ok: true; data: T } | { ok: false; problem: string } {
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, problem: problemOf(parsed.error) };
}

function readEvent(body: Record<string, unknown>): EnvelopeReading {
  const parsed = parse(eventEnvelope, body);
  if (!parsed.ok) return parsed;
  const envelope = parsed.data;
  const inner = INNER_EVENTS[envelope.event.type];
  if (inner) {
    const checked = parse(inner, envelope.event);
    if (!checked.ok) return { ok: false, problem: `event.${checked.problem}` };
  }
  const authorizations = envelope.authorizations ?? [];
  const claims: InstallationQuery[] =
    authorizations.length > 0
      ? authorizations.map((a) => ({
          isEnterpriseInstall: a.is_enterprise_install === true,
          ...(a.team_id ? { teamId: a.team_id } : {}),
          ...(a.enterprise_id ? { enterpriseId: a.enterprise_id } : {}),
        }))
      : [
          {
            isEnterpriseInstall: false,
            teamId: envelope.team_id,
            ...(envelope.enterprise_id ? { enterpriseId: envelope.enterprise_id } : {}),
          },
        ];
  return { ok: true, envelope: { kind: 'event', type: envelope.event.type, claims } };
}

function readCommand(body: Record<string, unknown>): EnvelopeReading {
  const parsed = parse(command, body);
  if (!parsed.ok) return parsed;
  const c = parsed.data;
  const claims: InstallationQuery[] = [
    {
      teamId: c.team_id,
      isEnterpriseInstall: c.is_enterprise_install === 'true',
      ...(c.enterprise_id ? { enterpriseId: c.enterprise_id } : {}),
    },
  ];
  return { ok: true, envelope: { kind: 'command', type: c.command, claims } };
}

function readInteractive(
  kind: EnvelopeKind,
  schema: z.ZodType<Interactive & { view?: { app_installed_team_id?: string } }>,
  body: Record<string, unknown>,
): EnvelopeReading {
  const parsed = parse(schema, body);
  if (!parsed.ok) return parsed;
  return { ok: true, envelope: { kind, type: parsed.data.type, claims: interactiveClaims(parsed.data) } };
}

/** The body of a signed request, checked; `problem` names the first missing or wrong field. */
export function readRequestEnvelope(body: unknown): EnvelopeReading {
  if (!isRecord(body)) return { ok: false, problem: `the body is ${body === null ? 'null' : typeof body}` };
  // Same order as Bolt's getTypeAndConversation.
  if (body.event !== undefined) return readEvent(body);
  if (body.command !== undefined) return readCommand(body);
  if (body.name !== undefined || body.type === 'block_suggestion')
    return readInteractive('options', interactive, body);
  if (body.actions !== undefined || body.type === 'dialog_submission' || body.type === 'block_actions')
    return readInteractive('action', body.type === 'block_actions' ? blockActions : interactive, body);
  if (body.type === 'shortcut') return readInteractive('shortcut', globalShortcut, body);
  if (body.type === 'message_action') return readInteractive('shortcut', messageShortcut, body);
  if (body.type === 'view_submission') return readInteractive('view', viewSubmission, body);
  if (body.type === 'view_closed') return readInteractive('view', viewClosed, body);
  if (typeof body.type === 'string' && body.type !== '')
    return { ok: true, envelope: { kind: 'notice', type: body.type } };
  return { ok: false, problem: 'not a Slack request (no event, command or type)' };
}
