import { authTeamMethods } from './auth-team.js';
import { chatMethods } from './chat.js';
import type { MethodHandler } from './context.js';
import { conversationMethods } from './conversations.js';
import { fileMethods } from './files.js';
import { oauthMethods } from './oauth.js';
import { userMethods } from './users.js';
import { viewMethods } from './views.js';

/** Every Web API method the stand-in answers; anything else gets `unknown_method`. */
export const METHODS: ReadonlyMap<string, MethodHandler> = new Map(
  Object.entries({
    ...authTeamMethods,
    ...chatMethods,
    ...conversationMethods,
    ...fileMethods,
    ...oauthMethods,
    ...userMethods,
    ...viewMethods,
  }),
);
