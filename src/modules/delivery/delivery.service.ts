import type { Clock } from '../shared/clock.types.js';
import type { DeliveryRepository } from './delivery.repository.js';
import { type DeliveryDto, type EnqueueInput, queuedNotBefore } from './delivery.types.js';
import type { DeliveryWake } from './delivery-wake.js';

export interface DeliveryService {
  /**
   * Puts one message in the outbox. Idempotent on (workspaceId, key): enqueueing the same
   * key again returns the stored row and posts nothing more. No notification budget here —
   * features that notify people use `notify()`; this is for channel posts and system DMs.
   */
  enqueue(input: EnqueueInput): Promise<{ delivery: DeliveryDto; created: boolean }>;
  findByKey(workspaceId: string, key: string): Promise<DeliveryDto | null>;
}

export function createDeliveryService(deps: {
  repo: DeliveryRepository;
  clock: Clock;
  /** Rung once a new row is stored, so this process's worker loop sends it without polling. */
  wake: Pick<DeliveryWake, 'ring'>;
}): DeliveryService {
  return {
    async enqueue(input) {
      if (!input.message.text) throw new Error(`delivery ${input.key} has no fallback text`);
      const priority = input.priority ?? 'NORMAL';
      const stored = await deps.repo.enqueue({
        workspaceId: input.workspaceId,
        key: input.key,
        kind: input.kind,
        priority,
        recipientPersonId: input.channelId === undefined ? input.recipientPersonId : null,
        channelId: input.channelId ?? null,
        message: input.message,
        status: 'QUEUED',
        notBefore: queuedNotBefore(priority, input.notBefore ?? deps.clock.now()),
      });
      if (stored.created) deps.wake.ring();
      return stored;
    },
    findByKey: (workspaceId, key) => deps.repo.findByKey(workspaceId, key),
  };
}
