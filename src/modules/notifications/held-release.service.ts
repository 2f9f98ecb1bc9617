import type { DeliveryMessage } from '../delivery/delivery.types.js';
import type { Clock } from '../shared/clock.types.js';
import { nextAllowedAt } from './budget.rules.js';
import { DIGEST_KIND } from './notification-kinds.types.js';
import type { NotificationsRepository } from './notifications.repository.js';

/** Builds the "while you were away" DM in the person's language (Slack layer). */
export type ComposeDigest = (locale: string, items: { kind: string; text: string }[]) => DeliveryMessage;

const PEOPLE_PER_PASS = 200;

/**
 * Releases what the budget held once its time has come: one held item goes out as itself
 * (with its buttons); several go out as ONE digest listing them. Settings are read again
 * at release: a kind muted meanwhile is dropped, quiet hours or a snooze that started
 * meanwhile push the release later. Returns how many held rows were released.
 */
export function createHeldRelease(deps: {
  repo: NotificationsRepository;
  clock: Clock;
  composeDigest: ComposeDigest;
}): (now?: Date) => Promise<number> {
  return async (at) => {
    const now = at ?? deps.clock.now();
    let released = 0;
    for (const personId of await deps.repo.peopleWithHeldDue(now, PEOPLE_PER_PASS)) {
      released +=
        (await deps.repo.withPersonBudget(personId, now, async (scope) => {
          const held = await scope.heldDue(now);
          if (!scope.person.active) {
            // Deactivated meanwhile: what waited for them is dropped, not delivered.
            if (held.length > 0)
              await scope.cancel(
                held.map((d) => d.id),
                'inactive',
              );
            return 0;
          }
          const muted = held.filter(
            (d) => d.priority !== 'URGENT' && scope.person.mutedKinds.includes(d.kind),
          );
          if (muted.length > 0)
            await scope.cancel(
              muted.map((d) => d.id),
              'muted',
            );
          const ready = [];
          for (const delivery of held) {
            if (muted.includes(delivery)) continue;
            const allowed = nextAllowedAt(now, scope.person, delivery.kind);
            if (allowed > now) await scope.reschedule([delivery.id], allowed);
            else ready.push(delivery);
          }
          const [only] = ready;
          if (ready.length === 1 && only) {
            await scope.requeue(only.id, now);
          } else if (ready.length > 1) {
            // The key comes from the held rows themselves: a retried pass cannot make a second digest.
            const digestKey = `${DIGEST_KIND}:${personId}:${ready[0]?.id}`;
            await scope.insert({
              workspaceId: scope.person.workspaceId,
              key: digestKey,
              kind: DIGEST_KIND,
              priority: 'NORMAL',
              recipientPersonId: personId,
              channelId: null,
              message: deps.composeDigest(
                scope.person.locale,
                ready.map((d) => ({ kind: d.kind, text: d.message.text })),
              ),
              status: 'QUEUED',
              notBefore: now,
            });
            await scope.markBatched(
              ready.map((d) => d.id),
              digestKey,
              now,
            );
          }
          return ready.length;
        })) ?? 0;
    }
    return released;
  };
}
