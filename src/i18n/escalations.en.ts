/** Escalations: refusals, validation errors and the notices the ladder sends. */
export const escalationsEn = {
  /** One line for the intro of `/liaison help`. */
  about:
    'Escalations between departments: raised from any message, routed up a ladder with deadlines counted in working time, decided and reported each quarter',
  refused: {
    acknowledge:
      'Only the people at the current level of {esc} (or its assignee) can acknowledge it. Nothing was changed.',
    propose:
      'Only the people at the current level of {esc} (or its assignee) can propose a resolution. Nothing was changed.',
    accept:
      'Only the other department at this level, or someone higher up, can accept the proposal on {esc}. Nothing was changed.',
    reject:
      'Only the other department at this level, or someone higher up, can reject the proposal on {esc}. Nothing was changed.',
    escalate:
      'Only whoever raised {esc} or the people at its current level can escalate it now. Nothing was changed.',
    reassign:
      'Only the people at the current level of {esc} or an admin can reassign it. Nothing was changed.',
    resolve:
      'Only the people at the current level of {esc}, an executive or an admin can resolve it. Nothing was changed.',
    reopen:
      'Only whoever raised {esc}, the leads of its departments or an admin can reopen it. Nothing was changed.',
    markForMeeting: 'Only people involved in {esc} can flag it to discuss. Nothing was changed.',
    breach: 'Only Liaison itself moves {esc} up when its deadline passes.',
  },
  errors: {
    invalidTransition: {
      OPEN: 'That is not possible while the escalation is open.',
      ACKNOWLEDGED: 'That is not possible while the escalation is acknowledged.',
      PROPOSED: 'That is not possible while a resolution is proposed.',
      RESOLVED: 'That escalation is already resolved. Reopen it first.',
    },
    notFound: 'There is no {esc} in this workspace.',
    changedMeanwhile: '{esc} changed while you were looking at it. Look again and retry.',
    titleRequired: 'Give the escalation a title.',
    titleTooLong: 'The title can be at most {max} characters.',
    textTooLong: '“{field}” can be at most {max} characters.',
    textRequired: '“{field}” is required.',
    twoDepartments: 'An escalation involves at least two different departments.',
    unknownDepartment: 'One of those departments does not exist or is archived.',
    decisionRequired: 'Write down the decision.',
    noProposal: 'There is no proposal to accept.',
    reasonRequired: 'Say why it is being reopened.',
    alreadyTop: '{esc} is already at the top of the ladder.',
    assigneeUnknown: 'That person is not in this workspace.',
    actionItemsUnavailable: 'Action items cannot be recorded yet; resolve without them.',
  },
  severity: { NORMAL: 'normal', HIGH: 'high', URGENT: 'urgent' },
  status: {
    OPEN: 'open',
    ACKNOWLEDGED: 'acknowledged',
    PROPOSED: 'resolution proposed',
    RESOLVED: 'resolved',
  },
  notice: {
    raised: '{esc} ({severity}) needs you at level {level}: {title}. Please act by {due}.',
    breached: '{esc} moved to level {level}: the SLA passed at {deadline} your time. {title}',
    breachedLate:
      '{esc} moved to level {level}: the SLA passed at {deadline} your time (found late, after downtime). {title}',
    reping: 'Reminder — {esc} (urgent) is still not acknowledged: {title}. Level {level}, due {due}.',
    escalated: '{esc} was escalated to level {level}: {title}. Please act by {due}.',
    acknowledged: '{esc} was acknowledged: {title}',
    proposed: 'A resolution was proposed for {esc}: {title}',
    rejected: 'The proposed resolution for {esc} was rejected: {title}',
    resolved: '{esc} was resolved: {title}',
    reopened: '{esc} was reopened: {title}',
    reassigned: '{esc} was handed to you: {title}',
    markedForMeeting: '{esc} is flagged for its departments to discuss together: {title}',
    noDeadline: 'no deadline',
  },
  command: {
    usage:
      'Usage: `/escalate` (or `/escalate new`) to raise an escalation, `/escalate list [mine|department|open]` or `/escalate search WORDS`.',
    heading: {
      mine: 'Escalations you raised or were handed',
      department: 'Open escalations of your departments',
      open: 'All open escalations',
    },
  },
  help: {
    list: "`/escalate list [mine|department|open]` — escalations you raised or were handed, your departments' open ones, or all open ones, with their deadlines",
    search: '`/escalate search WORDS` — recorded decisions that mention the words',
  },
  search: {
    heading: 'Decisions matching “{query}”',
    empty: 'No decision mentions that yet. Try fewer or other words.',
    line: '{esc} {title} — {decision} ({date})',
  },
  list: {
    empty: 'No open escalations here.',
    line: '{esc} · {severity} · {status} · level {level} · due {due} — {title}',
  },
};
