/**
 * Keeps people's Home tabs current. Services call `requestRefresh` after changing something
 * a person sees there (membership, role, items); the refresher coalesces and paces
 * views.publish (Tier 4) per workspace. Fire-and-forget: a failed refresh is logged, and the
 * next app_home_opened publishes anyway.
 */
export interface HomeRefresher {
  requestRefresh(workspaceId: string, personIds: readonly string[]): void;
  /** Resolves when every requested refresh has been published or given up (tests, shutdown). */
  settled(): Promise<void>;
}

/** Refreshes nothing (a test or tool that has no Slack to publish to); Liaison wires createPacedHomeRefresher. */
export const noHomeRefresher: HomeRefresher = {
  requestRefresh() {},
  settled: async () => {},
};
