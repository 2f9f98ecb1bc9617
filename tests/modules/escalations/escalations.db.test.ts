import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ESCALATION_SLA_KIND,
  ensureEscalationSlaSchedule,
  escalationSlaJob,
} from '../../../src/features/escalations/escalation-sla.job.js';
import type { AccessSubject } from '../../../src/modules/access/access.types.js';
import { createDemoPrismaRepository } from '../../../src/modules/demo/demo.prisma-repository.js';
import { ensureDemoWorkspace } from '../../../src/modules/demo/demo.service.js';
import type { RaiseInput } from '../../../src/modules/escalations/escalations.types.js';
import { isDomainError } from '../../../src/modules/shared/domain-error.types.js';
import type { SlackDeps } from '../../../src/slack/deps.js';
import { buildSlackDeps } from '../../../src/wiring/build-slack-deps.js';
import { buildEscalationsService } from '../../../src/wiring/escalations.wiring.js';
import { fixedClock } from '../../fakes/fixed-clock.js';
import { memoryLogger } from '../../harness/memory-logger.js';
import { openTestDatabase, type TestDatabase } from '../../harness/test-database.js';

// Wednesday 25 Nov 2026, 10:00 in Shanghai (where the Live Ops and Supply Chain leads work).
const clock = fixedClock('2026-11-25T02:00:00Z');
const defaults = { locale: 'en' as const, timeZone: 'UTC' };
let db: TestDatabase;
let deps: SlackDeps;
let workspaceId: string;
const departments: Record<string, string> = {};

beforeAll(async () => {
  db = await openTestDatabase();
  await ensureDemoWorkspace({ repo: createDemoPrismaRepository(db.prisma), defaults });
  deps = buildSlackDeps({ db, clock, logger: memoryLogger().logger, llm: { mode: 'fallback' }, defaults });
  const workspace = await db.prisma.workspace.findFirstOrThrow({ where: { isDemo: true } });
  workspaceId = workspace.id;
  for (const d of await db.prisma.department.findMany({ where: { workspaceId } })) departments[d.key] = d.id;
  // Sam (Customer Service) also works in Live Ops, so may raise on its behalf.
  const sam = await db.prisma.person.findFirstOrThrow({ where: { workspaceId, slackUserId: 'U0DEMOSAM' } });
  await db.prisma.membership.create({
    data: { personId: sam.id, departmentId: departments['live-ops'] as string, role: 'MEMBER' },
  });
});
afterAll(async () => {
  await db?.close();
});

async function actor(slackUserId: string): Promise<AccessSubject> {
  const person = await db.prisma.person.findFirstOrThrow({ where: { workspaceId, slackUserId } });
  return deps.authorization.subjectOf(person.id);
}
const personId = async (slackUserId: string) => (await actor(slackUserId)).personId;

function raiseInput(overrides: Partial<RaiseInput> = {}): RaiseInput {
  return {
    title: 'Stock for Friday live <!channel>',
    blocked: 'The host script needs confirmed stock levels.',
    impact: 'Friday live show cannot be planned.',
    decisionNeeded: 'Which SKUs go live?',
    options: [
      { label: 'Only SKUs in stock', recommended: true },
      { label: 'Pre-sale', recommended: false },
    ],
    severity: 'NORMAL',
    raiserDepartmentId: departments['live-ops'] as string,
    counterpartDepartmentIds: [departments['supply-chain'] as string],
    ...overrides,
  };
}

async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const textOf = (row: { payload: unknown }) => (row.payload as { text: string }).text;

/** The escalation DMs queued for a person about ESC-<number>, oldest first. */
async function deliveriesFor(number: number, slackUserId: string) {
  const rows = await db.prisma.delivery.findMany({
    where: {
      workspaceId,
      key: { startsWith: 'escalation:' },
      recipientPersonId: await personId(slackUserId),
    },
    orderBy: { createdAt: 'asc' },
  });
  return rows.filter((row) => new RegExp(`ESC-${number}(?!\\d)`).test(textOf(row)));
}

describe('raising, acting on and resolving an escalation', () => {
  it('gives two escalations raised at once distinct numbers and tells the level-1 leads in their language', async () => {
    const sam = await actor('U0DEMOSAM');
    const [a, b] = await Promise.all([
      deps.escalations.raise(sam, raiseInput()),
      deps.escalations.raise(sam, raiseInput({ title: 'Second one' })),
    ]);
    expect([a?.number, b?.number].sort()).toEqual([1, 2]);
    const first = a?.title.startsWith('Stock') ? a : b;
    expect(first).toMatchObject({ level: 1, status: 'OPEN', severity: 'NORMAL' });
    // 2 working days of the Shanghai leads from Wednesday 10:00: Friday 10:00 Shanghai.
    expect(first?.slaDueAt).toEqual(new Date('2026-11-27T02:00:00Z'));
    const [toLin] = await deliveriesFor(first?.number as number, 'U0DEMOLIN');
    expect(textOf(toLin as { payload: unknown })).toContain('需要你在第 1 级处理');
    // The title is escaped: <!channel> notifies nobody.
    expect(textOf(toLin as { payload: unknown })).toContain('&lt;!channel&gt;');
    expect(toLin?.priority).toBe('NORMAL');
    const audit = await db.prisma.auditEvent.count({ where: { action: 'escalation.raised', workspaceId } });
    expect(audit).toBe(2);
  });

  it('refuses invalid input with the field named', async () => {
    const sam = await actor('U0DEMOSAM');
    // Alex (Tech) cannot raise on behalf of Live Ops.
    const notTheirs = await refusal(deps.escalations.raise(await actor('U0DEMOALEX'), raiseInput()));
    expect(notTheirs).toMatchObject({
      code: 'escalation.invalid',
      field: 'raiserDepartment',
      userMessage: { key: 'escalationRaise.errors.notYourDepartment' },
    });
    const tooLong = await refusal(deps.escalations.raise(sam, raiseInput({ title: 'x'.repeat(151) })));
    expect(tooLong).toMatchObject({
      field: 'title',
      userMessage: { key: 'escalations.errors.titleTooLong' },
    });
    const one = await refusal(
      deps.escalations.raise(
        sam,
        raiseInput({ counterpartDepartmentIds: [departments['live-ops'] as string] }),
      ),
    );
    expect(one.userMessage.key).toBe('escalations.errors.twoDepartments');
    const past = await refusal(deps.escalations.raise(sam, raiseInput({ wantedBy: '2026-11-20' })));
    expect(past).toMatchObject({
      field: 'wantedBy',
      userMessage: { key: 'dates.errors.beforeToday', params: { today: '2026-11-25' } },
    });
  });

  it('refuses an acknowledgement from someone not at the level, audited, and takes the lead’s', async () => {
    const esc = await deps.escalations.get(await actor('U0DEMOSAM'), 1);
    const error = await refusal(deps.escalations.acknowledge(await actor('U0DEMOALEX'), 1));
    expect(error.userMessage).toEqual({ key: 'escalations.refused.acknowledge', params: { esc: 'ESC-1' } });
    const refusals = await db.prisma.auditEvent.findMany({
      where: { action: 'authorization.refused', objectType: 'escalation', objectId: esc.id },
    });
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({
      actorSlackId: 'U0DEMOALEX',
      after: { attempted: 'escalations.acknowledge' },
    });
    expect((await deps.escalations.get(await actor('U0DEMOSAM'), 1)).status).toBe('OPEN');

    const acknowledged = await deps.escalations.acknowledge(await actor('U0DEMOLIN'), 1);
    expect(acknowledged.status).toBe('ACKNOWLEDGED');
    expect(
      await db.prisma.escalationEvent.count({ where: { escalationId: esc.id, type: 'acknowledge' } }),
    ).toBe(1);
  });

  it('accepts a proposal only from the other department, records the decision, reopens and resolves again', async () => {
    const lin = await actor('U0DEMOLIN');
    const zhang = await actor('U0DEMOZHANG');
    await deps.escalations.propose(lin, 1, 'Go live with the 40 SKUs in stock; pre-sale next week.');
    const own = await refusal(deps.escalations.accept(lin, 1));
    expect(own.userMessage.key).toBe('escalations.refused.accept');
    const accepted = await deps.escalations.accept(zhang, 1);
    expect(accepted).toMatchObject({ status: 'RESOLVED', slaDueAt: null });
    const decision = await db.prisma.decision.findFirstOrThrow({ where: { escalationId: accepted.id } });
    expect(decision).toMatchObject({
      text: 'Go live with the 40 SKUs in stock; pre-sale next week.',
      decidedByPersonId: zhang.personId,
      optionsConsidered: ['Only SKUs in stock', 'Pre-sale'],
    });
    const found = await deps.escalations.searchDecisions(lin, 'pre-SALE');
    expect(found.map((d) => d.escalationNumber)).toEqual([1]);
    expect(await deps.escalations.searchDecisions(lin, "100%' OR 1=1 --")).toEqual([]);

    const alreadyResolved = await refusal(
      deps.escalations.resolve(zhang, 1, { decision: 'x', optionsConsidered: [] }),
    );
    expect(alreadyResolved.userMessage.key).toBe('escalations.errors.invalidTransition.RESOLVED');
    const reopened = await deps.escalations.reopen(await actor('U0DEMOSAM'), 1, 'Supplier cancelled 10 SKUs');
    expect(reopened).toMatchObject({ status: 'OPEN', resolvedAt: null, proposal: null });
    expect(reopened.slaDueAt).not.toBeNull();
    const event = await db.prisma.escalationEvent.findFirstOrThrow({
      where: { escalationId: reopened.id, type: 'reopen' },
    });
    expect(event.note).toBe('Supplier cancelled 10 SKUs');

    const resolved = await deps.escalations.resolve(zhang, 1, {
      decision: 'Replace the cancelled SKUs with the autumn range',
      optionsConsidered: ['Autumn range', 'Drop the show'],
      actionItems: [
        { title: 'Send the autumn range list', ownerPersonId: zhang.personId, dueOn: '2026-11-30' },
      ],
    });
    expect(resolved.status).toBe('RESOLVED');
    const second = await db.prisma.decision.findFirstOrThrow({
      where: { escalationId: resolved.id, text: { startsWith: 'Replace' } },
      include: { actionItems: true },
    });
    // Zhang leads Supply Chain and Logistics: the item counts for the one involved here.
    expect(second.actionItems).toMatchObject([
      {
        title: 'Send the autumn range list',
        ownerPersonId: zhang.personId,
        ownerDepartmentId: departments['supply-chain'],
        sourceType: 'escalation',
      },
    ]);
    expect(
      await db.prisma.auditEvent.count({ where: { objectId: resolved.id, action: 'escalation.resolve' } }),
    ).toBe(1);
  });
});

describe('the SLA job', () => {
  it('moves a breached escalation up once when two replicas race, skips an empty level, marks it for the meeting', async () => {
    clock.set('2026-11-25T02:00:00Z');
    const esc = await deps.escalations.raise(
      await actor('U0DEMOSAM'),
      raiseInput({ severity: 'HIGH', title: 'Courier strike' }),
    );
    // 4 working hours of the Shanghai leads: 14:00 Shanghai.
    expect(esc.slaDueAt).toEqual(new Date('2026-11-25T06:00:00Z'));
    const replica = buildEscalationsService({
      db,
      clock,
      logger: memoryLogger().logger,
      calendar: deps.calendar,
      notify: deps.notifications.notify,
      defaults,
    });
    clock.set('2026-11-25T05:59:00Z');
    expect((await deps.escalations.sweep({ workspaceId })).breached).toBe(0);
    clock.set('2026-11-25T06:00:30Z');
    const results = await Promise.all([
      deps.escalations.sweep({ workspaceId }),
      replica.sweep({ workspaceId }),
      escalationSlaJob({ escalations: deps.escalations }).run({ workspaceId } as never),
    ]);
    expect(
      results[0].breached +
        results[1].breached +
        ((results[2]?.result as { breached?: number } | undefined)?.breached ?? 0),
    ).toBe(1);
    const breaches = await db.prisma.escalationEvent.findMany({
      where: { escalationId: esc.id, type: 'sla_breached' },
    });
    expect(breaches).toHaveLength(1);
    expect(breaches[0]).toMatchObject({ level: 1, slaDueAt: new Date('2026-11-25T06:00:00Z') });
    expect(JSON.parse(breaches[0]?.note ?? '{}')).toEqual({ toLevel: 3, late: false });
    const after = await deps.escalations.get(await actor('U0DEMOSAM'), esc.number);
    // Nobody heads Live Ops or Supply Chain: level 2 is skipped for the Live Ops executive.
    expect(after).toMatchObject({ level: 3, status: 'OPEN', markedForMeetingReason: 'missed level-1 SLA' });
    expect(after.markedForMeetingAt).toEqual(new Date('2026-11-25T06:00:30Z'));
    const [toChen] = await deliveriesFor(esc.number, 'U0DEMOCHEN');
    expect(
      textOf(toChen as { payload: unknown }).startsWith(
        `ESC-${esc.number} 已升至第 3 级：SLA 已于你当地时间 2026年11月25日（周三）14:00 到期`,
      ),
    ).toBe(true);
    const toSam = (await deliveriesFor(esc.number, 'U0DEMOSAM')).map(textOf);
    // Melbourne is UTC+11 in November.
    expect(toSam).toContain(
      `ESC-${esc.number} moved to level 3: the SLA passed at Wed 25 Nov 2026, 17:00 your time. Courier strike`,
    );
  });

  it('climbs one level per run after downtime, marked late', async () => {
    clock.set('2026-11-25T02:00:00Z');
    const esc = await deps.escalations.raise(
      await actor('U0DEMOSAM'),
      raiseInput({ severity: 'URGENT', title: 'Down' }),
    );
    clock.set('2026-11-25T09:00:00Z'); // seven hours of downtime
    await deps.escalations.sweep({ workspaceId });
    const after = await deps.escalations.get(await actor('U0DEMOSAM'), esc.number);
    expect(after.level).toBe(3);
    const [breach] = await db.prisma.escalationEvent.findMany({
      where: { escalationId: esc.id, type: 'sla_breached' },
    });
    expect(JSON.parse(breach?.note ?? '{}')).toEqual({ toLevel: 3, late: true });
    // The next deadline counts from now, not from the missed one.
    expect(after.slaDueAt).toEqual(new Date('2026-11-25T10:00:00Z'));
    await deps.escalations.resolve(await actor('U0DEMOCHEN'), esc.number, {
      decision: 'Restarted',
      optionsConsidered: [],
    });
  });

  it('re-pings an urgent escalation every 15 minutes until acknowledged, URGENT, in each lead’s language', async () => {
    clock.set('2026-11-25T12:00:00Z'); // 20:00 in Shanghai: outside working hours, still urgent
    const esc = await deps.escalations.raise(
      await actor('U0DEMOSAM'),
      raiseInput({ severity: 'URGENT', title: 'Payment page down' }),
    );
    expect(esc.slaDueAt).toEqual(new Date('2026-11-25T13:00:00Z'));
    clock.set('2026-11-25T12:14:00Z');
    expect((await deps.escalations.sweep({ workspaceId })).pinged).toBe(0);
    clock.set('2026-11-25T12:15:10Z');
    expect((await deps.escalations.sweep({ workspaceId })).pinged).toBe(1);
    expect((await deps.escalations.sweep({ workspaceId })).pinged).toBe(0);
    clock.set('2026-11-25T12:30:05Z');
    expect((await deps.escalations.sweep({ workspaceId })).pinged).toBe(1);
    const toZhang = await db.prisma.delivery.findMany({
      where: {
        workspaceId,
        key: { startsWith: `escalation:${esc.id}:ping:` },
        recipientPersonId: await personId('U0DEMOZHANG'),
      },
    });
    expect(toZhang).toHaveLength(2);
    expect(toZhang.every((d) => d.priority === 'URGENT' && d.status === 'QUEUED')).toBe(true);
    expect(textOf(toZhang[0] as { payload: unknown })).toContain('仍未确认');
    await deps.escalations.acknowledge(await actor('U0DEMOZHANG'), esc.number);
    clock.set('2026-11-25T12:45:05Z');
    expect((await deps.escalations.sweep({ workspaceId })).pinged).toBe(0);
    // At one hour the next level is paged, URGENT too.
    clock.set('2026-11-25T13:00:20Z');
    expect((await deps.escalations.sweep({ workspaceId })).breached).toBe(1);
    const [toChen] = await deliveriesFor(esc.number, 'U0DEMOCHEN');
    expect(toChen?.priority).toBe('URGENT');
  });

  it('queues the notices of a change whose process died before queuing them, once', async () => {
    clock.set('2026-11-25T02:00:00Z');
    // A process that commits and then cannot queue anything (it dies, or the outbox is down).
    const dying = buildEscalationsService({
      db,
      clock,
      logger: memoryLogger().logger,
      calendar: deps.calendar,
      notify: async () => {
        throw new Error('process died');
      },
      defaults,
    });
    const sam = await actor('U0DEMOSAM');
    const esc = await dying.raise(sam, raiseInput({ title: 'Lost notice' }));
    await dying.acknowledge(await actor('U0DEMOZHANG'), esc.number);
    expect(await deliveriesFor(esc.number, 'U0DEMOLIN')).toHaveLength(0);
    expect(await deliveriesFor(esc.number, 'U0DEMOSAM')).toHaveLength(0);

    // Within the grace period another process does not step on the first one's sending.
    clock.set('2026-11-25T02:01:00Z');
    expect((await deps.escalations.sweep({ workspaceId })).resent).toBe(0);
    clock.set('2026-11-25T02:03:00Z');
    expect((await deps.escalations.sweep({ workspaceId })).resent).toBe(2);
    const [toLin] = await deliveriesFor(esc.number, 'U0DEMOLIN');
    expect(textOf(toLin as { payload: unknown })).toContain('需要你在第 1 级处理');
    expect(await deliveriesFor(esc.number, 'U0DEMOSAM')).toHaveLength(1);
    expect((await deps.escalations.sweep({ workspaceId })).resent).toBe(0);
    const pending = await db.prisma.escalationEvent.count({
      where: { escalationId: esc.id, noticePending: true },
    });
    expect(pending).toBe(0);
  });

  it('has one every-minute schedule per workspace', async () => {
    await ensureEscalationSlaSchedule(deps.schedules, workspaceId);
    await ensureEscalationSlaSchedule(deps.schedules, workspaceId);
    const schedules = (await deps.schedules.list(workspaceId)).filter((s) => s.kind === ESCALATION_SLA_KIND);
    expect(schedules).toHaveLength(1);
    expect(schedules[0]?.recurrence).toEqual({ type: 'cron', expression: '* * * * *' });
  });
});
