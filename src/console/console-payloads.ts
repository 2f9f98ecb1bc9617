import { randomUUID } from 'node:crypto';
import type { SlackBlockAction, SlackViewStateValues } from './input/index.js';

/** Who is acting and where, as Slack puts it into every payload. */
export interface ConsoleActor {
  teamId: string;
  teamDomain: string;
  appId: string;
  userId: string;
  userName: string;
  channelId: string;
  channelName: string;
}

const LEGACY_TOKEN = 'console-verification-token';

/** A slash command body as Slack posts it (form fields, all strings). */
export function slashCommandBody(
  actor: ConsoleActor,
  input: { command: string; text: string; responseUrl: string; triggerId: string },
) {
  return {
    token: LEGACY_TOKEN,
    team_id: actor.teamId,
    team_domain: actor.teamDomain,
    channel_id: actor.channelId,
    channel_name: actor.channelName,
    user_id: actor.userId,
    user_name: actor.userName,
    command: input.command,
    text: input.text,
    api_app_id: actor.appId,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  };
}

function userOf(actor: ConsoleActor) {
  return { id: actor.userId, username: actor.userName, name: actor.userName, team_id: actor.teamId };
}

/** block_actions for a button or menu in a message. */
export function messageBlockActionsBody(
  actor: ConsoleActor,
  input: {
    action: SlackBlockAction;
    message: { ts: string; channel: string; text: string; blocks?: unknown[] };
    ephemeral: boolean;
    responseUrl: string;
    triggerId: string;
  },
) {
  return {
    type: 'block_actions',
    user: userOf(actor),
    api_app_id: actor.appId,
    token: LEGACY_TOKEN,
    container: {
      type: 'message',
      message_ts: input.message.ts,
      channel_id: input.message.channel,
      is_ephemeral: input.ephemeral,
    },
    trigger_id: input.triggerId,
    team: { id: actor.teamId, domain: actor.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: input.message.channel, name: actor.channelName },
    // Slack does not send the message of an ephemeral one.
    ...(input.ephemeral ? {} : { message: { type: 'message', ...input.message } }),
    state: { values: {} },
    response_url: input.responseUrl,
    actions: [input.action],
  };
}

/** block_actions for an element inside a modal or the Home tab. */
export function viewBlockActionsBody(
  actor: ConsoleActor,
  input: {
    action: SlackBlockAction;
    view: Record<string, unknown>;
    values: SlackViewStateValues;
    triggerId: string;
  },
) {
  return {
    type: 'block_actions',
    user: userOf(actor),
    api_app_id: actor.appId,
    token: LEGACY_TOKEN,
    container: { type: 'view', view_id: input.view.id },
    trigger_id: input.triggerId,
    team: { id: actor.teamId, domain: actor.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    view: { ...input.view, state: { values: input.values } },
    actions: [input.action],
  };
}

/** A message shortcut (type message_action) on a message in a channel, as Slack posts it. */
export function messageShortcutBody(
  actor: ConsoleActor,
  input: {
    callbackId: string;
    message: { ts: string; channel: string; text: string; user?: string };
    channelName: string;
    responseUrl: string;
    triggerId: string;
    actionTs: string;
  },
) {
  const { channel, ...message } = input.message;
  return {
    type: 'message_action',
    token: LEGACY_TOKEN,
    action_ts: input.actionTs,
    team: { id: actor.teamId, domain: actor.teamDomain },
    user: userOf(actor),
    channel: { id: channel, name: input.channelName },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: input.callbackId,
    trigger_id: input.triggerId,
    response_url: input.responseUrl,
    message_ts: message.ts,
    message: { type: 'message', ...message },
  };
}

export function viewSubmissionBody(
  actor: ConsoleActor,
  input: { view: Record<string, unknown>; values: SlackViewStateValues; triggerId: string },
) {
  return {
    type: 'view_submission',
    team: { id: actor.teamId, domain: actor.teamDomain },
    user: userOf(actor),
    api_app_id: actor.appId,
    token: LEGACY_TOKEN,
    trigger_id: input.triggerId,
    view: { ...input.view, state: { values: input.values } },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

export function viewClosedBody(actor: ConsoleActor, view: Record<string, unknown>) {
  return {
    type: 'view_closed',
    team: { id: actor.teamId, domain: actor.teamDomain },
    user: userOf(actor),
    api_app_id: actor.appId,
    token: LEGACY_TOKEN,
    view,
    is_cleared: false,
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** An Events API envelope, as Slack wraps every event. */
export function eventEnvelope(actor: ConsoleActor, event: Record<string, unknown>) {
  return {
    token: LEGACY_TOKEN,
    team_id: actor.teamId,
    api_app_id: actor.appId,
    event,
    type: 'event_callback',
    event_id: `Ev${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: actor.teamId,
        user_id: actor.userId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
}
