import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/slack/ids.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';

const file = liaisonForThisFile({ seedDemo: true });

type Row = Record<string, unknown>;

/** Runs the command as Slack sends it and reads the JSON file Liaison put in the DM. */
async function exportAs(userId: string, text: string) {
  const { slack, driver } = file.liaison;
  slack.reset();
  await driver.slashCommand({ command: COMMANDS.liaison, text, userId, channelId: 'C0GENERAL' });
  await slack.waitForCall('files.completeUploadExternal', undefined, 10_000);
  const content = slack.uploadedFiles(slack.dmChannelId(userId) ?? '').at(0)?.content ?? '';
  return { content, tables: JSON.parse(content).tables as Record<string, Row[]> };
}

/**
 * Priya (Marketing, head) raised one escalation, is the assignee of another and took steps
 * in them; she made a decision, owns an action item and created one for Sam. Lin and Chen
 * (Live Ops) have escalations, steps, decisions and items of their own, and a second
 * workspace has someone with Priya's very Slack id (Enterprise Grid reuses user ids).
 */
async function seed() {
  const prisma = file.db.prisma;
  const workspace = await prisma.workspace.findFirstOrThrow({ where: { isDemo: true } });
  const workspaceId = workspace.id;
  const personOf = async (slackUserId: string) =>
    (await prisma.person.findFirstOrThrow({ where: { workspaceId, slackUserId } })).id;
  const departmentOf = async (key: string) =>
    (await prisma.department.findFirstOrThrow({ where: { workspaceId, key } })).id;
  const priya = await personOf('U0DEMOPRIYA');
  const lin = await personOf('U0DEMOLIN');
  const chen = await personOf('U0DEMOCHEN');
  const sam = await personOf('U0DEMOSAM');
  const marketing = await departmentOf('marketing');
  const liveOps = await departmentOf('live-ops');
  const escalation = (number: number, title: string, raisedBy: string, raiserDepartment: string) => ({
    workspaceId,
    number,
    title,
    blocked: `${title}: blocked`,
    impact: `${title}: impact`,
    decisionNeeded: `${title}: decision needed`,
    options: [{ label: 'Ship Friday', recommended: true }],
    severity: 'HIGH' as const,
    raisedByPersonId: raisedBy,
    departments: {
      create: [
        { departmentId: raiserDepartment, role: 'RAISER' },
        { departmentId: raiserDepartment === marketing ? liveOps : marketing, role: 'COUNTERPART' },
      ],
    },
  });

  const raised = await prisma.escalation.create({
    data: { ...escalation(901, 'Launch budget frozen', priya, marketing), assigneePersonId: lin },
  });
  const assigned = await prisma.escalation.create({
    data: {
      ...escalation(902, 'Stream slot clash', chen, liveOps),
      assigneePersonId: priya,
      proposal: 'Move the stream to 20:00',
      proposedByPersonId: chen,
    },
  });
  const linsOwn = await prisma.escalation.create({
    data: escalation(903, 'Lin only: host contract', lin, liveOps),
  });
  await prisma.escalationEvent.createMany({
    data: [
      { escalationId: raised.id, type: 'raised', actorPersonId: priya, level: 1, toStatus: 'OPEN' },
      {
        escalationId: assigned.id,
        type: 'acknowledged',
        actorPersonId: priya,
        level: 1,
        fromStatus: 'OPEN',
        toStatus: 'ACKNOWLEDGED',
        note: 'Priya looks at it today',
      },
      { escalationId: raised.id, type: 'acknowledged', actorPersonId: lin, level: 1, note: 'Lin step' },
      { escalationId: linsOwn.id, type: 'raised', actorPersonId: lin, level: 1, note: 'Lin only step' },
    ],
  });
  const decision = await prisma.decision.create({
    data: {
      workspaceId,
      escalationId: assigned.id,
      text: 'Stream at 20:00',
      decidedByPersonId: priya,
    },
  });
  await prisma.decision.create({
    data: {
      workspaceId,
      escalationId: linsOwn.id,
      text: 'Chen only: renew',
      decidedByPersonId: chen,
    },
  });
  const item = (title: string, owner: string, createdBy: string | undefined, department: string) => ({
    workspaceId,
    title,
    ownerPersonId: owner,
    createdByPersonId: createdBy ?? null,
    ownerDepartmentId: department,
    dueOn: new Date('2026-06-30'),
    sourceType: 'escalation',
  });
  const owned = await prisma.actionItem.create({
    data: { ...item('Redo the banner', priya, chen, marketing), decisionId: decision.id },
  });
  await prisma.actionItem.create({
    data: item('Brief the support team', sam, priya, marketing),
  });
  await prisma.actionItem.create({ data: item('Chen only: book hosts', chen, chen, liveOps) });
  const figures = {
    raised: 1,
    received: 0,
    answeredWithinSla: 0,
    answered: 0,
    actionItemsDue: 1,
    actionItemsOnTime: 1,
  };
  await prisma.assessmentSnapshot.createMany({
    data: [
      {
        workspaceId,
        departmentId: marketing,
        quarter: '2026-Q1',
        ...figures,
        medianMinutesToDecision: 42,
      },
      { workspaceId, departmentId: liveOps, quarter: '2026-Q1', ...figures, raised: 7 },
    ],
  });
  await prisma.auditEvent.createMany({
    data: [
      // By someone else, about her escalation: hers to read in full.
      {
        workspaceId,
        actorSlackId: 'U0DEMOLIN',
        action: 'escalation.reassigned',
        objectType: 'escalation',
        objectId: raised.id,
        after: { assigneePersonId: lin },
      },
      // About her own action item, which Chen created.
      {
        workspaceId,
        actorSlackId: 'U0DEMOCHEN',
        action: 'action_item.created',
        objectType: 'action_item',
        objectId: owned.id,
        after: { title: 'Redo the banner' },
      },
      {
        workspaceId,
        actorSlackId: 'U0DEMOLIN',
        action: 'escalation.raised',
        objectType: 'escalation',
        objectId: linsOwn.id,
        after: { title: 'Lin only: host contract' },
      },
    ],
  });

  const other = await prisma.workspace.create({
    data: { slackTeamId: 'T0OTHERTEAM', name: 'Other team', defaultLocale: 'en', defaultTimeZone: 'UTC' },
  });
  const twin = await prisma.person.create({
    data: { workspaceId: other.id, slackUserId: 'U0DEMOPRIYA', displayName: 'Other workspace twin' },
  });
  const otherEscalation = await prisma.escalation.create({
    data: {
      workspaceId: other.id,
      number: 1,
      title: 'Other workspace escalation',
      blocked: 'x',
      impact: 'x',
      decisionNeeded: 'x',
      options: [],
      severity: 'NORMAL',
      raisedByPersonId: twin.id,
      events: { create: { type: 'raised', actorPersonId: twin.id, level: 1, note: 'Other workspace step' } },
      decisions: {
        create: { workspaceId: other.id, text: 'Other workspace decision', decidedByPersonId: twin.id },
      },
    },
  });
  await prisma.actionItem.create({
    data: {
      workspaceId: other.id,
      title: 'Other workspace item',
      ownerPersonId: twin.id,
      dueOn: new Date('2026-06-30'),
      sourceType: 'escalation',
      sourceId: otherEscalation.id,
    },
  });
  await prisma.auditEvent.create({
    data: {
      workspaceId: other.id,
      actorSlackId: 'U0DEMOPRIYA',
      action: 'other.workspace',
      objectType: 'escalation',
      objectId: otherEscalation.id,
    },
  });
  return { raised, assigned, owned };
}

let seeded: Awaited<ReturnType<typeof seed>>;
beforeAll(async () => {
  seeded = await seed();
});

describe('/liaison export me covers everything a person has', () => {
  it('holds her escalations, the steps she took, her decisions, her action items and her departments’ assessments', async () => {
    const { tables } = await exportAs('U0DEMOPRIYA', 'export me');

    expect(tables.escalations).toEqual([
      expect.objectContaining({
        ref: 'ESC-902',
        title: 'Stream slot clash',
        your_roles: 'assignee',
        raiser_department: 'live-ops',
        counterpart_departments: 'marketing',
        proposal: 'Move the stream to 20:00',
      }),
      expect.objectContaining({
        ref: 'ESC-901',
        title: 'Launch budget frozen',
        your_roles: 'raiser',
        severity: 'HIGH',
        decision_needed: 'Launch budget frozen: decision needed',
        options: [{ label: 'Ship Friday', recommended: true }],
      }),
    ]);
    expect(tables.escalation_events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ escalation: 'ESC-901', type: 'raised' }),
        expect.objectContaining({
          escalation: 'ESC-902',
          type: 'acknowledged',
          to_status: 'ACKNOWLEDGED',
          note: 'Priya looks at it today',
        }),
      ]),
    );
    expect(tables.escalation_events).toHaveLength(2);
    expect(tables.decisions).toEqual([
      expect.objectContaining({ escalation: 'ESC-902', text: 'Stream at 20:00' }),
    ]);
    expect(tables.action_items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: seeded.owned.id,
          title: 'Redo the banner',
          your_roles: 'owner',
          due_on: '2026-06-30',
          department_key: 'marketing',
        }),
        expect.objectContaining({ title: 'Brief the support team', your_roles: 'creator' }),
      ]),
    );
    expect(tables.action_items).toHaveLength(2);
    expect(tables.assessments).toEqual([
      expect.objectContaining({
        quarter: '2026-Q1',
        department_key: 'marketing',
        raised: 1,
        median_minutes_to_decision: 42,
      }),
    ]);

    // Entries about her records show what changed, even when someone else acted.
    const audit = tables.audit_events as Row[];
    expect(audit.find((e) => e.action === 'escalation.reassigned')).toMatchObject({
      object_id: seeded.raised.id,
      after: expect.objectContaining({ assigneePersonId: expect.any(String) }),
    });
    expect(audit.find((e) => e.action === 'action_item.created')).toMatchObject({
      object_id: seeded.owned.id,
      after: { title: 'Redo the banner' },
    });
  });

  it('leaves out other people’s rows, other people’s ids and everything of another workspace', async () => {
    const { content, tables } = await exportAs('U0DEMOPRIYA', 'export me');

    expect(content).toContain('Launch budget frozen');
    for (const notHers of [
      'Lin only',
      'Chen only',
      'Lin step',
      'Other workspace',
      'other.workspace',
      '林伟',
      'Sam Taylor',
    ])
      expect(content, notHers).not.toContain(notHers);
    // Her rows name her part in them, not the others: only the audit log says who else acted on her records.
    const { audit_events: audit, ...rest } = tables;
    const outsideAudit = JSON.stringify(rest);
    const others = await file.db.prisma.person.findMany({
      where: { slackUserId: { in: ['U0DEMOLIN', 'U0DEMOCHEN', 'U0DEMOSAM'] } },
    });
    for (const person of others) {
      expect(outsideAudit, person.slackUserId).not.toContain(person.slackUserId);
      expect(outsideAudit, person.slackUserId).not.toContain(person.id);
    }
    expect(audit?.map((e) => e.actor_slack_id)).not.toContain('U0DEMOSAM');
    expect(tables.assessments?.map((a) => a.department_key)).toEqual(['marketing']);
  });

  it('gives an admin the workspace’s escalations, steps, decisions, action items and assessments, by Slack id', async () => {
    const { tables } = await exportAs('U0DEMOLIN', 'export');

    expect(tables.escalations?.find((e) => e.ref === 'ESC-902')).toMatchObject({
      raised_by_slack_id: 'U0DEMOCHEN',
      assignee_slack_id: 'U0DEMOPRIYA',
      proposed_by_slack_id: 'U0DEMOCHEN',
    });
    expect(tables.escalation_events?.filter((e) => e.actor_slack_id === 'U0DEMOLIN')).toHaveLength(2);
    expect(tables.decisions?.map((d) => [d.text, d.decided_by_slack_id]).sort()).toEqual([
      ['Chen only: renew', 'U0DEMOCHEN'],
      ['Stream at 20:00', 'U0DEMOPRIYA'],
    ]);
    expect(tables.action_items).toContainEqual(
      expect.objectContaining({
        title: 'Brief the support team',
        owner_slack_id: 'U0DEMOSAM',
        created_by_slack_id: 'U0DEMOPRIYA',
      }),
    );
    expect(tables.assessments?.map((a) => a.department_key).sort()).toEqual(['live-ops', 'marketing']);
    expect(JSON.stringify(tables)).not.toContain('Other workspace');
  });
});
