import type { PrismaClient } from '../../generated/prisma/client.js';
import type { ExportRow, ExportSection } from '../export/export.types.js';
import { iso, rowsToRead } from '../export/export-cells.rules.js';
import { slackIdsByPersonId } from '../people/people.export.prisma-repository.js';

const KEY_RESULT_FIELDS = [
  'key_result',
  'objective',
  'title',
  'kind',
  'unit',
  'direction',
  'start',
  'target',
  'current',
  'done',
  'weight',
  'last_confidence',
  'last_confidence_score',
  'created_at',
  'updated_at',
] as const;

const keyResultSelect = {
  id: true,
  number: true,
  objective: { select: { number: true } },
  title: true,
  kind: true,
  unit: true,
  direction: true,
  startValue: true,
  targetValue: true,
  currentValue: true,
  done: true,
  weight: true,
  ownerPersonId: true,
  lastConfidence: true,
  lastConfidenceScore: true,
  createdAt: true,
  updatedAt: true,
} as const;

function keyResultRow(kr: {
  number: number;
  objective: { number: number };
  title: string;
  kind: string;
  unit: string | null;
  direction: string;
  startValue: number | null;
  targetValue: number | null;
  currentValue: number | null;
  done: boolean;
  weight: number;
  lastConfidence: string | null;
  lastConfidenceScore: number | null;
  createdAt: Date;
  updatedAt: Date;
}): ExportRow {
  return {
    key_result: `KR-${kr.number}`,
    objective: `O-${kr.objective.number}`,
    title: kr.title,
    kind: kr.kind,
    unit: kr.unit,
    direction: kr.direction,
    start: kr.startValue,
    target: kr.targetValue,
    current: kr.currentValue,
    done: kr.done,
    weight: kr.weight,
    last_confidence: kr.lastConfidence,
    last_confidence_score: kr.lastConfidenceScore,
    created_at: iso(kr.createdAt),
    updated_at: iso(kr.updatedAt),
  };
}

const CHECK_IN_FIELDS = [
  'key_result',
  'value',
  'done',
  'progress',
  'confidence',
  'confidence_score',
  'comment',
  'blockers',
  'late',
  'answered_at',
  'updated_at',
] as const;

const checkInSelect = {
  id: true,
  personId: true,
  keyResult: { select: { number: true } },
  value: true,
  done: true,
  progress: true,
  confidence: true,
  confidenceScore: true,
  comment: true,
  blockers: true,
  late: true,
  answeredAt: true,
  updatedAt: true,
} as const;

function checkInRow(c: {
  keyResult: { number: number };
  value: number | null;
  done: boolean | null;
  progress: number;
  confidence: string | null;
  confidenceScore: number | null;
  comment: string | null;
  blockers: string | null;
  late: boolean;
  answeredAt: Date;
  updatedAt: Date;
}): ExportRow {
  return {
    key_result: `KR-${c.keyResult.number}`,
    value: c.value,
    done: c.done,
    progress: c.progress,
    confidence: c.confidence,
    confidence_score: c.confidenceScore,
    comment: c.comment,
    blockers: c.blockers,
    late: c.late,
    answered_at: iso(c.answeredAt),
    updated_at: iso(c.updatedAt),
  };
}

/** Key results a person owns: their own, or every one in the workspace (admins). */
export function okrKeyResultsExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['OkrKeyResult'],
    person: {
      table: 'okr_key_results',
      columns: KEY_RESULT_FIELDS,
      async rows(person) {
        const rows = await prisma.okrKeyResult.findMany({
          where: { workspaceId: person.workspaceId, ownerPersonId: person.id },
          select: keyResultSelect,
          orderBy: { number: 'asc' },
        });
        return { rows: rows.map(keyResultRow), ownRecordIds: rows.map((row) => row.id) };
      },
    },
    workspace: {
      table: 'okr_key_results',
      columns: [...KEY_RESULT_FIELDS, 'owner_slack_id'],
      async rows(workspaceId, limits) {
        const [rows, slackId] = await Promise.all([
          prisma.okrKeyResult.findMany({
            where: { workspaceId },
            select: keyResultSelect,
            orderBy: { number: 'desc' },
            take: rowsToRead(limits),
          }),
          slackIdsByPersonId(prisma, workspaceId),
        ]);
        return {
          rows: rows.map((kr) => ({ ...keyResultRow(kr), owner_slack_id: slackId(kr.ownerPersonId) })),
        };
      },
    },
  };
}

/** Check-in answers (value, confidence, comment, blockers) and when each was asked for. */
export function okrCheckInsExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['OkrCheckIn', 'OkrCheckInPrompt'],
    person: {
      table: 'okr_check_ins',
      columns: [...CHECK_IN_FIELDS, 'prompted_at', 'reminded_at'],
      async rows(person) {
        const [answers, prompts] = await Promise.all([
          prisma.okrCheckIn.findMany({
            where: { personId: person.id, keyResult: { workspaceId: person.workspaceId } },
            select: { ...checkInSelect, windowId: true },
            orderBy: { answeredAt: 'asc' },
          }),
          prisma.okrCheckInPrompt.findMany({
            where: { personId: person.id, window: { workspaceId: person.workspaceId } },
            select: { windowId: true, promptedAt: true, remindedAt: true },
          }),
        ]);
        const promptOf = new Map(prompts.map((p) => [p.windowId, p]));
        return {
          rows: answers.map((c) => ({
            ...checkInRow(c),
            prompted_at: iso(promptOf.get(c.windowId)?.promptedAt),
            reminded_at: iso(promptOf.get(c.windowId)?.remindedAt),
          })),
          ownRecordIds: answers.map((c) => c.id),
        };
      },
    },
    workspace: {
      table: 'okr_check_ins',
      columns: [...CHECK_IN_FIELDS, 'person_slack_id'],
      async rows(workspaceId, limits) {
        const [rows, slackId] = await Promise.all([
          prisma.okrCheckIn.findMany({
            where: { keyResult: { workspaceId } },
            select: checkInSelect,
            orderBy: { answeredAt: 'desc' },
            take: rowsToRead(limits),
          }),
          slackIdsByPersonId(prisma, workspaceId),
        ]);
        return { rows: rows.map((c) => ({ ...checkInRow(c), person_slack_id: slackId(c.personId) })) };
      },
    },
  };
}
