import type { KnownBlock } from '@slack/types';
import type { SlackDeps } from '../../../deps.js';
import type { CommandArgs } from '../../../listener-args.types.js';
import type { ParsedLiaisonCommand } from '../../../parsers/liaison-command.parser.js';
import type { RequestActor } from '../../../request-actor.js';

/** Everything a `/liaison <name>` handler gets: already acknowledged, actor resolved. */
export interface SubcommandContext {
  deps: SlackDeps;
  actor: RequestActor;
  parsed: ParsedLiaisonCommand;
  args: CommandArgs;
  /** Answers privately where the command was typed. */
  reply(message: { text: string; blocks?: KnownBlock[] }): Promise<void>;
}

export interface Subcommand {
  /** The first word after /liaison (and any aliases). */
  names: readonly string[];
  run(context: SubcommandContext): Promise<void>;
}
