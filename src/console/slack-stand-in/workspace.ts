import type { TypedEmitter } from './events.js';
import type { StandInEventMap } from './types.js';

/** Identity, clock and id sources shared by every part of one stand-in instance. */
export interface Workspace {
  teamId: string;
  teamName: string;
  teamDomain: string;
  botUserId: string;
  botId: string;
  botName: string;
  appId: string;
  socketModeUrl?: string;
  now: () => number;
  nextTs: () => string;
  nextId: (prefix: string) => string;
  events: TypedEmitter<StandInEventMap>;
}
