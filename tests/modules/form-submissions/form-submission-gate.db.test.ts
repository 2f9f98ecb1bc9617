import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formSubmissionsPurgeJob } from '../../../src/features/form-submissions/form-submissions-purge.job.js';
import type { FormSubmission } from '../../../src/modules/form-submissions/form-submission.types.js';
import { createFormSubmissionGate } from '../../../src/modules/form-submissions/form-submission-gate.service.js';
import { createFormSubmissionsPrismaRepository } from '../../../src/modules/form-submissions/form-submissions.prisma-repository.js';
import type { InboundDelivery } from '../../../src/modules/inbound-events/inbound-event.types.js';
import { createInboundEventGate } from '../../../src/modules/inbound-events/inbound-event-gate.service.js';
import { createInboundEventsPrismaRepository } from '../../../src/modules/inbound-events/inbound-events.prisma-repository.js';
import type { JobContext } from '../../../src/modules/scheduling/job-handler.types.js';
import { fixedClock } from '../../fakes/fixed-clock.js';
import { openTestDatabase, type TestDatabase } from '../../harness/test-database.js';

let db: TestDatabase;
const workspaces: string[] = [];
const clock = fixedClock('2026-12-01T00:00:00Z');

beforeAll(async () => {
  db = await openTestDatabase();
  for (const teamId of ['T0FORMS1', 'T0FORMS2'])
    workspaces.push(
      (
        await db.prisma.workspace.create({
          data: { slackTeamId: teamId, name: teamId, defaultLocale: 'en', defaultTimeZone: 'UTC' },
        })
      ).id,
    );
});
afterAll(async () => {
  await db?.close();
});

const gate = (options: { waitMs?: number } = {}) =>
  createFormSubmissionGate({
    repo: createFormSubmissionsPrismaRepository(db.prisma),
    clock,
    leaseMs: 60_000,
    waitMs: options.waitMs ?? 0,
    pollMs: 10,
  });

const events = (options: { purgeBatch?: number; purgeMaxBatches?: number } = {}) =>
  createInboundEventGate({ repo: createInboundEventsPrismaRepository(db.prisma), clock, ...options });

let n = 0;
const submission = (workspace = 0): FormSubmission => ({
  workspaceId: workspaces[workspace] as string,
  key: `V0FORM${++n}:1765000000.abcd`,
  callbackId: 'escalations.raise',
});

describe('form submission gate', () => {
  it('claims a submission once; once done, every repeat is done', async () => {
    const s = submission();
    expect(await gate().claim(s)).toBe('claimed');
    expect(await gate().claim(s)).toBe('busy');
    await gate().complete(s);
    expect(await gate().claim(s)).toBe('done');
    expect(await gate().claim(s)).toBe('done');
  });

  it('gives a released claim (field errors) to the next attempt', async () => {
    const s = submission();
    expect(await gate().claim(s)).toBe('claimed');
    await gate().release(s);
    expect(await gate().claim(s)).toBe('claimed');
  });

  it('keeps the same key of two workspaces apart', async () => {
    const s = submission(0);
    expect(await gate().claim(s)).toBe('claimed');
    expect(await gate().claim({ ...s, workspaceId: workspaces[1] as string })).toBe('claimed');
  });

  it('lets a repeat wait for the attempt at work, and answers with its outcome', async () => {
    const s = submission();
    expect(await gate().claim(s)).toBe('claimed');
    const waiting = gate({ waitMs: 2_000 }).claim(s);
    setTimeout(() => void gate().complete(s), 50);
    expect(await waiting).toBe('done');

    const other = submission();
    expect(await gate().claim(other)).toBe('claimed');
    const next = gate({ waitMs: 2_000 }).claim(other);
    setTimeout(() => void gate().release(other), 50);
    expect(await next).toBe('claimed');
  });

  it('takes over a claim whose process died (lease over), never a live one', async () => {
    const s = submission();
    expect(await gate().claim(s)).toBe('claimed');
    clock.advance(59_000);
    expect(await gate().claim(s)).toBe('busy');
    clock.advance(2_000);
    expect(await gate().claim(s)).toBe('claimed');
    expect(await gate().claim(s)).toBe('busy');
  });

  it('forgets the workspace’s submissions after a week, in the daily job', async () => {
    const old = submission(0);
    const oldElsewhere = submission(1);
    await gate().claim(old);
    await gate().complete(old);
    await gate().claim(oldElsewhere);
    clock.advance(6 * 86_400_000);
    const recent = submission(0);
    await gate().claim(recent);
    clock.advance(1 * 86_400_000 + 60_000);

    const job = formSubmissionsPurgeJob({ formSubmissions: gate(), inboundEvents: events() });
    const outcome = await job.run({ workspaceId: workspaces[0] } as JobContext);
    expect(outcome).toEqual({ result: { purged: expect.any(Number), eventsPurged: expect.any(Number) } });
    const left = await db.prisma.formSubmission.findMany({ select: { key: true } });
    const keys = left.map((row) => row.key);
    expect(keys).toContain(recent.key);
    expect(keys).not.toContain(old.key);
    // Another workspace is purged by its own run.
    expect(keys).toContain(oldElsewhere.key);
    await job.run({ workspaceId: workspaces[1] } as JobContext);
    expect(
      (await db.prisma.formSubmission.findMany({ select: { key: true } })).map((r) => r.key),
    ).not.toContain(oldElsewhere.key);
  });

  it('forgets Slack event ids first seen more than a week ago in the same daily job, any team’s, oldest first, in bounded batches', async () => {
    await db.prisma.processedEvent.deleteMany();
    const daysAgo = (days: number) => new Date(clock.now().getTime() - days * 86_400_000);
    const seen = [
      { eventId: 'EvOLDEST', teamId: 'T0FORMS1', createdAt: daysAgo(30) },
      { eventId: 'EvOLDER', teamId: 'T0UNINSTALLED', createdAt: daysAgo(9) },
      { eventId: 'EvOLD', teamId: 'T0FORMS2', createdAt: daysAgo(7.01) },
      { eventId: 'EvRECENT', teamId: 'T0FORMS1', createdAt: daysAgo(6.9) },
    ];
    await db.prisma.processedEvent.createMany({
      data: seen.map((row) => ({
        ...row,
        eventType: 'user_change',
        status: 'DONE' as const,
        leaseUntil: row.createdAt,
        completedAt: row.createdAt,
      })),
    });
    const left = async () =>
      (
        await db.prisma.processedEvent.findMany({ select: { eventId: true }, orderBy: { createdAt: 'asc' } })
      ).map((row) => row.eventId);

    // One statement of two rows per run: the two oldest go, the third waits for the next run.
    const bounded = formSubmissionsPurgeJob({
      formSubmissions: gate(),
      inboundEvents: events({ purgeBatch: 2, purgeMaxBatches: 1 }),
    });
    expect(await bounded.run({ workspaceId: workspaces[0] } as JobContext)).toEqual({
      result: { purged: expect.any(Number), eventsPurged: 2 },
    });
    expect(await left()).toEqual(['EvOLD', 'EvRECENT']);
    expect(await bounded.run({ workspaceId: workspaces[0] } as JobContext)).toEqual({
      result: { purged: expect.any(Number), eventsPurged: 1 },
    });
    expect(await left()).toEqual(['EvRECENT']);

    // A recent event is still remembered: its retry changes nothing.
    const retry: InboundDelivery = { teamId: 'T0FORMS1', eventId: 'EvRECENT', eventType: 'user_change' };
    expect(await events().runOnce(retry, async () => {})).toBe('done');

    // Several statements in one run when the backlog is larger than one.
    await db.prisma.processedEvent.createMany({
      data: ['EvA', 'EvB', 'EvC', 'EvD', 'EvE'].map((eventId) => ({
        eventId,
        teamId: 'T0FORMS2',
        eventType: 'app_home_opened',
        leaseUntil: daysAgo(8),
        createdAt: daysAgo(8),
      })),
    });
    expect(await events({ purgeBatch: 2, purgeMaxBatches: 5 }).purge()).toBe(5);
    expect(await left()).toEqual(['EvRECENT']);
  });
});
