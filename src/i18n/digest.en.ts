/** The managers' digest: `/liaison digest`, the DM, its sections and the risk summary. */
export const digestEn = {
  about:
    'A weekly or daily digest for executives, heads and leads: escalations waiting, breached and decided, overdue action items, and a risk summary citing each item',
  help: '`/liaison digest` — your managers’ digest (executives, heads, leads): `weekly mon 09:00`, `daily 08:30`, `off`, or `now`',
  setting: {
    weekly: 'Your digest comes every *{weekday}* at *{time}* ({timeZone}).',
    daily: 'Your digest comes every day at *{time}* ({timeZone}).',
    off: 'Your digest is *off*. Turn it on with `/liaison digest weekly mon 09:00` or `/liaison digest daily 08:30`.',
    next: 'Next one: {when}.',
    howTo:
      'Change it with `/liaison digest weekly <day> <HH:MM>`, `/liaison digest daily <HH:MM>` or `/liaison digest off`; `/liaison digest now` sends one now.',
    saved: 'Saved.',
  },
  now: {
    queued: 'Your digest is on its way to your DMs.',
    held: 'Your digest is queued; it arrives {when}, after your quiet hours or snooze.',
    muted: 'You muted digests, so none was sent. `/liaison unmute digest.managers` turns them back on.',
    already: 'A digest was sent to you a moment ago; look in your DMs.',
  },
  weekdays: {
    '1': 'Monday',
    '2': 'Tuesday',
    '3': 'Wednesday',
    '4': 'Thursday',
    '5': 'Friday',
    '6': 'Saturday',
    '7': 'Sunday',
  },
  message: {
    titleWeekly: 'Your weekly digest — week to {date}',
    titleDaily: 'Your daily digest — {date}',
    fallback: '{title}: {count} items need your attention.',
    for: 'For {departments}',
    more: '…and {count} more',
    nothing: 'Nothing needs you in this period.',
    riskTitle: '*Risk summary*',
    riskNone: 'No open risks in your departments.',
    byRules: 'Written by rules from the items above (no AI model involved); each line cites its items.',
    byModel:
      'Drafted by an AI model from the items above; each line cites its items. Check them before acting.',
  },
  duration: {
    hours: '{count} h',
    days: '{count} days',
  },
  risk: {
    act: 'Act now: {text} — waiting {waiting}.',
    atRisk: 'At risk: {text} — waiting {waiting}.',
    soon: 'Coming up: {text}.',
    info: 'For information: {text}.',
    moreEscalations: '{count} more escalations like these (longest waiting {waiting})',
    moreActionItems: '{count} more action items like these (longest waiting {waiting})',
    moreItems: '{count} more items like these (longest waiting {waiting})',
  },
  sections: {
    escalations: {
      title: 'Escalations',
      waiting: 'Waiting on you',
      waitingEmpty: 'Nothing waits on you.',
      breached: 'Past their deadline',
      breachedEmpty: 'No breached deadlines.',
      decided: 'Decided this period',
      decidedEmpty: 'No decisions this period.',
      line: '{ref} {title} — {severity}, level {level}, open {waiting}',
      decidedLine: '{ref} {title} — {decision}',
      fact: '{ref} “{title}”: {severity}, level {level}{breached}',
      factBreached: ', deadline passed',
      severity: { NORMAL: 'normal', HIGH: 'high', URGENT: 'urgent' },
    },
    actionItems: {
      title: 'Action items in your departments',
      overdue: 'Overdue',
      overdueEmpty: 'Nothing overdue.',
      dueSoon: 'Due soon',
      dueSoonEmpty: 'Nothing due soon.',
      line: '{title} — {owner}, {department}, due {due}',
      factOverdue: 'Action item “{title}” ({owner}, {department}) overdue since {due}',
      factDueSoon: 'Action item “{title}” ({owner}, {department}) due {due}',
      noDepartment: 'no department',
    },
  },
  errors: {
    badSetting:
      'I could not read “{input}”. Try `/liaison digest weekly mon 09:00`, `/liaison digest daily 08:30`, `/liaison digest off` or `/liaison digest now`.',
    notEligible:
      'The managers’ digest is for executives, heads and leads of a department, and you are not one yet. Your own items are on your Home tab and in `/liaison actions`.',
  },
};
