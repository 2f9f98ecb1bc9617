import { resolveLocale, translator } from '../../i18n/catalog.js';
import type { Actor, WorkspaceRole } from '../access/access.types.js';
import type { DeliveryMessage } from '../delivery/delivery.types.js';
import type { Notify, NotifyResult } from '../notifications/notify.service.js';
import type { Clock } from '../shared/clock.types.js';
import { DomainError } from '../shared/domain-error.types.js';
import type { RiskFact, RiskSummarizer, RiskSummary } from '../shared/risk-summary.types.js';
import type { DigestRepository } from './digest.repository.js';
import { type ComposedDigest, DIGEST_MANAGERS_KIND, type DigestReader } from './digest.types.js';
import {
  DEFAULT_DIGEST_SETTING,
  type DigestSetting,
  digestPeriod,
  nextDigestSlot,
  parseDigestRequest,
} from './digest-schedule.rules.js';
import type { DigestAudience, DigestPeriod, DigestSection } from './digest-section.types.js';
import { aggregateRiskFacts, summarizeRisksByRules } from './risk-summary.rules.js';

/** Renders a composed digest as a DM (the Slack view, injected by the feature). */
export type RenderDigest = (digest: ComposedDigest) => DeliveryMessage;

/** What `/liaison digest` shows: the setting in force (the default when none was chosen). */
export interface DigestSettingView {
  setting: DigestSetting;
  nextDueAt: Date | null;
  timeZone: string;
}

export type DigestCommandResult =
  | ({ type: 'shown' } & DigestSettingView)
  | ({ type: 'saved' } & DigestSettingView)
  | { type: 'sent'; notified: NotifyResult };

export interface DigestService {
  /** `/liaison digest [weekly …|daily …|off|now]` for the person asking. */
  command(actor: Actor, args: string): Promise<DigestCommandResult>;
  /** The job: gives eligible people their default setting, then sends every digest that is due. */
  sendDue(
    workspaceId: string,
  ): Promise<{ sent: number; alreadySent: number; failed: number; defaults: number }>;
  /** One digest's content for a reader and a period (what a DM shows). */
  compose(reader: DigestReader, period: DigestPeriod): Promise<ComposedDigest>;
}

/** Risk summary lines at most (each citing its items). */
export const RISK_SUMMARY_ITEMS = 5;
/** Digests sent per job run at most; the rest go on the next run (five minutes later). */
const DUE_PER_RUN = 200;

function rolesOf(reader: DigestReader): WorkspaceRole[] {
  const roles: WorkspaceRole[] = [];
  if (reader.isAdmin) roles.push('admin');
  if (reader.ladder.some((m) => m.role === 'EXECUTIVE')) roles.push('executive');
  if (reader.ladder.some((m) => m.role === 'LEAD' || m.role === 'HEAD')) roles.push('lead');
  roles.push('member');
  return roles;
}

/**
 * The managers' digest: for executives, heads and leads, built from the sections features
 * contribute (src/modules/digest/digest-section.types.ts), with a risk summary citing each
 * item, sent by DM through the notification budget once per person and period.
 */
export function createDigestService(deps: {
  repo: DigestRepository;
  clock: Clock;
  notify: Notify;
  sections: readonly DigestSection[];
  /** The port: the model through the LLM layer, or the rules (the default). */
  summarize?: RiskSummarizer;
  render: RenderDigest;
}): DigestService {
  const sections = [...deps.sections].sort((a, b) => a.order - b.order);
  const summarize = deps.summarize ?? summarizeRisksByRules;

  async function readerOf(actor: Actor): Promise<DigestReader> {
    const reader = await deps.repo.reader(actor.workspaceId, actor.personId);
    if (!reader) throw new Error(`no person ${actor.personId} in workspace ${actor.workspaceId}`);
    return reader;
  }

  function requireEligible(reader: DigestReader): void {
    if (reader.ladder.length === 0)
      throw new DomainError(
        'digest.not_eligible',
        { key: 'digest.errors.notEligible' },
        { detail: `person ${reader.personId} leads no department` },
      );
  }

  async function settingOf(reader: DigestReader): Promise<DigestSettingView> {
    const saved = await deps.repo.subscription(reader.personId);
    const setting = saved?.setting ?? DEFAULT_DIGEST_SETTING;
    const nextDueAt = saved ? saved.nextDueAt : nextDigestSlot(setting, reader.timeZone, deps.clock.now());
    return { setting, nextDueAt, timeZone: reader.timeZone };
  }

  async function summaryOf(locale: string, workspaceId: string, facts: RiskFact[]): Promise<RiskSummary> {
    const request = aggregateRiskFacts({ workspaceId, locale, facts, maxItems: RISK_SUMMARY_ITEMS });
    if (request.facts.length === 0) return { items: [], writtenBy: 'rules' };
    const known = new Set(request.facts.map((fact) => fact.ref));
    try {
      const summary = await summarize(request);
      // Receipts: an item citing nothing that was given is dropped.
      const items = summary.items
        .map((item) => ({ ...item, refs: item.refs.filter((ref) => known.has(ref)) }))
        .filter((item) => item.refs.length > 0);
      return { ...summary, items };
    } catch {
      return summarizeRisksByRules(request);
    }
  }

  async function compose(reader: DigestReader, period: DigestPeriod): Promise<ComposedDigest> {
    const locale = resolveLocale(reader.locale, reader.workspaceLocale);
    const audience: DigestAudience = {
      workspaceId: reader.workspaceId,
      personId: reader.personId,
      roles: rolesOf(reader),
      departments: reader.ladder.map((m) => ({
        id: m.departmentId,
        name: locale === 'zh-CN' ? m.nameZh : m.nameEn,
        role: m.role,
      })),
      locale,
      timeZone: reader.timeZone,
      t: translator(locale),
      period,
      now: deps.clock.now(),
    };
    const contents = [];
    for (const section of sections) {
      const content = await section.load(audience);
      if (content) contents.push({ id: section.id, ...content });
    }
    const facts = contents.flatMap((content) => content.facts);
    return {
      locale,
      timeZone: reader.timeZone,
      period,
      departments: [...new Set(audience.departments.map((d) => d.name))],
      sections: contents,
      summary: await summaryOf(locale, reader.workspaceId, facts),
      factCount: facts.length,
    };
  }

  async function send(reader: DigestReader, period: DigestPeriod, key: string): Promise<NotifyResult> {
    const digest = await compose(reader, period);
    return deps.notify({
      workspaceId: reader.workspaceId,
      personId: reader.personId,
      kind: DIGEST_MANAGERS_KIND,
      key,
      message: deps.render(digest),
    });
  }

  return {
    compose,

    async command(actor, args) {
      const request = parseDigestRequest(args);
      if (!request)
        throw new DomainError(
          'digest.invalid',
          { key: 'digest.errors.badSetting', params: { input: args.trim().slice(0, 80) } },
          { detail: `digest setting ${JSON.stringify(args)}` },
        );
      const reader = await readerOf(actor);
      requireEligible(reader);
      if (request.type === 'show') return { type: 'shown', ...(await settingOf(reader)) };
      const now = deps.clock.now();
      if (request.type === 'now') {
        const { setting } = await settingOf(reader);
        const period = digestPeriod(setting.cadence === 'daily' ? 'daily' : 'weekly', now, reader.timeZone);
        const minute = now.toISOString().slice(0, 16);
        return {
          type: 'sent',
          notified: await send(reader, period, `${DIGEST_MANAGERS_KIND}:${reader.personId}:now:${minute}`),
        };
      }
      const nextDueAt = nextDigestSlot(request.setting, reader.timeZone, now);
      await deps.repo.save({
        workspaceId: reader.workspaceId,
        personId: reader.personId,
        setting: request.setting,
        nextDueAt,
      });
      return { type: 'saved', setting: request.setting, nextDueAt, timeZone: reader.timeZone };
    },

    async sendDue(workspaceId) {
      const now = deps.clock.now();
      const missing = await deps.repo.eligibleWithoutSubscription(workspaceId);
      const defaults = await deps.repo.createMany(
        missing.map(({ personId, timeZone }) => ({
          workspaceId,
          personId,
          setting: DEFAULT_DIGEST_SETTING,
          nextDueAt: nextDigestSlot(DEFAULT_DIGEST_SETTING, timeZone, now),
        })),
      );
      let sent = 0;
      let alreadySent = 0;
      let failed = 0;
      for (const due of await deps.repo.due(workspaceId, now, DUE_PER_RUN)) {
        const reader = await deps.repo.reader(workspaceId, due.personId);
        const next = nextDigestSlot(due.setting, due.timeZone, now);
        if (!reader || reader.ladder.length === 0 || due.setting.cadence === 'off') {
          await deps.repo.advance(due.id, due.nextDueAt, next, null);
          continue;
        }
        // The period is the slot's (a late run still sends last Monday's digest once).
        const period = digestPeriod(due.setting.cadence, due.nextDueAt, due.timeZone);
        let result: NotifyResult;
        try {
          result = await send(
            reader,
            { ...period, end: now },
            `${DIGEST_MANAGERS_KIND}:${reader.personId}:${period.key}`,
          );
        } catch {
          // One reader's digest failing (a section's query) must not hold up the others:
          // their slot stays, so the next run tries again.
          failed += 1;
          continue;
        }
        if (result.created) sent += 1;
        else alreadySent += 1;
        await deps.repo.advance(due.id, due.nextDueAt, next, period.key);
      }
      return { sent, alreadySent, failed, defaults };
    },
  };
}
