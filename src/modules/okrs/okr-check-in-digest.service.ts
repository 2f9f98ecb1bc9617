import type {
  DigestAudience,
  DigestGroup,
  DigestLine,
  DigestSection,
} from '../digest/digest-section.types.js';
import type { RiskFact } from '../shared/risk-summary.types.js';
import type { CheckInDigestRepository } from './okr-check-in-digest.repository.js';
import { dropsAmong } from './okr-confidence-drops.service.js';

/** Lines per department group at most; the rest are counted ("and N more"). */
export const OKR_DIGEST_LINES = 10;

const hoursSince = (at: Date, now: Date) => Math.max(0, (now.getTime() - at.getTime()) / 3_600_000);

/**
 * The digest's OKR section, for the departments the reader leads or heads: per department,
 * the check-in rounds that closed in the period (owners answered of those asked, who is
 * missing), the confidence drops and the blockers given in the period. Drops to off track
 * are facts of severity 2, other drops and blockers of severity 1. Four queries per reader.
 */
export function createOkrDigestSection(deps: { repo: CheckInDigestRepository }): DigestSection {
  return {
    id: 'okrs',
    order: 30,
    async load(audience: DigestAudience) {
      const led = audience.departments.filter((d) => d.role === 'LEAD' || d.role === 'HEAD');
      if (led.length === 0) return null;
      const { t, period, now } = audience;
      const ids = led.map((d) => d.id);
      const [rounds, answers] = await Promise.all([
        deps.repo.roundsClosingBetween(audience.workspaceId, ids, period.start, period.end),
        deps.repo.answersSince(audience.workspaceId, ids, period.start),
      ]);
      const inPeriod = answers.filter((a) => a.answeredAt.getTime() < period.end.getTime());
      const drops = dropsAmong(inPeriod);
      const blockers = inPeriod.filter((a) => a.blockers);
      if (rounds.length === 0 && inPeriod.length === 0) return null;
      // A score given on the 1–10 scale reads as one ("4/10"), a step as its name.
      const confidence = (c: string | null, score: number | null = null) =>
        score !== null
          ? t('okrs.confidenceScore', { score })
          : c
            ? t(`okrs.confidence.${c}` as 'okrs.confidence.ON_TRACK')
            : '—';
      const facts: RiskFact[] = [];
      const groups: DigestGroup[] = led.map((department) => {
        const own = rounds.filter((r) => r.departmentId === department.id);
        const asked = own.reduce((n, r) => n + r.asked.length, 0);
        const answered = own.reduce(
          (n, r) => n + r.asked.filter((p) => r.answeredPersonIds.includes(p.personId)).length,
          0,
        );
        const missing = [
          ...new Set(
            own.flatMap((r) =>
              r.asked.filter((p) => !r.answeredPersonIds.includes(p.personId)).map((p) => p.displayName),
            ),
          ),
        ];
        const lines: DigestLine[] = [];
        if (missing.length > 0) lines.push({ text: t('okrs.digest.missing', { names: missing.join(', ') }) });
        for (const drop of drops.filter((d) => d.departmentId === department.id)) {
          const ref = `KR-${drop.keyResultNumber}`;
          lines.push({
            ref,
            text: t('okrs.digest.drop', {
              number: drop.keyResultNumber,
              title: drop.keyResultTitle,
              from: confidence(drop.from, drop.fromScore),
              to: confidence(drop.to, drop.toScore),
              owner: drop.owner.displayName,
            }),
          });
          facts.push({
            ref,
            kind: 'okr',
            severity: drop.to === 'OFF_TRACK' ? 2 : 1,
            waitingHours: hoursSince(drop.answeredAt, now),
            text: t('okrs.digest.factDrop', {
              number: drop.keyResultNumber,
              title: drop.keyResultTitle,
              department: department.name,
              to: confidence(drop.to, drop.toScore),
            }),
          });
        }
        for (const answer of blockers.filter((b) => b.departmentId === department.id)) {
          const ref = `KR-${answer.keyResultNumber}`;
          lines.push({
            ref,
            text: t('okrs.digest.blocker', {
              number: answer.keyResultNumber,
              title: answer.keyResultTitle,
              blockers: answer.blockers ?? '',
              owner: answer.owner.displayName,
            }),
          });
          if (!facts.some((f) => f.ref === ref))
            facts.push({
              ref,
              kind: 'okr',
              severity: 1,
              waitingHours: hoursSince(answer.answeredAt, now),
              text: t('okrs.digest.factBlocker', {
                number: answer.keyResultNumber,
                title: answer.keyResultTitle,
                department: department.name,
                blockers: answer.blockers ?? '',
              }),
            });
        }
        return {
          heading:
            own.length > 0
              ? t('okrs.digest.department', { department: department.name, answered, asked })
              : t('okrs.digest.departmentNone', { department: department.name }),
          lines: lines.slice(0, OKR_DIGEST_LINES),
          total: lines.length,
          emptyText: t('okrs.digest.noDrops'),
        };
      });
      return { title: t('okrs.digest.title'), groups, facts };
    },
  };
}
