/** `/escalate report` (the joint assessment), the Home section and the deactivation flag for escalations. */
export const escalationReportEn = {
  usage:
    'Usage: `/escalate report [quarter]` — a quarter like `2026-Q4`, `2026Q4`, `Q4` (this year) or `last`; nothing for the current quarter.',
  future:
    '{quarter} has not started yet, so there is nothing to assess. Try the current quarter: `/escalate report`.',
  fallback: 'Joint assessment {quarter} ({from} – {to})',
  header: 'Joint assessment · {quarter}',
  dates: '{from} – {to}',
  scopeAll: 'All departments',
  scopeLed: 'Departments you lead: {departments}',
  nothingLed: 'You do not lead or head a department that is still active.',
  asOfFinal: 'Kept figures of a finished quarter, computed {at} your time.',
  asOfRunning: 'Quarter in progress: figures so far, as of {at} your time.',
  line: '*{department}* — raised {raised} · received {received} · answered within SLA {withinSla} · median time to decision {median} · action items on time {onTime} · check-ins answered {checkIns} · agenda items raised {agendaRaised}, resolved {agendaResolved} · issue-resolution cycle {cycle}',
  cycleVsPrev: '{cycle} (prev {prev}, {change})',
  cycleNoPrev: '{cycle} (prev —)',
  ratio: '{part}/{whole} ({percent}%)',
  none: '—',
  legend:
    'Raised and received: escalations opened this quarter by or against the department. Answered within SLA: of those received, acknowledged or answered by their first deadline. Median time to decision: from raising to the first decision, for decisions this quarter. Action items on time: done by the end of their due day, of those due this quarter that are done or past due. Check-ins answered: of the OKR key-result owners asked in check-in rounds that closed this quarter, those who answered (on time or late). Agenda items: raised for the department at its joint meetings this quarter, and decided or closed this quarter; the issue-resolution cycle is the median time from first raising to decision, against the previous quarter.',
  home: {
    line: '{esc} · {severity} · {status} · level {level} · {title} · {due}',
    due: 'due {at}',
    noDeadline: 'no deadline',
    yourMove: '*waiting on you*',
  },
  openItem: 'Open escalation {esc}: {title}',
  help: '`/escalate report [quarter]` — the joint assessment per department (leads, executives)',
};
