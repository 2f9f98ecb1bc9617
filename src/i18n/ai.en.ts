/** AI summaries, drafted action items and `/liaison ai`: English (merged into en.ts under `ai`). */
export const aiEn = {
  about:
    'Escalation summaries that cite their sources, written by a language model when one is configured, by rules otherwise',
  help: {
    summary:
      '`/escalate summary ESC-12` — a cited summary of an escalation, only for you (or post it in its thread)',
    draft:
      '`/escalate draft ESC-12` (or *Draft action items* on a decided card) — action items drafted from its decision, each sent to its proposed owner to accept, edit or decline',
    status:
      '`/liaison ai` — whether a language model is on, today’s token use and the last failures (admins)',
  },
  writtenBy: {
    model: '_Written by the language model ({model}) from what Liaison holds; every line cites its source._',
    rules: '_Written by Liaison’s rules (no language model){reason}; every line cites its source._',
    reasons: {
      no_model: '',
      over_budget: ': today’s AI budget is used up',
      breaker_open: ': the model failed several times, so it rests for a minute',
      other: ': the model’s answer could not be used',
    },
  },
  summary: {
    title: '*Summary of {esc}* — {title}',
    positions: '*Where each side stands*',
    options: '*Options*',
    risks: '*Risks of waiting*',
    decision: '*Decision*',
    none: '_Nothing recorded._',
    button: 'Summarize',
    postInThread: 'Post in the thread',
    posted: 'Posted the summary of {esc} in its card’s thread.',
    noCard: '{esc} has no card in a channel yet, so there is no thread to post in.',
    usage: 'Try `/escalate summary ESC-12`.',
    notFound: 'There is no {esc} in this workspace.',
    thinking: 'Summarizing {esc}…',
  },
  status: {
    title: '*Language model*',
    on: 'On: {model}. Budget today (UTC): {used} of {budget} tokens in {calls} calls. Circuit: {breaker}.',
    off: 'Off: no `OPENAI_API_KEY` is set, so summaries are written by rules. Token use today: {used}.',
    failures: '*Last failures*',
    failure: '{at} · {prompt} · {outcome}',
    noFailures: 'No failures recorded.',
    adminsOnly: 'Only Liaison admins can see the AI status.',
    breaker: {
      closed: 'closed (normal)',
      open: 'open (rules answer for a minute)',
      'half-open': 'trying again',
    },
  },
  rules: {
    raiserPosition: '{person} ({department}) is blocked: {blocked}',
    proposed: '{person} proposed: {note}',
    rejected: '{person} rejected a proposal: {note}',
    counterpartSilent: '{department} has not stated a position yet.',
    option: 'Option: {label}',
    optionRecommended: 'Option (recommended by the raiser): {label}',
    impact: 'Impact: {impact}',
    waiting: 'Open for {hours} h, now at ladder level {level}.',
    breached: 'The deadline has been missed {count} time(s).',
    decisionNeeded: 'Needed: {text}',
    decided: 'Decided by {person}: {text}',
  },
  proposals: {
    button: 'Draft action items',
    usage: 'Try `/escalate draft ESC-12`.',
    noDecision: '{esc} has no decision yet: action items are drafted from a decision.',
    nothing: 'Nothing to draft from the decision on {esc}.',
    draftedOne:
      'Drafted 1 action item from the decision on {esc}. It was sent to its proposed owner (or the department’s lead) to accept, edit or decline; it is not an action item until they accept.',
    drafted:
      'Drafted {count} action items from the decision on {esc}. Each was sent to its proposed owner (or the department’s lead) to accept, edit or decline; none is an action item until they accept.',
    line: '• {title} — {owner}, due {due} _({refs})_',
    unassigned: 'unassigned',
    sourceEscalation: '{esc} — {title}',
    heading: '*A proposed action item* from {source}',
    fields: '*{title}*\nOwner: {owner} · Department: {department} · Due: {due}\n_Rests on: {refs}_',
    offeredAsLead:
      'Nobody was named as owner, so it was offered to you as a lead of {department}: accept it (it becomes yours, or pick an owner with Edit…) or decline it.',
    accept: 'Accept',
    edit: 'Edit…',
    decline: 'Decline',
    accepted: '✅ Accepted by {person} on {date}: an action item for {owner}, due {due}.',
    declined: '✖️ Declined by {person} on {date}.',
    modal: {
      title: 'Edit and accept',
      submit: 'Accept',
      close: 'Cancel',
      titleField: 'What to do',
      owner: 'Owner',
      due: 'Due date',
    },
    errors: {
      notFound: 'This proposal no longer exists.',
      alreadyAccepted: 'This proposal was already accepted: its action item exists.',
      alreadyDeclined: 'This proposal was already declined.',
      badButton: 'This button is out of date. Nothing was changed.',
      dueInPast: 'Pick a due date from today on.',
      emptyTitle: 'Say what is to be done.',
    },
    rules: {
      carryOut: 'Carry out the decision on {esc}: {text}',
    },
  },
  notes: {
    noModel:
      'Drafting from notes needs a language model, and none is configured here. Record decisions and action items with the agenda’s *Record decision…* buttons.',
    notParticipant:
      'Only the people of {meeting} (its departments, facilitator and delegates) or an admin can draft from its notes.',
    noMeeting: 'There is no meeting with a posted agenda to take notes for. Try `/meeting notes MTG-2`.',
    title: 'Meeting notes',
    submit: 'Draft',
    close: 'Cancel',
    field: 'Notes from {meeting}',
    hint: 'Free-form. Liaison drafts the action items they imply as proposals; each owner accepts, edits or declines. Decisions are recorded with the agenda’s buttons.',
    none: 'Nothing in the notes reads as an action item, so nothing was proposed.',
    drafted:
      'Drafted {count} proposal(s) from the notes of {meeting}; each was sent to its proposed owner (or a lead) to accept, edit or decline.',
    done: 'Done',
  },
};
