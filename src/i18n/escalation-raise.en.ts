/** Raising an escalation: the modal (from /escalate or the "Escalate this" shortcut) and its answer. */
export const escalationRaiseEn = {
  modal: {
    title: 'Raise an escalation',
    submit: 'Raise',
    close: 'Cancel',
    intro:
      'An escalation asks the leads of the departments involved for a decision by a deadline. If they miss it, it moves up to their heads, then to an executive.',
    quoted: 'From the message by {author}:',
    quotedNoAuthor: 'From the message:',
    titleLabel: 'Title',
    titleHint: 'One line the leads will recognise, e.g. “Stock for Friday’s live show”.',
    blocked: 'What is blocked',
    raiserDepartment: 'Your department',
    raiserDepartmentHint: 'You are in several departments: pick the one this blocks.',
    counterparts: 'Other department(s) involved',
    counterpartsHint: 'The department(s) the decision is needed from or shared with.',
    counterpartsPlaceholder: 'Choose departments',
    impact: 'Impact',
    impactHint: 'What happens, and to whom, if nothing is decided.',
    decisionNeeded: 'Decision needed',
    options: 'Options',
    optionsHint:
      'One option per line. Start the one you recommend with * (e.g. “* Pre-sale from Monday”). Leave empty if you have none.',
    severity: 'Severity',
    severityHint:
      'How long each level has before it moves up. Normal and high count the working time of the people at that level; urgent counts the clock, day or night.',
    wantedBy: 'Wanted by',
    wantedByHint: 'The date the decision is needed by, if there is one. It is shown to everyone involved.',
  },
  severity: {
    NORMAL: 'Normal',
    HIGH: 'High',
    URGENT: 'Urgent',
    NORMALHelp: 'a decision within {sla}',
    HIGHHelp: 'a decision within {sla}',
    URGENTHelp: 'a decision within {sla}; re-pinged every {minutes} minutes until acknowledged',
  },
  sla: {
    workingDay: '1 working day',
    workingDays: '{amount} working days',
    workingHour: '1 working hour',
    workingHours: '{amount} working hours',
    wallMinutes: '{amount} minutes, day or night',
    wallHour: '1 hour, day or night',
  },
  field: {
    title: 'Title',
    blocked: 'What is blocked',
    impact: 'Impact',
    decisionNeeded: 'Decision needed',
    options: 'Options',
  },
  errors: {
    noDepartment:
      'You are not in any department yet, so there is nothing to raise an escalation for: an escalation is always raised by a department. Ask a Liaison admin to add you (`/liaison departments`).',
    notYourDepartment: 'Pick one of your own departments.',
    badSubmission: 'This form could not be read. Close it and start again with `/escalate`.',
  },
  raised:
    '*{esc}* raised: {title}\nLevel {level} is {who}. They must act by *{due}* (your time, {timeZone}). You will get a DM at each step.',
  raisedNoDeadline: '*{esc}* raised: {title}\nLevel {level} is {who}. You will get a DM at each step.',
  who: {
    level1: '{people}, the leads of {departments}',
    level1Nobody:
      'the leads of {departments}, but nobody holds that role yet (an admin can name one with `/liaison departments`)',
    level2: '{people}, the heads of {departments}',
    level2Nobody:
      'the heads of {departments}, but nobody holds that role yet (an admin can name one with `/liaison departments`)',
    level3: 'an executive',
  },
  console: {
    noMessage: 'No message to escalate yet. Post one with `say <text>`, then type `escalate-this`.',
  },
  help: {
    raise:
      '`/escalate` — raise an escalation between your department and another (a form); or use “Escalate this” on a message',
  },
};
