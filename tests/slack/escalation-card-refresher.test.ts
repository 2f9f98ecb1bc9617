import { WebAPIRateLimitedError, type WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import type {
  CardSnapshot,
  EscalationCardsRepository,
} from '../../src/modules/escalations/escalation-cards.repository.js';
import { createEscalationCardRefresher } from '../../src/slack/escalations/escalation-card-refresher.js';
import { memoryLogger } from '../harness/memory-logger.js';

function snapshot(escalationId: string, number: number, loads: number): CardSnapshot {
  return {
    escalationId,
    workspaceId: 'w1',
    version: new Date(1_000 + loads),
    workspaceLocale: 'en',
    raiser: { personId: 'p1', slackUserId: 'U1', locale: 'en' },
    card: {
      number,
      title: `state ${loads}`,
      blocked: 'b',
      impact: 'i',
      decisionNeeded: 'd',
      options: [],
      severity: 'NORMAL',
      status: 'OPEN',
      level: 1,
      slaDueAt: null,
      wantedBy: null,
      proposal: null,
      proposedBySlackId: null,
      markedForMeeting: false,
      markedForMeetingReason: null,
      sourcePermalink: null,
      sourceQuote: null,
      raisedBySlackId: 'U1',
      assigneeSlackId: null,
      mustActSlackIds: [],
      departments: [],
      decision: null,
    },
    rows: [
      {
        id: `${escalationId}-a`,
        departmentId: 'a',
        departmentChannelId: 'CA',
        cardChannelId: 'CA',
        cardTs: '1.1',
        cardError: null,
      },
      {
        id: `${escalationId}-b`,
        departmentId: 'b',
        departmentChannelId: 'CB',
        cardChannelId: 'CB',
        cardTs: '1.2',
        cardError: null,
      },
    ],
  };
}

function fakes() {
  const loads = new Map<string, number>();
  const updates: { channel: string; text: string; at: number }[] = [];
  const repo: EscalationCardsRepository = {
    async load(id) {
      const n = (loads.get(id) ?? 0) + 1;
      loads.set(id, n);
      return snapshot(id, id === 'e1' ? 1 : 2, n);
    },
    claimPosting: async () => true,
    releasePosting: async () => {},
    recordPosted: async () => {},
    recordUpdated: async () => {},
    recordError: async () => true,
    staleEscalationIds: async () => [],
    markDepartmentCardsBehind: async () => [],
  };
  const client = {
    chat: {
      update: async (args: { channel: string; text: string }) => {
        updates.push({ channel: args.channel, text: args.text, at: performance.now() });
        return { ok: true };
      },
    },
  } as unknown as WebClient;
  return { repo, client, loads, updates };
}

describe('escalation card refresher', () => {
  it('coalesces many changes of one escalation into one update of each of its cards, showing the latest state', async () => {
    const { repo, client, loads, updates } = fakes();
    const refresher = createEscalationCardRefresher({
      repo,
      clients: { bulkFor: async () => client },
      logger: memoryLogger().logger,
      defaultLocale: 'en',
      rate: { perMinute: 60_000, burst: 10 },
      coalesceMs: 20,
    });
    for (let i = 0; i < 25; i++) refresher.requestRefresh('w1', 'e1');
    await refresher.settled();
    expect(loads.get('e1')).toBe(1);
    expect(updates.map((u) => u.channel)).toEqual(['CA', 'CB']);
  });

  it('paces Slack calls per workspace at the configured rate', async () => {
    const { repo, client, updates } = fakes();
    const refresher = createEscalationCardRefresher({
      repo,
      clients: { bulkFor: async () => client },
      logger: memoryLogger().logger,
      defaultLocale: 'en',
      // One call every 100 ms, no burst.
      rate: { perMinute: 600, burst: 1 },
      coalesceMs: 0,
    });
    refresher.requestRefresh('w1', 'e1');
    refresher.requestRefresh('w1', 'e2');
    await refresher.settled();
    expect(updates).toHaveLength(4);
    const gaps = updates.slice(1).map((u, i) => u.at - (updates[i] as { at: number }).at);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(90);
  });

  it('honours Retry-After: a 429 pauses the workspace, then the escalation is shown again', async () => {
    const { repo, client, updates } = fakes();
    let limited = false;
    const update = client.chat.update.bind(client.chat);
    (client.chat as { update: unknown }).update = async (args: { channel: string; text: string }) => {
      if (!limited) {
        limited = true;
        throw new WebAPIRateLimitedError(0.3);
      }
      return update(args as never);
    };
    const refresher = createEscalationCardRefresher({
      repo,
      clients: { bulkFor: async () => client },
      logger: memoryLogger().logger,
      defaultLocale: 'en',
      rate: { perMinute: 60_000, burst: 10 },
      coalesceMs: 0,
    });
    const started = performance.now();
    refresher.requestRefresh('w1', 'e1');
    await refresher.settled();
    expect(updates.map((u) => u.channel)).toEqual(['CA', 'CB']);
    expect((updates[0] as { at: number }).at - started).toBeGreaterThanOrEqual(290);
  });
});
