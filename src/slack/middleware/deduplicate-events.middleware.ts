import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { InboundDelivery } from '../../modules/inbound-events/inbound-event.types.js';
import type { SlackDeps } from '../deps.js';

interface EnvelopeLike {
  type?: unknown;
  event_id?: unknown;
  team_id?: unknown;
  event?: { type?: unknown; user?: unknown; event_ts?: unknown };
}

/**
 * What an event is about, apart from its delivery. Slack has delivered one occurrence
 * under two event ids; for events whose effect must happen once, this key catches that.
 */
function businessKey(event: NonNullable<EnvelopeLike['event']>): string | undefined {
  if (event.type === 'user_change' && typeof event.user === 'object' && event.user !== null) {
    const user = event.user as { id?: unknown; updated?: unknown };
    if (typeof user.id === 'string' && user.updated !== undefined)
      return `user_change:${user.id}:${String(user.updated)}`;
  }
  return undefined;
}

export function deliveryOf(body: unknown): InboundDelivery | undefined {
  const envelope = body as EnvelopeLike;
  if (envelope.type !== 'event_callback' || typeof envelope.event_id !== 'string') return undefined;
  if (typeof envelope.team_id !== 'string' || !envelope.event) return undefined;
  return {
    teamId: envelope.team_id,
    eventId: envelope.event_id,
    eventType: String(envelope.event.type),
    businessKey: businessKey(envelope.event),
  };
}

/**
 * Events API deliveries have their effect once: duplicates and retries of a handled event
 * stop here; a retry of one that failed goes through (the failed claim was released).
 */
export function deduplicateEvents(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const delivery = deliveryOf(body);
    if (!delivery) return next();
    const outcome = await deps.inboundEvents.runOnce(delivery, async () => {
      await next();
    });
    if (outcome !== 'claimed') deps.logger.info({ ...delivery, outcome }, 'skipped a duplicate Slack event');
  };
}
