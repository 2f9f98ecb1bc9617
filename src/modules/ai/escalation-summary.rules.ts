import type { Translate } from '../../i18n/catalog.js';
import type {
  CitableFact,
  CitedLine,
  EscalationSummary,
  EscalationSummarySource,
  SummaryAudience,
} from './escalation-summary.types.js';

/** The most characters one fact line carries to the model. */
const FACT_MAX = 1_200;
const clip = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > FACT_MAX ? `${line.slice(0, FACT_MAX)}…` : line;
};

const escRef = (source: EscalationSummarySource) => `ESC-${source.escalation.number}`;
const eventRef = (source: EscalationSummarySource, index: number) => `${escRef(source)}/E${index + 1}`;
const decisionRef = (source: EscalationSummarySource, index: number) => `${escRef(source)}/D${index + 1}`;

/**
 * What the model is given, one cited fact per line. The source message's text goes only
 * into a summary for the asker alone: it may come from a private channel, and a thread
 * summary is read by a whole department channel.
 */
export function escalationFacts(source: EscalationSummarySource, audience: SummaryAudience): CitableFact[] {
  const e = source.escalation;
  const ref = escRef(source);
  const departments = source.departments
    .map((d) => `${d.nameEn} (${d.role === 'RAISER' ? 'raised it' : 'asked to act'})`)
    .join(', ');
  const facts: CitableFact[] = [
    { ref, text: `Title: ${e.title}` },
    { ref, text: `Departments: ${departments}; raised by ${e.raisedBy} on ${e.createdAt.toISOString()}` },
    { ref, text: `What is blocked: ${e.blocked}` },
    { ref, text: `Impact: ${e.impact}` },
    { ref, text: `Decision needed: ${e.decisionNeeded}` },
    {
      ref,
      text: `Severity ${e.severity}, status ${e.status}, ladder level ${e.level}${
        e.slaDueAt ? `, must be acted on by ${e.slaDueAt.toISOString()}` : ''
      }${e.wantedBy ? `, wanted by ${e.wantedBy}` : ''}`,
    },
    ...e.options.map((option, i) => ({
      ref,
      text: `Option ${i + 1}: ${option.label}${option.recommended ? ' (recommended by the raiser)' : ''}`,
    })),
    ...(e.proposal ? [{ ref, text: `Current proposal by ${e.proposedBy ?? 'someone'}: ${e.proposal}` }] : []),
    ...(e.markedForMeetingReason ? [{ ref, text: `Marked for a meeting: ${e.markedForMeetingReason}` }] : []),
    ...source.events.map((event, i) => ({
      ref: eventRef(source, i),
      text: `${event.at.toISOString()} ${event.type}${event.actor ? ` by ${event.actor}` : ''}${
        event.note ? `: ${event.note}` : ''
      }`,
    })),
    ...source.decisions.map((decision, i) => ({
      ref: decisionRef(source, i),
      text: `Decision by ${decision.decidedBy} on ${decision.at.toISOString()}: ${decision.text}`,
    })),
    ...(audience === 'private' && source.source.quote
      ? [{ ref: `${ref}/SRC`, text: `The Slack message it was raised from: ${source.source.quote}` }]
      : []),
  ];
  return facts.map((fact) => ({ ref: fact.ref, text: clip(fact.text) }));
}

/** The facts as the prompt's data: "[REF] text" per line. */
export function factLines(facts: readonly CitableFact[]): string {
  return facts.map((fact) => `[${fact.ref}] ${fact.text}`).join('\n');
}

const HOUR = 3_600_000;

/**
 * The same summary by rules, in the reader's language: each side's position, the options,
 * the risks of waiting (impact, time waited, SLA breaches) and the decision needed or taken.
 */
export function summarizeEscalationByRules(
  source: EscalationSummarySource,
  t: Translate,
  now: Date,
  departmentName: (d: { nameEn: string; nameZh: string }) => string,
): EscalationSummary {
  const e = source.escalation;
  const ref = escRef(source);
  const line = (text: string, refs: string[]): CitedLine => ({ text: clip(text), refs });
  const raiser = source.departments.find((d) => d.role === 'RAISER');
  const positions: CitedLine[] = [
    line(
      t('ai.rules.raiserPosition', {
        person: e.raisedBy,
        department: raiser ? departmentName(raiser) : '—',
        blocked: e.blocked,
      }),
      [ref],
    ),
  ];
  source.events.forEach((event, i) => {
    if ((event.type === 'proposed' || event.type === 'rejected') && event.note) {
      const key = event.type === 'proposed' ? 'ai.rules.proposed' : 'ai.rules.rejected';
      positions.push(line(t(key, { person: event.actor ?? '—', note: event.note }), [eventRef(source, i)]));
    }
  });
  for (const department of source.departments.filter((d) => d.role === 'COUNTERPART')) {
    if (!source.events.some((event) => event.type === 'proposed' || event.type === 'rejected'))
      positions.push(
        line(t('ai.rules.counterpartSilent', { department: departmentName(department) }), [ref]),
      );
  }
  const options = e.options.map((option) =>
    line(t(option.recommended ? 'ai.rules.optionRecommended' : 'ai.rules.option', { label: option.label }), [
      ref,
    ]),
  );
  const risks: CitedLine[] = [line(t('ai.rules.impact', { impact: e.impact }), [ref])];
  if (e.status !== 'RESOLVED') {
    const hours = Math.max(0, Math.round((now.getTime() - e.createdAt.getTime()) / HOUR));
    risks.push(line(t('ai.rules.waiting', { hours, level: e.level }), [ref]));
  }
  const breaches = source.events.flatMap((event, i) =>
    event.type === 'sla_breached' ? [eventRef(source, i)] : [],
  );
  if (breaches.length > 0) risks.push(line(t('ai.rules.breached', { count: breaches.length }), breaches));
  const lastDecision = source.decisions.length - 1;
  const decided = source.decisions[lastDecision];
  const decision =
    e.status === 'RESOLVED' && decided
      ? [
          line(t('ai.rules.decided', { person: decided.decidedBy, text: decided.text }), [
            decisionRef(source, lastDecision),
          ]),
        ]
      : [line(t('ai.rules.decisionNeeded', { text: e.decisionNeeded }), [ref])];
  return { positions, options, risks, decision };
}
