import { randomBytes } from 'node:crypto';
import type { App } from '@slack/bolt';
import type { ExtendedErrorHandlerArgs } from '@slack/bolt/dist/App.js';
import { translator } from '../i18n/catalog.js';
import { isDomainError } from '../modules/shared/domain-error.types.js';
import type { SlackDeps } from './deps.js';
import { isNotInstalled } from './oauth/installation-store.js';
import { localeFromContext } from './request-actor.js';
import { errorMessage } from './views/error.view.js';

/** A short id the person can quote and support can find in the JSON log. */
export function newReferenceId(): string {
  return `ERR-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** Bolt wraps what a listener threw; we want the original. */
function unwrap(error: unknown): unknown[] {
  const coded = error as { originals?: unknown[]; original?: unknown };
  if (Array.isArray(coded.originals) && coded.originals.length > 0) return coded.originals;
  if (coded.original !== undefined) return [coded.original];
  return [error];
}

interface BodyLike {
  type?: string;
  response_url?: string;
  channel_id?: string;
  user_id?: string;
  team_id?: string;
  event?: { type?: string };
  channel?: { id?: string };
  user?: { id?: string };
}

/**
 * The one place errors reach people. Domain errors are shown as they are, in the person's
 * language, where the request came from. Anything else is logged with a reference id and
 * the person gets a short apology quoting it — never a stack trace, never silence.
 */
export function createErrorHandler(app: App, deps: SlackDeps) {
  async function tell(body: BodyLike, botToken: string | undefined, text: string): Promise<void> {
    const message = { ...errorMessage(text), response_type: 'ephemeral' as const, replace_original: false };
    if (body.response_url) {
      const response = await fetch(body.response_url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message),
      });
      if (!response.ok) throw new Error(`response_url answered ${response.status}`);
      return;
    }
    const channel = body.channel_id ?? body.channel?.id;
    const user = body.user_id ?? body.user?.id;
    if (channel && user) {
      await app.client.chat.postEphemeral({ token: botToken, channel, user, ...errorMessage(text) });
    }
  }

  return async ({ error, body, context }: ExtendedErrorHandlerArgs): Promise<void> => {
    const t = translator(localeFromContext(context) ?? deps.defaults.locale);
    const request = body as BodyLike;
    const where = {
      requestType: request.type,
      eventType: request.event?.type,
      teamId: request.team_id ?? context?.teamId,
      userId: request.user_id ?? request.user?.id,
    };
    if (isNotInstalled(error)) {
      // Uninstalled, or its tokens revoked: no token to answer with, and nothing to say.
      deps.logger.warn(
        { ...where, enterpriseId: context?.enterpriseId },
        'request from a workspace where Liaison is not installed; not answered',
      );
      return;
    }
    for (const original of unwrap(error)) {
      let text: string;
      if (isDomainError(original)) {
        deps.logger.info(
          { ...where, code: original.code, detail: original.message },
          'domain error shown to user',
        );
        text = t(original.userMessage.key, original.userMessage.params);
      } else {
        const referenceId = newReferenceId();
        const databaseDown = !(await deps.isDatabaseReachable());
        deps.logger.error({ ...where, referenceId, err: original, databaseDown }, 'request failed');
        text = t(databaseDown ? 'errors.databaseUnavailable' : 'errors.apology', { referenceId });
      }
      try {
        await tell(request, context?.botToken, text);
      } catch (deliveryError) {
        deps.logger.error({ ...where, err: deliveryError }, 'could not show an error to the user');
      }
    }
  };
}
