import type { DigestAudience, DigestLine, DigestSection } from '../digest/digest-section.types.js';
import { formatWaiting } from '../digest/risk-summary.rules.js';
import type { RiskFact } from '../shared/risk-summary.types.js';
import type { DigestEscalation, EscalationDigestRepository } from './escalation-digest.repository.js';
import { escalationsTiedTo } from './open-escalations.rules.js';

/** Lines shown per group at most; the rest are counted ("and N more"). */
export const ESCALATION_DIGEST_LINES = 10;
/** Open escalations read per reader at most (the longest-open first). */
const OPEN_LIMIT = 1_000;
const HOUR = 3_600_000;

function hoursSince(from: Date, now: Date): number {
  return Math.max(0, (now.getTime() - from.getTime()) / HOUR);
}

/** Past its deadline now, or the ladder already recorded a breach. */
export function isBreached(esc: DigestEscalation, now: Date): boolean {
  return esc.breachRecorded || (esc.slaDueAt !== null && esc.slaDueAt.getTime() <= now.getTime());
}

/** 3 = breached or urgent, 2 = high, 1 = waiting (the RiskFact scale). */
export function escalationSeverity(esc: DigestEscalation, now: Date): number {
  if (isBreached(esc, now) || esc.severity === 'URGENT') return 3;
  return esc.severity === 'HIGH' ? 2 : 1;
}

/**
 * The digest's escalations section: what waits on the reader (they are among its current
 * level's people, or it was handed to them), what is past its deadline in their departments,
 * and what was decided in the period. Every open one is a fact for the risk summary.
 */
export function createEscalationsDigestSection(deps: { repo: EscalationDigestRepository }): DigestSection {
  return {
    id: 'escalations',
    order: 10,
    async load(audience: DigestAudience) {
      const { t, now, workspaceId, personId } = audience;
      const departmentIds = audience.departments.map((d) => d.id);
      const [open, ladder, decided] = await Promise.all([
        deps.repo.openFor({
          workspaceId,
          personId,
          departmentIds,
          executive: audience.roles.includes('executive'),
          limit: OPEN_LIMIT,
        }),
        deps.repo.workspaceLadder(workspaceId),
        deps.repo.decidedBetween({
          workspaceId,
          departmentIds,
          from: audience.period.start,
          to: audience.period.end,
          limit: ESCALATION_DIGEST_LINES,
        }),
      ]);
      const byId = new Map(open.map((esc) => [esc.id, esc]));
      const waiting = escalationsTiedTo(personId, open, ladder)
        .filter((tied) => tied.mustAct)
        .map((tied) => byId.get(tied.id))
        .filter((esc): esc is DigestEscalation => esc !== undefined);
      const breached = open.filter((esc) => isBreached(esc, now));
      const ref = (esc: { number: number }) => `ESC-${esc.number}`;
      const severityLabel = (esc: DigestEscalation) =>
        t(`digest.sections.escalations.severity.${esc.severity}`);
      const line = (esc: DigestEscalation): DigestLine => ({
        ref: ref(esc),
        ...(esc.permalink ? { url: esc.permalink } : {}),
        text: t('digest.sections.escalations.line', {
          ref: ref(esc),
          title: esc.title,
          severity: severityLabel(esc),
          level: esc.level,
          waiting: formatWaiting(hoursSince(esc.createdAt, now), t),
        }),
      });
      const facts: RiskFact[] = [
        ...new Map([...waiting, ...breached].map((esc) => [esc.id, esc])).values(),
      ].map((esc) => ({
        ref: ref(esc),
        kind: 'escalation',
        severity: escalationSeverity(esc, now),
        waitingHours: hoursSince(esc.createdAt, now),
        text: t('digest.sections.escalations.fact', {
          ref: ref(esc),
          title: esc.title,
          severity: severityLabel(esc),
          level: esc.level,
          breached: isBreached(esc, now) ? t('digest.sections.escalations.factBreached') : '',
        }),
        ...(esc.permalink ? { url: esc.permalink } : {}),
      }));
      return {
        title: t('digest.sections.escalations.title'),
        groups: [
          {
            heading: t('digest.sections.escalations.waiting'),
            lines: waiting.slice(0, ESCALATION_DIGEST_LINES).map(line),
            total: waiting.length,
            emptyText: t('digest.sections.escalations.waitingEmpty'),
          },
          {
            heading: t('digest.sections.escalations.breached'),
            lines: breached.slice(0, ESCALATION_DIGEST_LINES).map(line),
            total: breached.length,
            emptyText: t('digest.sections.escalations.breachedEmpty'),
          },
          {
            heading: t('digest.sections.escalations.decided'),
            lines: decided.decisions.map((decision) => ({
              ref: ref(decision),
              text: t('digest.sections.escalations.decidedLine', {
                ref: ref(decision),
                title: decision.title,
                decision: decision.text,
              }),
            })),
            total: decided.total,
            emptyText: t('digest.sections.escalations.decidedEmpty'),
          },
        ],
        facts,
      };
    },
  };
}
