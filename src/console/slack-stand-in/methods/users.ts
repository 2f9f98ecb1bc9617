import { SlackApiError } from '../errors.js';
import { flag, integer, type MethodHandler, optionalString, requiredString } from './context.js';

/** Slack caps a users.list page; bigger limits are silently reduced. */
const MAX_PAGE = 1000;

export const userMethods: Record<string, MethodHandler> = {
  'users.info': ({ args, directory }) => {
    const user = directory.user(requiredString(args, 'user'));
    if (!user) throw new SlackApiError('user_not_found');
    return { user: directory.toWireUser(user, flag(args, 'include_locale') ?? false) };
  },

  'users.lookupByEmail': ({ args, directory }) => {
    const user = directory.userByEmail(requiredString(args, 'email'));
    if (!user) throw new SlackApiError('users_not_found');
    return { user: directory.toWireUser(user, false) };
  },

  'users.list': ({ args, directory, ws }) => {
    const all = directory.users();
    const limit = integer(args, 'limit') ?? 0;
    const pageSize = limit > 0 ? Math.min(limit, MAX_PAGE) : all.length;
    const cursor = optionalString(args, 'cursor');
    const start = cursor
      ? decodeCursor(
          cursor,
          all.map((user) => user.id),
        )
      : 0;
    const page = all.slice(start, start + pageSize);
    const next = all[start + pageSize];
    const includeLocale = flag(args, 'include_locale') ?? false;
    return {
      members: page.map((user) => directory.toWireUser(user, includeLocale)),
      cache_ts: Math.floor(ws.now() / 1000),
      // Slack signals the last page with an empty next_cursor, not by omitting it.
      response_metadata: { next_cursor: next ? encodeCursor(next.id) : '' },
    };
  },
};

/** Slack's cursors are opaque base64 of "user:<id>"; callers must not parse them. */
function encodeCursor(userId: string): string {
  return Buffer.from(`user:${userId}`).toString('base64');
}

function decodeCursor(cursor: string, ids: string[]): number {
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  const index = decoded.startsWith('user:') ? ids.indexOf(decoded.slice('user:'.length)) : -1;
  if (index < 0) throw new SlackApiError('invalid_cursor');
  return index;
}
