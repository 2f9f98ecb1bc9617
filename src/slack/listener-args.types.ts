import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  MessageShortcut,
  OverflowAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import type { ActorContext } from './request-actor.js';

/** What every listener gets besides the payload: Bolt's, with the request's actor on the context. */
type WithActor = AllMiddlewareArgs<ActorContext>;

export type CommandArgs = SlackCommandMiddlewareArgs & WithActor;
export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & WithActor;
export type OverflowArgs = SlackActionMiddlewareArgs<BlockAction<OverflowAction>> & WithActor;
export type ViewSubmissionArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & WithActor;
export type MessageShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & WithActor;
export type EventArgs<EventType extends string> = SlackEventMiddlewareArgs<EventType> & WithActor;
