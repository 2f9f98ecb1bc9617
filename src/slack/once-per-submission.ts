import type {
  AllMiddlewareArgs,
  Middleware,
  SlackViewAction,
  SlackViewMiddlewareArgs,
  ViewResponseAction,
} from '@slack/bolt';
import type { FormSubmission } from '../modules/form-submissions/form-submission.types.js';
import type { SlackDeps } from './deps.js';
import type { ActorContext } from './request-actor.js';

type ViewArgs<V extends SlackViewAction> = SlackViewMiddlewareArgs<V> & AllMiddlewareArgs<ActorContext>;

/** The submission's key: the view's id and hash (Slack gives an updated view a new hash). */
export function submissionOf(workspaceId: string, body: SlackViewAction): FormSubmission | undefined {
  if (body.type !== 'view_submission') return undefined;
  const view = body.view as { id?: unknown; hash?: unknown; callback_id?: unknown };
  if (typeof view.id !== 'string' || view.id === '') return undefined;
  return {
    workspaceId,
    key: `${view.id}:${typeof view.hash === 'string' ? view.hash : ''}`,
    callbackId: typeof view.callback_id === 'string' ? view.callback_id : '',
  };
}

/**
 * A form's submission takes effect once: the same view_submission again (Slack retrying, a
 * double click, the same form sent after a lost answer) closes the modal and changes nothing.
 *
 * The submission is claimed before the listener runs. The listener acknowledges after its
 * effect, so an acknowledgement without errors marks the submission done; field errors or a
 * failure before the acknowledgement give the claim back, so the corrected form (same view,
 * same hash) goes through. A repeat arriving while the first attempt is at work waits for it.
 */
export function oncePerSubmission<V extends SlackViewAction>(
  deps: Pick<SlackDeps, 'formSubmissions' | 'logger'>,
  handler: Middleware<SlackViewMiddlewareArgs<V>, ActorContext>,
): Middleware<SlackViewMiddlewareArgs<V>, ActorContext> {
  return async (args: ViewArgs<V>) => {
    const actor = await args.context.actor();
    const submission = submissionOf(actor.workspace.id, args.body);
    if (!submission) return handler(args);
    const claim = await deps.formSubmissions.claim(submission);
    if (claim !== 'claimed') {
      deps.logger.info({ ...submission, claim }, 'a repeated form submission changed nothing');
      await args.ack();
      return;
    }
    let settled = false;
    const settle = async (tookEffect: boolean) => {
      if (settled) return;
      settled = true;
      if (tookEffect) await deps.formSubmissions.complete(submission);
      else await deps.formSubmissions.release(submission);
    };
    const ack = (async (response?: ViewResponseAction) => {
      await settle(response?.response_action !== 'errors');
      await args.ack(response);
    }) as typeof args.ack;
    try {
      await handler({ ...args, ack });
    } catch (error) {
      await settle(false).catch((releaseError: unknown) =>
        deps.logger.warn({ err: releaseError, ...submission }, 'could not give back a form submission'),
      );
      throw error;
    }
    // A listener that never acknowledged: nobody was told it worked; the form may be sent again.
    await settle(false);
  };
}
