/** English messages of calendars and absences (merged into en.ts as `calendar`). */
export const calendarEn = {
  help: {
    hours:
      '`/liaison hours [09:30-18:30] [mon-fri]` — your working days and hours (reminders and deadlines count only these)',
    away: '`/liaison away until YYYY-MM-DD [reason]` (or `away YYYY-MM-DD..YYYY-MM-DD`) — you are out of office: no prompts or reminders on those days',
    back: '`/liaison back` — end your absence today',
    calendar: '`/liaison calendar` — the holiday calendar you follow and your next days off',
    use: '`/liaison calendar use cn|us|KEY|none` — choose your calendar (`none`: follow your department’s or the workspace’s)',
    add: '`/liaison calendar add KEY YYYY-MM-DD holiday|workday [name] [--based-on cn|us]` — add a date to a calendar (created if new)',
    remove: '`/liaison calendar remove KEY YYYY-MM-DD` — remove a date from a calendar',
    default:
      '`/liaison calendar default KEY` — the calendar everyone follows unless their department or they choose another',
    department: '`/liaison calendar department DEPARTMENT CALENDAR` — a department’s calendar',
  },
  hours: {
    current:
      'You work *{days}*, *{start}–{end}* ({timeZone}). Change with `/liaison hours 09:30-18:30 mon-fri`.',
    changed: 'From now on you work *{days}*, *{start}–{end}* ({timeZone}).',
  },
  away: {
    recorded: 'You are away *{from}* – *{to}*. Liaison will not prompt or remind you on those days.',
    reason: 'Reason: {reason}',
    replaced: 'This replaces your earlier absence {ranges}.',
    back: 'Welcome back — your absence ({from} – {to}) ended today.',
    notAway: 'You were not away today, so there was nothing to end.',
  },
  view: {
    fallback: 'Your calendar: {calendar}',
    title: 'Your calendar',
    followsOwn: 'You follow *{calendar}* — your own choice.',
    followsDepartment: 'You follow *{calendar}* — the calendar of your department {department}.',
    followsWorkspace: 'You follow *{calendar}* — the workspace default.',
    followsNone:
      'You follow no holiday calendar: only your weekly days off apply. Choose one with `/liaison calendar use cn` or `us`.',
    upcomingHeading: '*Your next days off* (from {today})',
    holiday: '• {date} — holiday: {name}',
    holidayUnnamed: '• {date} — holiday',
    weekend: '• {date} — weekend',
    makeUpWorkday: '• {date} — *make-up workday* ({name}): a working day',
    makeUpWorkdayUnnamed: '• {date} — *make-up workday*: a working day',
    nothingAhead: 'No days off in the next year.',
    notCovered:
      ':warning: Official holidays for this calendar are known up to {year}; later dates show weekends only until Liaison’s holiday data is updated.',
    source:
      'China: statutory holidays and make-up workdays as published by the State Council. US: federal holidays, observed on the nearest weekday.',
  },
  changed: {
    use: 'From now on you follow *{calendar}*.',
    useNone: 'You no longer have a calendar of your own. {follows}',
    dateAddedHoliday: '{date} is now a holiday in *{calendar}*{name}.',
    dateAddedWorkday: '{date} is now a working day in *{calendar}*{name}.',
    created: 'Created the calendar *{calendar}*{basedOn}.',
    basedOn: ', based on {region}',
    dateRemoved:
      '{date} was removed from *{calendar}*; the date follows the calendar’s region or weekly pattern again.',
    defaultSet: 'Everyone who has not chosen otherwise now follows *{calendar}*.',
    departmentSet: 'The department {department} now follows *{calendar}*.',
  },
  regions: {
    CN: 'China',
    US: 'United States',
  },
  errors: {
    badHours:
      '“{text}” is not a working time. Write it like `09:30-18:30` or `09:00-17:00 sun-thu` (at least one hour, ending after it starts).',
    usage: 'That is not how this command works. Usage: {usage}',
    inPast: 'That date is in the past (today is {today}). Choose today or a later date.',
    endBeforeStart: 'The absence ends ({to}) before it starts ({from}).',
    tooLong: 'An absence can be at most {max} days long. Is the year right?',
    notFound:
      'There is no calendar “{key}”. Built-in ones are `cn` and `us`; an admin can create others with `/liaison calendar add`.',
    adminOnly: 'Only a workspace admin can change calendars for others. Nothing was changed.',
    badKey: '“{key}” cannot be a calendar key: use up to 40 lower-case letters, digits, `-` or `_`.',
    basedOnConflict:
      'The calendar “{key}” already exists, based on {region}; `--based-on` only applies when a calendar is created.',
    dateNotFound: 'The calendar “{key}” has no date {date} of its own to remove.',
    departmentNotFound: 'There is no department “{department}”.',
  },
} as const;
