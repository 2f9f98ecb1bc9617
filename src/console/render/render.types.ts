import type { AnyBlock } from '@slack/types';
import type { Control, FieldValues } from './control.types.js';

/** A person or conversation the console knows by name (the demo workspace). */
export interface DirectoryEntry {
  id: string;
  name: string;
}

export interface RenderContext {
  /** Terminal columns to wrap to. Default 80. */
  width?: number;
  /** ANSI styling. Default false (plain text). */
  color?: boolean;
  /** The viewer's zone and language: `<!date^…>` tokens are shown in them, as Slack does. */
  timeZone?: string;
  locale?: string;
  /** Display name for `<@U123>`; unknown ids render as `@U123`. */
  resolveUser?: (userId: string) => string | undefined;
  /** Name for `<#C123>` without a label; unknown ids render as `#C123`. */
  resolveChannel?: (channelId: string) => string | undefined;
  /** Handle for `<!subteam^S123>`; unknown ids render as `@S123`. */
  resolveUsergroup?: (groupId: string) => string | undefined;
  /**
   * Choices offered by users/conversations/channels selects. Slack fills these from the
   * workspace; the console lists its demo users and channels so they can be chosen by number.
   */
  directory?: { users?: DirectoryEntry[]; conversations?: DirectoryEntry[]; channels?: DirectoryEntry[] };
  /**
   * Number given to the first control. Default 1. A transcript showing several surfaces
   * passes the next free number so `press N` stays unambiguous.
   */
  firstControlIndex?: number;
}

export interface RenderedSurface {
  /** Printable text, lines separated by `\n`, no trailing newline. */
  text: string;
  controls: Control[];
}

export interface ConsoleMessage {
  text?: string;
  blocks?: readonly AnyBlock[];
  /** Author user id (resolved through `resolveUser`). */
  user?: string;
  /** Bot display name; wins over `user`. */
  botName?: string;
  ephemeral?: boolean;
  threadTs?: string;
  edited?: boolean;
}

export interface ViewRenderOptions {
  /** Errors from `response_action: 'errors'`, by block_id. */
  fieldErrors?: Readonly<Record<string, string>>;
  /** What the user has entered so far; fields without an entry show their initial value. */
  values?: FieldValues;
}
