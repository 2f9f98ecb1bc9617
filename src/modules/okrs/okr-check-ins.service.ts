import type { AccessSubject } from '../access/access.types.js';
import type { Authorization } from '../access/authorization.service.js';
import { localDateAt } from '../calendar/local-date.rules.js';
import type { WorkingTimeProfile } from '../calendar/working-time.rules.js';
import type { DeliveryMessage, EnqueueInput } from '../delivery/delivery.types.js';
import type { Notify, NotifyInput, NotifyMany } from '../notifications/notify.service.js';
import type { Clock } from '../shared/clock.types.js';
import { DomainError } from '../shared/domain-error.types.js';
import {
  type CheckInAnswer,
  type CheckInCadence,
  currentCycle,
  isEmptyAnswer,
  judgeAnswer,
  promptAt,
  reminderAt,
} from './okr-check-in.rules.js';
import type {
  CheckInDepartment,
  CheckInsRepository,
  OwnerRef,
  StoredCheckIn,
  WindowDetail,
} from './okr-check-ins.repository.js';
import {
  type ConfidenceScale,
  confidenceOfScore,
  confidenceScoreDropAlert,
  isConfidenceScore,
} from './okr-scoring.rules.js';
import { scoreKeyResult } from './okrs.rules.js';
import type { OkrConfidence, ScoredKeyResult } from './okrs.types.js';

export const OKR_NOTIFICATION_KINDS = {
  prompt: 'okr.check_in',
  reminder: 'okr.check_in_reminder',
  alert: 'okr.confidence_alert',
  wrapUp: 'okr.wrap_up',
} as const;

/** What one owner is asked about in one window. */
export interface OwnerPrompt {
  owner: OwnerRef;
  department: CheckInDepartment;
  windowId: string;
  closesAt: Date;
  keyResults: ScoredKeyResult[];
  /** The owner's zone (their working-time profile's), for the close time in the DM. */
  timeZone: string;
}

export interface WrapUp {
  department: CheckInDepartment;
  cycleOn: string;
  keyResults: (ScoredKeyResult & { checkIn: StoredCheckIn | null })[];
  answered: OwnerRef[];
  missing: OwnerRef[];
  /** Whether the department names who has not answered. */
  nameMissing: boolean;
}

export interface ConfidenceAlert {
  keyResult: ScoredKeyResult;
  department: CheckInDepartment;
  owner: OwnerRef;
  from: OkrConfidence | null;
  to: OkrConfidence;
  /** 1–10 scores on the 1–10 scale (null on the three-step scale or before it). */
  fromScore: number | null;
  toScore: number | null;
  comment: string | null;
}

/** The Slack layer's words for each message (in the recipient's language). */
export interface CheckInMessages {
  prompt(prompt: OwnerPrompt): DeliveryMessage;
  reminder(prompt: OwnerPrompt): DeliveryMessage;
  wrapUp(wrapUp: WrapUp, workspaceLocale: string): DeliveryMessage;
  alert(alert: ConfidenceAlert, leadLocale: string | null): DeliveryMessage;
}

export interface OpenCheckIn {
  detail: WindowDetail;
  mine: ScoredKeyResult[];
  answers: Map<string, StoredCheckIn>;
  /** After the close: unanswered key results are accepted late, answered ones frozen. */
  closed: boolean;
  /** How the modal asks for confidence (the workspace's setting). */
  scale: ConfidenceScale;
}

export interface SavedCheckIn {
  saved: number;
  late: boolean;
  blockers: { keyResult: ScoredKeyResult; blockers: string }[];
}

export interface CheckInsService {
  /** One pass over a workspace: prompts, reminders and wrap-ups that are due, each once. */
  run(
    workspaceId: string,
  ): Promise<{ prompted: number; reminded: number; wrappedUp: number; failed: number }>;
  /** The wrap-up of a window, built (no side effect). */
  buildWrapUp(windowId: string): Promise<WrapUp | null>;
  open(actor: AccessSubject, windowId: string): Promise<OpenCheckIn>;
  submit(actor: AccessSubject, windowId: string, answers: readonly CheckInAnswer[]): Promise<SavedCheckIn>;
  /**
   * A department's cadence, changed by what is given (its leads and admins). The department
   * is named by key, else the actor's own (the first they lead, else the first they are in).
   */
  setCadence(
    actor: AccessSubject,
    departmentKey: string | null,
    change: Partial<CheckInCadence>,
  ): Promise<{ department: CheckInDepartment; cadence: CheckInCadence }>;
  confidenceScale(workspaceId: string): Promise<ConfidenceScale>;
  /** Sets the workspace's confidence scale (admins; audited). */
  setConfidenceScale(actor: AccessSubject, scale: ConfidenceScale): Promise<ConfidenceScale>;
  /** Every answer of a period's windows (cycle dates from..to), for `/okr review`. */
  answersBetween(
    workspaceId: string,
    from: string,
    to: string,
  ): ReturnType<CheckInsRepository['answersBetween']>;
  /** The owner's latest blocker on a key result, to prefill an escalation. */
  latestBlocker(
    actor: AccessSubject,
    keyResultId: string,
  ): Promise<{ number: number; title: string; blockers: string }>;
}

/**
 * An answer on the workspace's scale: on 1–10 a valid score sets the confidence to its three
 * steps (what alerts, the review, the digest and meetings reason in); on three steps a score is
 * ignored (a modal opened before the setting changed).
 */
function onScale(
  answer: CheckInAnswer,
  scale: ConfidenceScale,
): CheckInAnswer & { confidenceScore: number | null } {
  const score = answer.confidenceScore ?? null;
  if (scale === '1-10' && score !== null && isConfidenceScore(score))
    return { ...answer, confidence: confidenceOfScore(score), confidenceScore: score };
  return { ...answer, confidenceScore: null };
}

function ownersOf(
  keyResults: readonly {
    owner: { personId: string; slackUserId: string; displayName: string };
    ownerLocale?: string | null;
  }[],
) {
  const owners = new Map<string, OwnerRef>();
  for (const kr of keyResults)
    if (!owners.has(kr.owner.personId))
      owners.set(kr.owner.personId, { ...kr.owner, locale: kr.ownerLocale ?? null });
  return [...owners.values()];
}

/**
 * Check-ins: the per-department cadence, one DM per owner, reminders, the wrap-up at the
 * close, answers (partial, editable until the close, late after it) and confidence alerts.
 * Every DM goes through `notify` (quiet hours, caps, snoozes, mutes; idempotent on its key)
 * and the wrap-up through the outbox, so a second replica or a re-run sends nothing twice.
 */
export function createCheckInsService(deps: {
  repo: CheckInsRepository;
  clock: Clock;
  notify: Notify;
  notifyMany: NotifyMany;
  enqueue: (input: EnqueueInput) => Promise<unknown>;
  workingTimeProfilesFor: (personIds: readonly string[]) => Promise<Map<string, WorkingTimeProfile>>;
  messages: CheckInMessages;
  authorization: Authorization;
  onError?: (error: unknown, context: Record<string, unknown>) => void;
}): CheckInsService {
  const { repo } = deps;

  async function detailOrFail(windowId: string): Promise<WindowDetail> {
    const detail = await repo.windowDetail(windowId);
    if (!detail)
      throw new DomainError(
        'okr.bad_window',
        { key: 'okrs.errors.badButton' },
        { detail: `no window ${windowId}` },
      );
    return detail;
  }

  async function buildWrapUp(windowId: string): Promise<WrapUp | null> {
    const detail = await repo.windowDetail(windowId);
    if (!detail) return null;
    const byKr = new Map(detail.checkIns.map((c) => [c.keyResultId, c]));
    const answeredPeople = new Set(detail.checkIns.map((c) => c.personId));
    return {
      department: detail.department,
      cycleOn: detail.window.cycleOn,
      keyResults: detail.keyResults.map((kr) => ({
        ...scoreKeyResult(kr),
        checkIn: byKr.get(kr.id) ?? null,
      })),
      answered: detail.prompted.filter((p) => answeredPeople.has(p.personId)),
      missing: detail.prompted.filter((p) => !answeredPeople.has(p.personId)),
      nameMissing: detail.cadence.nameMissing,
    };
  }

  return {
    buildWrapUp,

    async run(workspaceId) {
      const tally = { prompted: 0, reminded: 0, wrappedUp: 0, failed: 0 };
      const workspace = await repo.workspaceZone(workspaceId);
      if (!workspace) return tally;
      const now = deps.clock.now();
      const departments = await repo.departmentsWithKeyResults(workspaceId, localDateAt(now, workspace.zone));
      const open: {
        entry: (typeof departments)[number];
        window: { id: string; closesAt: Date; cycleOn: string };
      }[] = [];
      const due: { entry: (typeof departments)[number]; cycleOn: string; closesAt: Date }[] = [];
      for (const entry of departments) {
        const cycle = currentCycle(now, entry.cadence, workspace.zone);
        // A window opens only while answers can still be on time (OKRs set mid-week wait for the next).
        if (now.getTime() >= cycle.closesAt.getTime()) continue;
        due.push({ entry, ...cycle });
      }
      // Every department's window in two statements, whatever the number of departments.
      const windows = await repo.ensureWindows(
        workspaceId,
        due.map((d) => ({ departmentId: d.entry.department.id, cycleOn: d.cycleOn, closesAt: d.closesAt })),
      );
      const windowOf = new Map(windows.map((w) => [`${w.departmentId}:${w.cycleOn}`, w]));
      for (const { entry, cycleOn } of due) {
        const window = windowOf.get(`${entry.department.id}:${cycleOn}`);
        if (window) open.push({ entry, window });
      }
      const progress = await repo.progressOf(open.map((o) => o.window.id));
      const prompts = new Map(progress.prompts.map((p) => [`${p.windowId}:${p.personId}`, p]));
      const answered = new Set(progress.answered.map((a) => `${a.windowId}:${a.keyResultId}`));
      // Every owner's working time in a few queries, whatever their number.
      const profiles = await deps.workingTimeProfilesFor([
        ...new Set(open.flatMap((o) => o.entry.keyResults.map((kr) => kr.owner.personId))),
      ]);
      const newPrompts: { windowId: string; personId: string; promptedAt: Date }[] = [];
      const promptInputs: NotifyInput[] = [];
      const reminders: { input: NotifyInput; windowId: string; personId: string }[] = [];

      for (const { entry, window } of open) {
        const byOwner = new Map<string, ScoredKeyResult[]>();
        for (const kr of entry.keyResults)
          byOwner.set(kr.owner.personId, [...(byOwner.get(kr.owner.personId) ?? []), scoreKeyResult(kr)]);
        for (const owner of ownersOf(entry.keyResults)) {
          try {
            const keyResults = byOwner.get(owner.personId) ?? [];
            const profile = profiles.get(owner.personId);
            if (!profile) continue;
            const prompt: OwnerPrompt = {
              owner,
              department: entry.department,
              windowId: window.id,
              closesAt: window.closesAt,
              keyResults,
              timeZone: profile.timeZone,
            };
            const asked = prompts.get(`${window.id}:${owner.personId}`);
            if (!asked) {
              const at = promptAt(window.cycleOn, entry.cadence, profile);
              if (!at || now.getTime() < at.getTime()) continue;
              promptInputs.push({
                workspaceId,
                personId: owner.personId,
                kind: OKR_NOTIFICATION_KINDS.prompt,
                key: `${OKR_NOTIFICATION_KINDS.prompt}:${window.id}:${owner.personId}`,
                message: deps.messages.prompt(prompt),
              });
              newPrompts.push({ windowId: window.id, personId: owner.personId, promptedAt: now });
              continue;
            }
            if (asked.remindedAt) continue;
            if (keyResults.every((kr) => answered.has(`${window.id}:${kr.id}`))) continue;
            const due = reminderAt(asked.promptedAt, window.closesAt);
            if (!due || now.getTime() < due.getTime()) continue;
            reminders.push({
              windowId: window.id,
              personId: owner.personId,
              input: {
                workspaceId,
                personId: owner.personId,
                kind: OKR_NOTIFICATION_KINDS.reminder,
                key: `${OKR_NOTIFICATION_KINDS.reminder}:${window.id}:${owner.personId}`,
                message: deps.messages.reminder(prompt),
              },
            });
          } catch (error) {
            tally.failed++;
            deps.onError?.(error, { windowId: window.id, personId: owner.personId });
          }
        }
      }
      // One batch through the budget (quiet hours, caps, snoozes, mutes; idempotent keys), one bulk insert.
      try {
        await deps.notifyMany(promptInputs);
        await repo.recordPrompts(newPrompts);
        tally.prompted += newPrompts.length;
      } catch (error) {
        tally.failed += newPrompts.length;
        deps.onError?.(error, { step: 'prompts', count: newPrompts.length });
      }
      try {
        await deps.notifyMany(reminders.map((r) => r.input));
        tally.reminded += await repo.claimReminders(
          reminders.map((r) => ({ windowId: r.windowId, personId: r.personId })),
          now,
        );
      } catch (error) {
        tally.failed += reminders.length;
        deps.onError?.(error, { step: 'reminders', count: reminders.length });
      }

      for (const window of await repo.windowsToClose(workspaceId, now)) {
        try {
          const wrapUp = await buildWrapUp(window.id);
          if (wrapUp?.department.slackChannelId)
            await deps.enqueue({
              workspaceId,
              channelId: wrapUp.department.slackChannelId,
              key: `${OKR_NOTIFICATION_KINDS.wrapUp}:${window.id}`,
              kind: OKR_NOTIFICATION_KINDS.wrapUp,
              // In the department's language (its channel's), else the workspace's.
              message: deps.messages.wrapUp(wrapUp, wrapUp.department.locale ?? workspace.locale),
            });
          if (await repo.claimClose(window.id, now)) tally.wrappedUp++;
        } catch (error) {
          tally.failed++;
          deps.onError?.(error, { windowId: window.id });
        }
      }
      return tally;
    },

    async setCadence(actor, departmentKey, change) {
      let department: CheckInDepartment | null = null;
      if (departmentKey) {
        department = await repo.departmentByKey(actor.workspaceId, departmentKey);
        if (!department)
          throw new DomainError('okr.unknown_department', {
            key: 'okrs.errors.unknownDepartment',
            params: { department: departmentKey },
          });
      } else {
        const own =
          actor.memberships.find((m) => m.role === 'LEAD' || m.role === 'HEAD') ?? actor.memberships[0];
        department = own ? await repo.departmentById(own.departmentId) : null;
        if (!department) throw new DomainError('okr.no_department', { key: 'okrs.errors.noDepartment' });
      }
      const cadence = { ...(await repo.cadenceOf(department.id)), ...change };
      if (Object.keys(change).length > 0) {
        await deps.authorization.require(actor, 'okrs.edit', { departmentId: department.id });
        await repo.setCadence(actor, department.id, cadence);
      }
      return { department, cadence };
    },

    answersBetween: (workspaceId, from, to) => repo.answersBetween(workspaceId, from, to),

    confidenceScale: (workspaceId) => repo.confidenceScale(workspaceId),

    async setConfidenceScale(actor, scale) {
      await deps.authorization.require(actor, 'okrs.settings');
      await repo.setConfidenceScale(actor, scale);
      return scale;
    },

    async latestBlocker(actor, keyResultId) {
      const found = await repo.latestBlocker(keyResultId);
      if (
        !found ||
        found.workspaceId !== actor.workspaceId ||
        found.ownerPersonId !== actor.personId ||
        !found.blockers
      )
        throw new DomainError(
          'okr.not_owner',
          { key: 'okrs.errors.notOwner' },
          { detail: `${actor.slackUserId} has no blocker on key result ${keyResultId}` },
        );
      return { number: found.number, title: found.title, blockers: found.blockers };
    },

    async open(actor, windowId) {
      const detail = await detailOrFail(windowId);
      const mine = detail.keyResults.filter((kr) => kr.owner.personId === actor.personId).map(scoreKeyResult);
      if (detail.window.workspaceId !== actor.workspaceId || mine.length === 0)
        throw new DomainError(
          'okr.not_owner',
          { key: 'okrs.errors.notOwner' },
          { detail: `${actor.slackUserId} owns no key result of window ${windowId}` },
        );
      return {
        detail,
        mine,
        answers: new Map(detail.checkIns.map((c) => [c.keyResultId, c])),
        closed: deps.clock.now().getTime() >= detail.window.closesAt.getTime(),
        scale: detail.confidenceScale,
      };
    },

    async submit(actor, windowId, answers) {
      const { detail, mine, answers: existing } = await this.open(actor, windowId);
      const now = deps.clock.now();
      const byId = new Map(mine.map((kr) => [kr.id, kr]));
      const rows: (CheckInAnswer & { confidenceScore: number | null; progress: number; late: boolean })[] =
        [];
      for (const given of answers) {
        const answer = onScale(given, detail.confidenceScale);
        const kr = byId.get(answer.keyResultId);
        if (!kr || isEmptyAnswer(answer)) continue;
        const verdict = judgeAnswer(now, detail.window.closesAt, existing.has(kr.id));
        if (verdict === 'frozen') {
          const before = existing.get(kr.id);
          const same =
            before &&
            before.value === answer.value &&
            before.done === answer.done &&
            before.confidence === answer.confidence &&
            (before.confidenceScore ?? null) === answer.confidenceScore &&
            (before.comment ?? null) === answer.comment &&
            (before.blockers ?? null) === answer.blockers;
          if (same) continue;
          throw new DomainError(
            'okr.window_closed',
            { key: 'okrs.checkIn.modal.closedAnswered', params: { number: kr.number } },
            { field: `value:${kr.id}` },
          );
        }
        const progress = scoreKeyResult({
          ...kr,
          currentValue: answer.value ?? kr.currentValue,
          done: answer.done ?? kr.done,
        }).progress;
        rows.push({ ...answer, progress, late: verdict === 'late' || (existing.get(kr.id)?.late ?? false) });
      }
      if (rows.length === 0) {
        if (answers.some((a) => byId.has(a.keyResultId) && !isEmptyAnswer(a)))
          return { saved: 0, late: false, blockers: [] };
        throw new DomainError('okr.nothing_saved', { key: 'okrs.checkIn.nothingSaved' });
      }
      await repo.saveCheckIns(actor, windowId, rows, now);

      const owner: OwnerRef = {
        personId: actor.personId,
        slackUserId: actor.slackUserId,
        displayName: mine[0]?.owner.displayName ?? actor.slackUserId,
        locale: null,
      };
      const alerts = rows.flatMap((row) => {
        const kr = byId.get(row.keyResultId);
        return kr &&
          row.confidence &&
          confidenceScoreDropAlert(
            { confidence: kr.lastConfidence, score: kr.lastConfidenceScore },
            { confidence: row.confidence, score: row.confidenceScore },
          )
          ? [{ kr, row, to: row.confidence }]
          : [];
      });
      if (alerts.length > 0) {
        const leads = (await repo.leadsOf(detail.department.id)).filter((l) => l.personId !== actor.personId);
        for (const { kr, row, to } of alerts)
          for (const lead of leads)
            await deps.notify({
              workspaceId: actor.workspaceId,
              personId: lead.personId,
              kind: OKR_NOTIFICATION_KINDS.alert,
              key: `${OKR_NOTIFICATION_KINDS.alert}:${windowId}:${kr.id}:${to}${row.confidenceScore ?? ''}:${lead.personId}`,
              message: deps.messages.alert(
                {
                  keyResult: { ...kr, lastConfidence: to, lastConfidenceScore: row.confidenceScore },
                  department: detail.department,
                  owner,
                  from: kr.lastConfidence,
                  to,
                  fromScore: kr.lastConfidenceScore,
                  toScore: row.confidenceScore,
                  comment: row.comment,
                },
                lead.locale,
              ),
            });
      }
      return {
        saved: rows.length,
        late: rows.some((r) => r.late),
        blockers: rows.flatMap((row) => {
          const kr = byId.get(row.keyResultId);
          return kr && row.blockers ? [{ keyResult: kr, blockers: row.blockers }] : [];
        }),
      };
    },
  };
}
