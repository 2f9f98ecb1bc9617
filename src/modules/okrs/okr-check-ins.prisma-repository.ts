import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { writeAuditEntry } from '../audit/audit.prisma-repository.js';
import { type CheckInCadence, DEFAULT_CADENCE } from './okr-check-in.rules.js';
import type { CheckInsRepository, CheckInWindowDto, StoredCheckIn } from './okr-check-ins.repository.js';
import { type ConfidenceScale, isConfidenceScale } from './okr-scoring.rules.js';
import { toKeyResultDto } from './okrs.prisma-repository.js';
import type { KeyResultDto } from './okrs.types.js';

const DEPARTMENT = {
  id: true,
  key: true,
  nameEn: true,
  nameZh: true,
  slackChannelId: true,
  locale: true,
} as const;
const WINDOW = {
  id: true,
  workspaceId: true,
  departmentId: true,
  cycleOn: true,
  closesAt: true,
  closedAt: true,
} as const;

/** One row of `departmentsWithKeyResults`: a key result with its owner, followed KPI, department and cadence. */
interface CheckInKeyResultRow {
  id: string;
  number: number;
  objectiveId: string;
  title: string;
  kind: KeyResultDto['kind'];
  unit: string | null;
  direction: KeyResultDto['direction'];
  startValue: number | null;
  targetValue: number | null;
  currentValue: number | null;
  done: boolean;
  weight: number;
  lastConfidence: KeyResultDto['lastConfidence'];
  lastConfidenceScore: number | null;
  ownerId: string;
  slackUserId: string;
  displayName: string;
  ownerLocale: string | null;
  kpiKey: string | null;
  kpiValue: number | null;
  kpiPeriod: string | null;
  departmentId: string;
  departmentKey: string;
  nameEn: string;
  nameZh: string;
  slackChannelId: string | null;
  departmentLocale: string | null;
  everyWeeks: number | null;
  weekday: number | null;
  localMinute: number | null;
  windowHours: number | null;
  nameMissing: boolean | null;
}

/** One row of `windowDetail`'s first statement. */
interface WindowHeadRow {
  id: string;
  workspaceId: string;
  departmentId: string;
  cycleOn: string;
  closesAt: Date;
  closedAt: Date | null;
  departmentKey: string;
  nameEn: string;
  nameZh: string;
  slackChannelId: string | null;
  locale: string | null;
  everyWeeks: number | null;
  weekday: number | null;
  localMinute: number | null;
  windowHours: number | null;
  nameMissing: boolean | null;
  confidenceScale: string | null;
  prompted: string[];
  checkIns: (Omit<StoredCheckIn, 'answeredAt'> & { answeredAtMs: number })[];
}

const scaleOf = (value: string | null): ConfidenceScale =>
  value && isConfidenceScale(value) ? value : 'three-step';

function cadenceOf(row: Partial<CheckInCadence> | null | undefined): CheckInCadence {
  if (!row) return DEFAULT_CADENCE;
  return {
    everyWeeks: row.everyWeeks ?? DEFAULT_CADENCE.everyWeeks,
    weekday: row.weekday ?? DEFAULT_CADENCE.weekday,
    localMinute: row.localMinute ?? DEFAULT_CADENCE.localMinute,
    windowHours: row.windowHours ?? DEFAULT_CADENCE.windowHours,
    nameMissing: row.nameMissing ?? DEFAULT_CADENCE.nameMissing,
  };
}

/** A key result as the check-ins see it (its owner's language with it). */
function toCheckInKeyResult(row: CheckInKeyResultRow): KeyResultDto & { ownerLocale: string | null } {
  return {
    ...toKeyResultDto({
      id: row.id,
      number: row.number,
      objectiveId: row.objectiveId,
      title: row.title,
      kind: row.kind,
      unit: row.unit,
      direction: row.direction,
      startValue: row.startValue,
      targetValue: row.targetValue,
      currentValue: row.currentValue,
      done: row.done,
      weight: row.weight,
      lastConfidence: row.lastConfidence,
      lastConfidenceScore: row.lastConfidenceScore,
      owner: { id: row.ownerId, slackUserId: row.slackUserId, displayName: row.displayName },
      kpi:
        row.kpiKey === null
          ? null
          : {
              key: row.kpiKey,
              samples:
                row.kpiPeriod === null || row.kpiValue === null
                  ? []
                  : [{ value: row.kpiValue, period: row.kpiPeriod }],
            },
    }),
    ownerLocale: row.ownerLocale,
  };
}

export function createCheckInsPrismaRepository(prisma: PrismaClient): CheckInsRepository {
  /**
   * The key results check-ins are about, with owner, followed KPI's latest sample, department
   * and cadence, in one statement (Prisma's nested selects: seven, each binding an id per row):
   * active owners, department objectives of the period containing `on`, of one department or of
   * every department not archived.
   */
  function checkInKeyResults(workspaceId: string, on: string, departmentId: string | null) {
    return prisma.$queryRaw<CheckInKeyResultRow[]>`
        SELECT kr."id", kr."number", kr."objectiveId", kr."title", kr."kind"::text AS "kind", kr."unit",
          kr."direction"::text AS "direction", kr."startValue", kr."targetValue", kr."currentValue",
          kr."done", kr."weight", kr."lastConfidence"::text AS "lastConfidence",
          kr."lastConfidenceScore",
          p."id" AS "ownerId", p."slackUserId", p."displayName", p."locale" AS "ownerLocale",
          k."key" AS "kpiKey", latest."value" AS "kpiValue", latest."period" AS "kpiPeriod",
          d."id" AS "departmentId", d."key" AS "departmentKey", d."nameEn", d."nameZh", d."slackChannelId",
          d."locale" AS "departmentLocale",
          s."everyWeeks", s."weekday", s."localMinute", s."windowHours", s."nameMissing"
        FROM "OkrKeyResult" kr
        JOIN "Person" p ON p."id" = kr."ownerPersonId" AND p."active"
        JOIN "OkrObjective" o ON o."id" = kr."objectiveId"
        JOIN "OkrPeriod" pe ON pe."id" = o."periodId" AND pe."startsOn" <= ${on} AND pe."endsOn" >= ${on}
        JOIN "Department" d ON d."id" = o."departmentId"
        LEFT JOIN "OkrCheckInSettings" s ON s."departmentId" = d."id"
        LEFT JOIN "Kpi" k ON k."id" = kr."kpiId"
        LEFT JOIN LATERAL (
          SELECT ks."value", ks."period" FROM "KpiSample" ks WHERE ks."kpiId" = k."id" ORDER BY ks."period" DESC LIMIT 1
        ) latest ON TRUE
        WHERE kr."workspaceId" = ${workspaceId}
          AND (${departmentId}::text IS NULL OR o."departmentId" = ${departmentId}::text)
          -- All departments: archived ones are not asked. One named (a window's): as it is.
          AND (${departmentId}::text IS NOT NULL OR d."archivedAt" IS NULL)
        ORDER BY kr."number" ASC`;
  }

  return {
    async workspaceZone(workspaceId) {
      const row = await prisma.workspace.findUnique({
        where: { id: workspaceId },
        select: { defaultTimeZone: true, defaultLocale: true },
      });
      return row ? { zone: row.defaultTimeZone, locale: row.defaultLocale } : null;
    },

    async departmentsWithKeyResults(workspaceId, on) {
      // One statement, joins instead of Prisma's nested selects (seven statements, each binding
      // one value per key result or owner: 2,000+ for a large workspace).
      const rows = await checkInKeyResults(workspaceId, on, null);
      const byDepartment = new Map<
        string,
        ReturnType<CheckInsRepository['departmentsWithKeyResults']> extends Promise<(infer T)[]> ? T : never
      >();
      for (const row of rows) {
        let entry = byDepartment.get(row.departmentId);
        if (!entry) {
          entry = {
            department: {
              id: row.departmentId,
              key: row.departmentKey,
              nameEn: row.nameEn,
              nameZh: row.nameZh,
              slackChannelId: row.slackChannelId,
              locale: row.departmentLocale,
            },
            cadence: cadenceOf(row.everyWeeks === null ? null : (row as Partial<CheckInCadence>)),
            keyResults: [],
          };
          byDepartment.set(row.departmentId, entry);
        }
        entry.keyResults.push(toCheckInKeyResult(row));
      }
      return [...byDepartment.values()];
    },

    async ensureWindows(workspaceId, cycles) {
      if (cycles.length === 0) return [];
      // Missing windows in one insert (an existing one keeps its row: ON CONFLICT DO NOTHING), then one read.
      await prisma.okrCheckInWindow.createMany({
        data: cycles.map((c) => ({
          workspaceId,
          departmentId: c.departmentId,
          cycleOn: c.cycleOn,
          closesAt: c.closesAt,
        })),
        skipDuplicates: true,
      });
      const rows = await prisma.okrCheckInWindow.findMany({
        where: { OR: cycles.map((c) => ({ departmentId: c.departmentId, cycleOn: c.cycleOn })) },
        select: WINDOW,
      });
      const byKey = new Map(rows.map((r) => [`${r.departmentId}:${r.cycleOn}`, r]));
      return cycles.flatMap((c) => {
        const row = byKey.get(`${c.departmentId}:${c.cycleOn}`);
        return row ? [row] : [];
      });
    },

    async progressOf(windowIds) {
      if (windowIds.length === 0) return { prompts: [], answered: [] };
      const [prompts, answered] = await Promise.all([
        prisma.okrCheckInPrompt.findMany({
          where: { windowId: { in: [...windowIds] } },
          select: { windowId: true, personId: true, promptedAt: true, remindedAt: true },
        }),
        prisma.okrCheckIn.findMany({
          where: { windowId: { in: [...windowIds] } },
          select: { windowId: true, keyResultId: true },
        }),
      ]);
      return { prompts, answered };
    },

    async recordPrompts(rows) {
      if (rows.length === 0) return;
      // One parameter whatever the number of rows (a createMany of 2,000 rows is 8,000 bound values).
      const records = JSON.stringify(
        rows.map((r) => ({
          id: randomUUID(),
          windowId: r.windowId,
          personId: r.personId,
          promptedAt: r.promptedAt.toISOString(),
        })),
      );
      await prisma.$executeRaw`
        INSERT INTO "OkrCheckInPrompt" ("id", "windowId", "personId", "promptedAt")
        SELECT r."id", r."windowId", r."personId", r."promptedAt"::timestamptz AT TIME ZONE 'UTC'
        FROM jsonb_to_recordset(${records}::jsonb) AS r("id" text, "windowId" text, "personId" text, "promptedAt" text)
        ON CONFLICT ("windowId", "personId") DO NOTHING`;
    },

    async claimReminders(rows, at) {
      if (rows.length === 0) return 0;
      const { count } = await prisma.okrCheckInPrompt.updateMany({
        where: { remindedAt: null, OR: rows.map((r) => ({ windowId: r.windowId, personId: r.personId })) },
        data: { remindedAt: at },
      });
      return count;
    },

    async windowsToClose(workspaceId, now) {
      return prisma.okrCheckInWindow.findMany({
        where: { workspaceId, closedAt: null, closesAt: { lte: now } },
        select: WINDOW,
      });
    },

    async claimClose(windowId, at) {
      const { count } = await prisma.okrCheckInWindow.updateMany({
        where: { id: windowId, closedAt: null },
        data: { closedAt: at },
      });
      return count === 1;
    },

    async windowDetail(windowId) {
      // The window, its department and cadence, who was prompted and every answer: one statement
      // (Prisma's nested select would be five). Then the key results (four), and only people
      // prompted who no longer own a key result of it (usually none).
      const [head] = await prisma.$queryRaw<WindowHeadRow[]>`
        SELECT w."id", w."workspaceId", w."departmentId", w."cycleOn", w."closesAt", w."closedAt",
          d."key" AS "departmentKey", d."nameEn", d."nameZh", d."slackChannelId", d."locale",
          s."everyWeeks", s."weekday", s."localMinute", s."windowHours", s."nameMissing",
          (SELECT ws."okrConfidenceScale" FROM "Workspace" ws WHERE ws."id" = w."workspaceId") AS "confidenceScale",
          COALESCE((SELECT json_agg(p."personId") FROM "OkrCheckInPrompt" p WHERE p."windowId" = w."id"), '[]') AS "prompted",
          COALESCE((SELECT json_agg(json_build_object(
              'keyResultId', c."keyResultId", 'personId', c."personId", 'value', c."value", 'done', c."done",
              'progress', c."progress", 'confidence', c."confidence", 'confidenceScore', c."confidenceScore",
              'comment', c."comment",
              'blockers', c."blockers", 'late', c."late",
              'answeredAtMs', (EXTRACT(EPOCH FROM c."answeredAt") * 1000)::float8))
            FROM "OkrCheckIn" c WHERE c."windowId" = w."id"), '[]') AS "checkIns"
        FROM "OkrCheckInWindow" w
        JOIN "Department" d ON d."id" = w."departmentId"
        LEFT JOIN "OkrCheckInSettings" s ON s."departmentId" = w."departmentId"
        WHERE w."id" = ${windowId}`;
      if (!head) return null;
      const keyResults = await checkInKeyResults(head.workspaceId, head.cycleOn, head.departmentId);
      const owners = new Map<string, { slackUserId: string; displayName: string; locale: string | null }>();
      for (const kr of keyResults)
        owners.set(kr.ownerId, {
          slackUserId: kr.slackUserId,
          displayName: kr.displayName,
          locale: kr.ownerLocale,
        });
      const others = head.prompted.filter((id) => !owners.has(id));
      if (others.length > 0)
        for (const p of await prisma.person.findMany({
          where: { id: { in: others } },
          select: { id: true, slackUserId: true, displayName: true, locale: true },
        }))
          owners.set(p.id, p);
      const prompted = head.prompted.flatMap((personId) => {
        const person = owners.get(personId);
        return person
          ? [
              {
                personId,
                slackUserId: person.slackUserId,
                displayName: person.displayName,
                locale: person.locale,
              },
            ]
          : [];
      });
      prompted.sort(
        (a, b) => a.displayName.localeCompare(b.displayName) || a.personId.localeCompare(b.personId),
      );
      return {
        window: {
          id: head.id,
          workspaceId: head.workspaceId,
          departmentId: head.departmentId,
          cycleOn: head.cycleOn,
          closesAt: head.closesAt,
          closedAt: head.closedAt,
        },
        department: {
          id: head.departmentId,
          key: head.departmentKey,
          nameEn: head.nameEn,
          nameZh: head.nameZh,
          slackChannelId: head.slackChannelId,
          locale: head.locale,
        },
        cadence: cadenceOf(head.everyWeeks === null ? null : (head as Partial<CheckInCadence>)),
        confidenceScale: scaleOf(head.confidenceScale),
        keyResults: keyResults.map((row) => {
          const { ownerLocale: _locale, ...kr } = toCheckInKeyResult(row);
          return kr;
        }),
        prompted,
        checkIns: head.checkIns.map(({ answeredAtMs, ...c }) => ({
          ...c,
          answeredAt: new Date(answeredAtMs),
        })),
      };
    },

    async saveCheckIns(actor, windowId, rows, now) {
      await prisma.$transaction(async (tx) => {
        for (const row of rows) {
          const data = {
            personId: actor.personId,
            value: row.value,
            done: row.done,
            progress: row.progress,
            confidence: row.confidence,
            confidenceScore: row.confidenceScore,
            comment: row.comment,
            blockers: row.blockers,
            late: row.late,
            answeredAt: now,
          };
          await tx.okrCheckIn.upsert({
            where: { windowId_keyResultId: { windowId, keyResultId: row.keyResultId } },
            create: { windowId, keyResultId: row.keyResultId, ...data },
            update: data,
            select: { id: true },
          });
          await tx.okrKeyResult.update({
            where: { id: row.keyResultId },
            data: {
              ...(row.value !== null ? { currentValue: row.value } : {}),
              ...(row.done !== null ? { done: row.done } : {}),
              ...(row.confidence !== null
                ? { lastConfidence: row.confidence, lastConfidenceScore: row.confidenceScore }
                : {}),
            },
            select: { id: true },
          });
        }
        await writeAuditEntry(tx, {
          workspaceId: actor.workspaceId,
          actorSlackId: actor.slackUserId,
          action: 'okr.checked_in',
          objectType: 'okr_check_in_window',
          objectId: windowId,
          after: rows,
        });
      });
    },

    async latestBlocker(keyResultId) {
      const kr = await prisma.okrKeyResult.findUnique({
        where: { id: keyResultId },
        select: {
          workspaceId: true,
          ownerPersonId: true,
          number: true,
          title: true,
          checkIns: {
            where: { blockers: { not: null } },
            orderBy: { answeredAt: 'desc' },
            take: 1,
            select: { blockers: true },
          },
        },
      });
      if (!kr) return null;
      const { checkIns, ...rest } = kr;
      return { ...rest, blockers: checkIns[0]?.blockers ?? null };
    },

    async leadsOf(departmentId) {
      const rows = await prisma.membership.findMany({
        where: { departmentId, role: { in: ['LEAD', 'HEAD'] }, person: { active: true } },
        select: { person: { select: { id: true, slackUserId: true, locale: true } } },
      });
      return rows.map((r) => ({
        personId: r.person.id,
        slackUserId: r.person.slackUserId,
        locale: r.person.locale,
      }));
    },

    async departmentByKey(workspaceId, key) {
      return prisma.department.findFirst({
        where: { workspaceId, key: { equals: key, mode: 'insensitive' }, archivedAt: null },
        select: DEPARTMENT,
      });
    },

    async departmentById(departmentId) {
      return prisma.department.findFirst({
        where: { id: departmentId, archivedAt: null },
        select: DEPARTMENT,
      });
    },

    async cadenceOf(departmentId) {
      return cadenceOf(await prisma.okrCheckInSettings.findUnique({ where: { departmentId } }));
    },

    async setCadence(actor, departmentId, cadence) {
      await prisma.$transaction(async (tx) => {
        const before = await tx.okrCheckInSettings.findUnique({ where: { departmentId } });
        await tx.okrCheckInSettings.upsert({
          where: { departmentId },
          create: { departmentId, ...cadence },
          update: cadence,
        });
        await writeAuditEntry(tx, {
          workspaceId: actor.workspaceId,
          actorSlackId: actor.slackUserId,
          action: 'okr.cadence_set',
          objectType: 'department',
          objectId: departmentId,
          before: cadenceOf(before),
          after: cadence,
        });
      });
    },

    async confidenceScale(workspaceId) {
      const row = await prisma.workspace.findUnique({
        where: { id: workspaceId },
        select: { okrConfidenceScale: true },
      });
      return scaleOf(row?.okrConfidenceScale ?? null);
    },

    async setConfidenceScale(actor, scale) {
      await prisma.$transaction(async (tx) => {
        const before = await tx.workspace.findUniqueOrThrow({
          where: { id: actor.workspaceId },
          select: { okrConfidenceScale: true },
        });
        await tx.workspace.update({
          where: { id: actor.workspaceId },
          data: { okrConfidenceScale: scale },
          select: { id: true },
        });
        await writeAuditEntry(tx, {
          workspaceId: actor.workspaceId,
          actorSlackId: actor.slackUserId,
          action: 'okr.confidence_scale_set',
          objectType: 'workspace',
          objectId: actor.workspaceId,
          before: { confidenceScale: before.okrConfidenceScale },
          after: { confidenceScale: scale },
        });
      });
    },

    async answersBetween(workspaceId, from, to) {
      const rows = await prisma.okrCheckIn.findMany({
        where: { window: { workspaceId, cycleOn: { gte: from, lte: to } } },
        select: {
          keyResultId: true,
          confidence: true,
          confidenceScore: true,
          blockers: true,
          late: true,
          comment: true,
          personId: true,
          keyResult: { select: { number: true } },
          window: { select: { departmentId: true, cycleOn: true } },
        },
      });
      const people = await prisma.person.findMany({
        where: { id: { in: [...new Set(rows.map((row) => row.personId))] } },
        select: { id: true, slackUserId: true, displayName: true },
      });
      const byId = new Map(people.map(({ id, ...person }) => [id, person]));
      return rows.map(({ window, keyResult, personId, ...row }) => ({
        ...row,
        ...window,
        keyResultNumber: keyResult.number,
        answeredBy: byId.get(personId) ?? null,
      }));
    },

    async responseCounts(workspaceId, from, to) {
      const windows = await prisma.okrCheckInWindow.findMany({
        where: { workspaceId, closedAt: { not: null }, closesAt: { gte: from, lt: to } },
        select: {
          departmentId: true,
          prompts: { select: { personId: true } },
          checkIns: { select: { personId: true, late: true } },
        },
      });
      const counts = new Map<string, { asked: number; answered: number }>();
      for (const w of windows) {
        const entry = counts.get(w.departmentId) ?? { asked: 0, answered: 0 };
        const answered = new Set(w.checkIns.map((c) => c.personId));
        entry.asked += w.prompts.length;
        entry.answered += w.prompts.filter((p) => answered.has(p.personId)).length;
        counts.set(w.departmentId, entry);
      }
      return [...counts].map(([departmentId, c]) => ({ departmentId, ...c }));
    },
  };
}

export type { CheckInWindowDto };
