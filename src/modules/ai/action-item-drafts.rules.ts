import type { Translate } from '../../i18n/catalog.js';
import {
  actionSentences,
  DEFAULT_DUE_WORKING_DAYS,
  MAX_PROPOSALS_PER_DRAFT,
} from '../proposals/proposals.rules.js';
import type {
  CandidateOwner,
  DecisionDraftSource,
  DraftedItem,
  ThreadMessage,
} from './action-item-drafts.types.js';
import type { CitableFact } from './escalation-summary.types.js';

const FACT_MAX = 1_200;
const clip = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > FACT_MAX ? `${line.slice(0, FACT_MAX)}…` : line;
};

export const escRefOf = (source: DecisionDraftSource) => `ESC-${source.escalation.number}`;
export const decisionRefOf = (source: DecisionDraftSource) => `${escRefOf(source)}/D`;

/**
 * The department proposals are for when nobody better is named: the one asked to act (the
 * first counterpart), else the raiser's.
 */
export function decidedForDepartment(source: DecisionDraftSource) {
  return source.departments.find((d) => d.role === 'COUNTERPART') ?? source.departments[0];
}

/** What owners are drawn from: departments with their leads and heads (a decision's, a meeting's). */
interface WithLeads {
  departments: readonly {
    id: string;
    nameEn: string;
    leads: readonly { personId: string; name: string; role: 'LEAD' | 'HEAD' }[];
  }[];
}

/** People the model may name: the involved departments' leads and heads, by ref. */
export function candidateOwners(source: WithLeads): CandidateOwner[] {
  const seen = new Set<string>();
  const owners: CandidateOwner[] = [];
  for (const department of source.departments)
    for (const lead of department.leads) {
      if (seen.has(lead.personId)) continue;
      seen.add(lead.personId);
      owners.push({
        ref: `P${owners.length + 1}`,
        personId: lead.personId,
        name: lead.name,
        departmentId: department.id,
        role: lead.role,
      });
    }
  return owners;
}

export function ownerLines(source: WithLeads, owners: readonly CandidateOwner[]): string {
  const name = new Map(source.departments.map((d) => [d.id, d.nameEn]));
  return owners
    .map((o) => `${o.ref}: ${o.name}, ${o.role.toLowerCase()} of ${name.get(o.departmentId) ?? '—'}`)
    .join('\n');
}

/**
 * The facts a draft rests on, one cited line each: the escalation, the decision, the events
 * and — only when given (public channel, scope granted) — the card's thread. The message the
 * escalation was raised from is never included: it may come from a private channel, and the
 * proposals go to other people.
 */
export function decisionFacts(source: DecisionDraftSource, thread: readonly ThreadMessage[]): CitableFact[] {
  const e = source.escalation;
  const ref = escRefOf(source);
  const departments = source.departments
    .map((d) => `${d.nameEn} (${d.role === 'RAISER' ? 'raised it' : 'asked to act'})`)
    .join(', ');
  const facts: CitableFact[] = [
    { ref, text: `Title: ${e.title}` },
    { ref, text: `Departments: ${departments}` },
    { ref, text: `Decision that was needed: ${e.decisionNeeded}` },
    ...e.options.map((label, i) => ({ ref, text: `Option ${i + 1}: ${label}` })),
    ...(source.decision
      ? [
          {
            ref: decisionRefOf(source),
            text: `Decision by ${source.decision.decidedBy} on ${source.decision.at.toISOString().slice(0, 10)}: ${source.decision.text}`,
          },
        ]
      : []),
    ...source.events.map((event, i) => ({
      ref: `${ref}/E${i + 1}`,
      text: `${event.at.toISOString()} ${event.type}${event.actor ? ` by ${event.actor}` : ''}${
        event.note ? `: ${event.note}` : ''
      }`,
    })),
    ...thread.map((message, i) => ({ ref: `${ref}/T${i + 1}`, text: `${message.author}: ${message.text}` })),
  ];
  return facts.map((fact) => ({ ref: fact.ref, text: clip(fact.text) }));
}

/**
 * Drafts by rules: one item per sentence of the decision, for the department asked to act,
 * owned by its lead, due in the default number of working days; each cites the decision.
 */
export function draftFromDecisionByRules(
  source: DecisionDraftSource,
  owners: readonly CandidateOwner[],
  t: Translate,
): { items: { title: string; owner: string; dueInWorkingDays: number; refs: string[] }[] } {
  const decision = source.decision;
  if (!decision) return { items: [] };
  const department = decidedForDepartment(source);
  const lead = owners.find((o) => o.departmentId === department?.id);
  const sentences = actionSentences(decision.text);
  const titles =
    sentences.length > 0
      ? sentences
      : [t('ai.proposals.rules.carryOut', { esc: escRefOf(source), text: decision.text })];
  return {
    items: titles.slice(0, MAX_PROPOSALS_PER_DRAFT).map((title) => ({
      title: title.slice(0, 200),
      owner: lead?.ref ?? '',
      dueInWorkingDays: DEFAULT_DUE_WORKING_DAYS,
      refs: [decisionRefOf(source)],
    })),
  };
}

/**
 * Model (or rules) output to drafted items with receipts enforced: an owner ref not in the
 * candidates becomes nobody, and the department is the owner's, else the one asked to act.
 */
export function resolveDraftedItems(
  items: readonly { title: string; owner: string; dueInWorkingDays: number; refs: string[] }[],
  owners: readonly CandidateOwner[],
  fallbackDepartmentId: string | null,
): DraftedItem[] {
  const byRef = new Map(owners.map((o) => [o.ref, o]));
  return items.map((item) => {
    const owner = byRef.get(item.owner.trim());
    return {
      title: item.title,
      ownerPersonId: owner?.personId ?? null,
      ownerDepartmentId: owner?.departmentId ?? fallbackDepartmentId,
      dueInWorkingDays: item.dueInWorkingDays > 0 ? item.dueInWorkingDays : DEFAULT_DUE_WORKING_DAYS,
      refs: item.refs,
    };
  });
}
