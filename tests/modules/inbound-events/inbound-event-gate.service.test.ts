import { describe, expect, it } from 'vitest';
import type { InboundDelivery } from '../../../src/modules/inbound-events/inbound-event.types.js';
import { createInboundEventGate } from '../../../src/modules/inbound-events/inbound-event-gate.service.js';
import type { InboundEventsRepository } from '../../../src/modules/inbound-events/inbound-events.repository.js';
import { fixedClock } from '../../fakes/fixed-clock.js';

function memoryRepo(): InboundEventsRepository {
  const rows = new Map<string, { status: 'PROCESSING' | 'DONE'; leaseUntil: Date; businessKey?: string }>();
  const find = (d: InboundDelivery) =>
    [...rows.entries()].find(
      ([id, row]) => id === d.eventId || (d.businessKey && row.businessKey === d.businessKey),
    );
  return {
    async claim(d, now, leaseUntil) {
      const found = find(d);
      if (found?.[1].status === 'DONE') return 'done';
      if (found) {
        if (found[1].leaseUntil > now) return 'busy';
        found[1].leaseUntil = leaseUntil;
        return 'claimed';
      }
      rows.set(d.eventId, { status: 'PROCESSING', leaseUntil, businessKey: d.businessKey });
      return 'claimed';
    },
    async markDone(d) {
      const found = find(d);
      if (found) found[1].status = 'DONE';
    },
    async release(d) {
      const found = find(d);
      if (found) rows.delete(found[0]);
    },
    // The purge is tested on the database (form-submission-gate.db.test.ts).
    async purgeBefore() {
      return 0;
    },
  };
}

const delivery: InboundDelivery = {
  teamId: 'T1',
  eventId: 'Ev1',
  eventType: 'user_change',
  businessKey: 'k1',
};

describe('inbound event gate', () => {
  it('handles a delivery once, however often it arrives', async () => {
    const gate = createInboundEventGate({ repo: memoryRepo(), clock: fixedClock('2026-11-25T00:00:00Z') });
    let effects = 0;
    const handle = async () => {
      effects += 1;
    };
    expect(await gate.runOnce(delivery, handle)).toBe('claimed');
    expect(await gate.runOnce(delivery, handle)).toBe('done');
    expect(await gate.runOnce({ ...delivery, eventId: 'Ev2' }, handle)).toBe('done');
    expect(effects).toBe(1);
  });

  it('lets the retry of a failed delivery do the work instead of dropping it', async () => {
    const gate = createInboundEventGate({ repo: memoryRepo(), clock: fixedClock('2026-11-25T00:00:00Z') });
    await expect(
      gate.runOnce(delivery, async () => {
        throw new Error('database hiccup');
      }),
    ).rejects.toThrow('database hiccup');
    let effects = 0;
    expect(
      await gate.runOnce(delivery, async () => {
        effects += 1;
      }),
    ).toBe('claimed');
    expect(effects).toBe(1);
  });
});
