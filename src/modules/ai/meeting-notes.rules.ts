import type { AccessSubject } from '../access/access.types.js';
import { DEFAULT_DUE_WORKING_DAYS, MAX_PROPOSALS_PER_DRAFT } from '../proposals/proposals.rules.js';
import type { MeetingNotesSource } from './action-item-drafts.types.js';
import type { CitableFact } from './escalation-summary.types.js';

/** The most note lines one draft reads. */
const NOTE_LINES_MAX = 80;
const LINE_MAX = 600;

export const meetingRefOf = (source: MeetingNotesSource) => `MTG-${source.seriesNumber}`;

/**
 * Who may turn notes into proposals for a meeting (they are DM'd to its leads): someone in a
 * taking-part department, its facilitator, a delegate, or an admin.
 */
export function mayTakeNotesFor(subject: AccessSubject, source: MeetingNotesSource): boolean {
  if (subject.isAdmin || source.facilitatorPersonId === subject.personId) return true;
  if (source.delegatePersonIds.includes(subject.personId)) return true;
  const taking = new Set(source.departments.map((d) => d.id));
  return subject.memberships.some((m) => taking.has(m.departmentId));
}

/** The notes as cited facts: one per non-empty line, `MTG-2/N3` for the third. */
export function noteFacts(source: MeetingNotesSource, notes: string): CitableFact[] {
  const ref = meetingRefOf(source);
  const lines = notes
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .slice(0, NOTE_LINES_MAX);
  return [
    {
      ref,
      text: `Meeting: ${source.title} on ${source.plannedOn}; departments: ${source.departments.map((d) => d.nameEn).join(', ')}`,
    },
    ...lines.map((line, i) => ({
      ref: `${ref}/N${i + 1}`,
      text: line.length > LINE_MAX ? `${line.slice(0, LINE_MAX)}…` : line,
    })),
  ];
}

const ACTION_MARKER =
  /^(?:[-*•]\s*)?(?:\[\s?\]\s*|(?:action(?:\s+item)?|todo)\s*[:：]\s*|(?:行动项?|待办)\s*[:：]\s*)/i;

/**
 * Notes by rules (when the model's answer cannot be used): the lines marked as actions
 * ("Action: …", "TODO …", "- [ ] …", "行动项：…"), unassigned, due in the default days.
 */
export function draftFromNotesByRules(facts: readonly CitableFact[]) {
  return {
    items: facts
      .filter((fact) => fact.ref.includes('/N') && ACTION_MARKER.test(fact.text))
      .map((fact) => ({
        title: fact.text.replace(ACTION_MARKER, '').slice(0, 200),
        owner: '',
        dueInWorkingDays: DEFAULT_DUE_WORKING_DAYS,
        refs: [fact.ref],
      }))
      .filter((item) => item.title.length >= 3)
      .slice(0, MAX_PROPOSALS_PER_DRAFT),
  };
}
