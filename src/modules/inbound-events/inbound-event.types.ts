export interface InboundDelivery {
  teamId: string;
  eventId: string;
  eventType: string;
  /**
   * What the event is about, independent of its delivery (e.g. user + profile version).
   * Slack has been seen to deliver one occurrence under two event ids; this catches that.
   */
  businessKey?: string;
}

/** `claimed`: go ahead. `done`: already handled. `busy`: another worker holds a live lease. */
export type ClaimOutcome = 'claimed' | 'done' | 'busy';
