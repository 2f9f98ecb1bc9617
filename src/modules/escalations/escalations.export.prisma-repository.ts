import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { ExportRow, ExportSection } from '../export/export.types.js';
import { iso, json, optionalDay, rowsToRead } from '../export/export-cells.rules.js';
import { slackIdsByPersonId } from '../people/people.export.prisma-repository.js';

/** `ESC-42`, as people see the number everywhere else. */
const escName = (number: number) => `ESC-${number}`;

/**
 * The escalation's own fields. Card messages, ping times and pending notices are Liaison's
 * bookkeeping, not anyone's data, and stay out.
 */
const escalationSelect = {
  id: true,
  number: true,
  title: true,
  severity: true,
  status: true,
  level: true,
  blocked: true,
  impact: true,
  decisionNeeded: true,
  options: true,
  proposal: true,
  wantedBy: true,
  slaDueAt: true,
  acknowledgedAt: true,
  markedForMeetingAt: true,
  markedForMeetingReason: true,
  sourcePermalink: true,
  sourceQuote: true,
  resolvedAt: true,
  createdAt: true,
  raisedByPersonId: true,
  assigneePersonId: true,
  proposedByPersonId: true,
  departments: { select: { role: true, department: { select: { key: true } } } },
} satisfies Prisma.EscalationSelect;
type EscalationRow = Prisma.EscalationGetPayload<{ select: typeof escalationSelect }>;

const ESCALATION_FIELDS = [
  'id',
  'ref',
  'title',
  'severity',
  'status',
  'level',
  'raiser_department',
  'counterpart_departments',
] as const;
const ESCALATION_CONTENT = [
  'blocked',
  'impact',
  'decision_needed',
  'options',
  'proposal',
  'wanted_by',
  'sla_due_at',
  'acknowledged_at',
  'marked_for_meeting_at',
  'marked_for_meeting_reason',
  'source_permalink',
  'source_quote',
  'resolved_at',
  'created_at',
] as const;

function escalationRow(e: EscalationRow): ExportRow {
  const keysOf = (role: string) =>
    e.departments
      .filter((d) => d.role === role)
      .map((d) => d.department.key)
      .sort()
      .join(',');
  return {
    id: e.id,
    ref: escName(e.number),
    title: e.title,
    severity: e.severity,
    status: e.status,
    level: e.level,
    raiser_department: keysOf('RAISER') || null,
    counterpart_departments: keysOf('COUNTERPART'),
    blocked: e.blocked,
    impact: e.impact,
    decision_needed: e.decisionNeeded,
    options: json(e.options),
    proposal: e.proposal,
    wanted_by: optionalDay(e.wantedBy),
    sla_due_at: iso(e.slaDueAt),
    acknowledged_at: iso(e.acknowledgedAt),
    marked_for_meeting_at: iso(e.markedForMeetingAt),
    marked_for_meeting_reason: e.markedForMeetingReason,
    source_permalink: e.sourcePermalink,
    source_quote: e.sourceQuote,
    resolved_at: iso(e.resolvedAt),
    created_at: iso(e.createdAt),
  };
}

/**
 * Escalations, newest first. A person gets those they raised, were assigned or proposed an
 * answer to, with their part in it (`your_roles`) instead of the other people's ids.
 */
export function escalationsExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['Escalation', 'EscalationDepartment'],
    person: {
      table: 'escalations',
      columns: [...ESCALATION_FIELDS, 'your_roles', ...ESCALATION_CONTENT],
      async rows(person, limits) {
        const escalations = await prisma.escalation.findMany({
          where: {
            workspaceId: person.workspaceId,
            OR: [
              { raisedByPersonId: person.id },
              { assigneePersonId: person.id },
              { proposedByPersonId: person.id },
            ],
          },
          select: escalationSelect,
          orderBy: { createdAt: 'desc' },
          take: rowsToRead(limits),
        });
        return {
          rows: escalations.map((e) => ({
            ...escalationRow(e),
            your_roles: [
              e.raisedByPersonId === person.id ? 'raiser' : null,
              e.assigneePersonId === person.id ? 'assignee' : null,
              e.proposedByPersonId === person.id ? 'proposer' : null,
            ]
              .filter((role) => role !== null)
              .join(','),
          })),
          ownRecordIds: escalations.map((e) => e.id),
        };
      },
    },
    workspace: {
      table: 'escalations',
      columns: [
        ...ESCALATION_FIELDS,
        'raised_by_slack_id',
        'assignee_slack_id',
        'proposed_by_slack_id',
        ...ESCALATION_CONTENT,
      ],
      async rows(workspaceId, limits) {
        const [escalations, slackId] = await Promise.all([
          prisma.escalation.findMany({
            where: { workspaceId },
            select: escalationSelect,
            orderBy: { createdAt: 'desc' },
            take: rowsToRead(limits),
          }),
          slackIdsByPersonId(prisma, workspaceId),
        ]);
        return {
          rows: escalations.map((e) => ({
            ...escalationRow(e),
            raised_by_slack_id: slackId(e.raisedByPersonId),
            assignee_slack_id: slackId(e.assigneePersonId),
            proposed_by_slack_id: slackId(e.proposedByPersonId),
          })),
        };
      },
    },
  };
}

const eventSelect = {
  type: true,
  level: true,
  fromStatus: true,
  toStatus: true,
  note: true,
  at: true,
  actorPersonId: true,
  escalation: { select: { number: true } },
} satisfies Prisma.EscalationEventSelect;
type EventRow = Prisma.EscalationEventGetPayload<{ select: typeof eventSelect }>;
const EVENT_COLUMNS = ['escalation', 'type', 'level', 'from_status', 'to_status', 'note', 'at'] as const;

function eventRow(e: EventRow): ExportRow {
  return {
    escalation: escName(e.escalation.number),
    type: e.type,
    level: e.level,
    from_status: e.fromStatus,
    to_status: e.toStatus,
    note: e.note,
    at: iso(e.at),
  };
}

/** Every step of an escalation, newest first; a person gets the steps they took. */
export function escalationEventsExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['EscalationEvent'],
    person: {
      table: 'escalation_events',
      columns: EVENT_COLUMNS,
      async rows(person, limits) {
        const events = await prisma.escalationEvent.findMany({
          where: { actorPersonId: person.id, escalation: { workspaceId: person.workspaceId } },
          select: eventSelect,
          orderBy: { at: 'desc' },
          take: rowsToRead(limits),
        });
        return { rows: events.map(eventRow) };
      },
    },
    workspace: {
      table: 'escalation_events',
      columns: [...EVENT_COLUMNS, 'actor_slack_id'],
      async rows(workspaceId, limits) {
        const [events, slackId] = await Promise.all([
          prisma.escalationEvent.findMany({
            where: { escalation: { workspaceId } },
            select: eventSelect,
            orderBy: { at: 'desc' },
            take: rowsToRead(limits),
          }),
          slackIdsByPersonId(prisma, workspaceId),
        ]);
        return { rows: events.map((e) => ({ ...eventRow(e), actor_slack_id: slackId(e.actorPersonId) })) };
      },
    },
  };
}

const decisionSelect = {
  id: true,
  text: true,
  optionsConsidered: true,
  decidedAt: true,
  decidedByPersonId: true,
  escalation: { select: { number: true } },
} satisfies Prisma.DecisionSelect;
type DecisionRow = Prisma.DecisionGetPayload<{ select: typeof decisionSelect }>;
const DECISION_COLUMNS = ['id', 'escalation', 'text', 'options_considered', 'decided_at'] as const;

function decisionRow(d: DecisionRow): ExportRow {
  return {
    id: d.id,
    escalation: d.escalation ? escName(d.escalation.number) : null,
    text: d.text,
    options_considered: json(d.optionsConsidered),
    decided_at: iso(d.decidedAt),
  };
}

/** Recorded decisions, newest first; a person gets the ones they made. */
export function decisionsExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['Decision'],
    person: {
      table: 'decisions',
      columns: DECISION_COLUMNS,
      async rows(person, limits) {
        const decisions = await prisma.decision.findMany({
          where: { decidedByPersonId: person.id, workspaceId: person.workspaceId },
          select: decisionSelect,
          orderBy: { decidedAt: 'desc' },
          take: rowsToRead(limits),
        });
        return { rows: decisions.map(decisionRow), ownRecordIds: decisions.map((d) => d.id) };
      },
    },
    workspace: {
      table: 'decisions',
      columns: [...DECISION_COLUMNS, 'decided_by_slack_id'],
      async rows(workspaceId, limits) {
        const [decisions, slackId] = await Promise.all([
          prisma.decision.findMany({
            where: { workspaceId },
            select: decisionSelect,
            orderBy: { decidedAt: 'desc' },
            take: rowsToRead(limits),
          }),
          slackIdsByPersonId(prisma, workspaceId),
        ]);
        return {
          rows: decisions.map((d) => ({
            ...decisionRow(d),
            decided_by_slack_id: slackId(d.decidedByPersonId),
          })),
        };
      },
    },
  };
}
