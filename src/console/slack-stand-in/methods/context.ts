import type { Directory } from '../directory.js';
import { invalidArguments, SlackApiError } from '../errors.js';
import type { FileStore } from '../file-store.js';
import type { InstallRegistry } from '../installs.js';
import type { MessageStore } from '../message-store.js';
import type { ViewStore } from '../view-store.js';
import type { Workspace } from '../workspace.js';

/** Everything a Web API method handler may read or change. */
export interface MethodContext {
  args: Record<string, unknown>;
  token: string;
  ws: Workspace;
  directory: Directory;
  messages: MessageStore;
  views: ViewStore;
  files: FileStore;
  /** OAuth installs (many workspaces): codes, tokens per install, rotation. */
  installs: InstallRegistry;
}

/** Returns the success body without `ok`; throws SlackApiError for `{ ok: false }` answers. */
export type MethodHandler = (ctx: MethodContext) => Record<string, unknown>;

export function requiredString(args: Record<string, unknown>, key: string): string {
  const value = optionalString(args, key);
  if (value === undefined || value === '') throw invalidArguments(`missing required field: ${key}`);
  return value;
}

export function optionalString(args: Record<string, unknown>, key: string): string | undefined {
  const value = args[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw invalidArguments(`${key} must be a string`);
}

/** Form-encoded booleans arrive as "true"/"1"; JSON ones as real booleans. */
export function flag(args: Record<string, unknown>, key: string): boolean | undefined {
  const value = args[key];
  if (value === undefined || value === null || value === '') return undefined;
  return value === true || value === 'true' || value === '1' || value === 1;
}

export function integer(args: Record<string, unknown>, key: string): number | undefined {
  const value = args[key];
  if (value === undefined || value === null || value === '') return undefined;
  const parsed = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(parsed)) throw invalidArguments(`${key} must be an integer`);
  return parsed;
}

/** A JSON argument that may still be a string (if the request layer could not decode it). */
export function jsonArg(args: Record<string, unknown>, key: string, error: string): unknown {
  const value = args[key];
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    throw new SlackApiError(error);
  }
}
