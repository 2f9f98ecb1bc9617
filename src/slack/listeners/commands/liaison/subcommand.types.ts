import type { KnownBlock } from '@slack/types';
import type { SlackDeps } from '../../../deps.js';
import type { CommandArgs } from '../../../listener-args.types.js';
import type { ParsedLiaisonCommand } from '../../../parsers/liaison-command.parser.js';
import type { RequestActor } from '../../../request-actor.js';

/** A private answer where the command was typed. */
export interface SubcommandReply {
  text: string;
  blocks?: KnownBlock[];
}

/** Everything a `/liaison <name>` handler gets: already acknowledged, actor resolved. */
export interface SubcommandContext {
  deps: SlackDeps;
  actor: RequestActor;
  parsed: ParsedLiaisonCommand;
  args: CommandArgs;
  /** Answers privately where the command was typed. */
  reply(message: SubcommandReply): Promise<void>;
}

/** What a subcommand may use to answer inside the acknowledgement: nothing that waits. */
export interface MemoryAnswerContext {
  deps: SlackDeps;
  /** The actor, remembered whole (workspace, person, roles): no query, no call to Slack. */
  actor: RequestActor;
  parsed: ParsedLiaisonCommand;
}

export interface Subcommand {
  /** The first word after /liaison (and any aliases). */
  names: readonly string[];
  run(context: SubcommandContext): Promise<void>;
  /**
   * Optional: the whole answer built synchronously from the actor and memory alone — no
   * query, no call to Slack, no change to anything. When the actor is remembered, `/liaison`
   * sends it as the body of its acknowledgement (Slack shows it as the private reply) and
   * `run` is not called; otherwise (a cold cache, or undefined here) it acknowledges and
   * calls `run` as usual. Both must give the same answer. The reply is serialised once per
   * object returned: return the same object for the same answer, and never change it.
   */
  answerFromMemory?(context: MemoryAnswerContext): SubcommandReply | undefined;
}
