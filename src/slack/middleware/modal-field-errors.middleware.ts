import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { translator } from '../../i18n/catalog.js';
import { isDomainError } from '../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../deps.js';
import { localeFromContext } from '../request-actor.js';

/**
 * A domain error naming a modal field, thrown while handling a view submission, becomes a
 * field error in the open modal (the only place Slack can show it): the modal stays open
 * with the message under the field. Other errors go on to the global error handler.
 */
export function modalFieldErrors(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    try {
      await args.next();
    } catch (error) {
      const isSubmission = (args.body as { type?: string }).type === 'view_submission';
      if (!isSubmission || !isDomainError(error) || !error.field || !('ack' in args)) throw error;
      const t = translator(localeFromContext(args.context) ?? deps.defaults.locale);
      const ack = args.ack as (response: unknown) => Promise<void>;
      await ack({
        response_action: 'errors',
        errors: { [error.field]: t(error.userMessage.key, error.userMessage.params) },
      });
      deps.logger.info({ code: error.code, field: error.field }, 'domain error shown as a modal field error');
    }
  };
}
