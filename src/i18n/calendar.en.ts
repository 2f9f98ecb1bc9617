/** English messages of calendars and absences (merged into en.ts as `calendar`). */
export const calendarEn = {
  /** One line for the intro of `/liaison help`. */
  about: 'Working hours, holidays and absences, so deadlines count only working time',
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
    list: '`/liaison calendar list` — every calendar: how far its holiday data goes, and who follows it',
    notice:
      '`/liaison calendar notice [KEY]` — add a year by pasting the State Council’s holiday notice (to `cn` unless you name another calendar)',
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
  coverage: {
    through: 'Holiday data known through {date}',
    rule: 'Holiday data computed by rule for any year',
    none: 'No holiday dates added yet: only weekends are days off',
    left: '{count} days left',
    leftOne: '1 day left',
    endsToday: 'ends today',
    ended: 'already ended',
    listTitle: 'Calendars',
    listFallback: 'Calendars: {count}',
    listIntro:
      'How far each calendar’s holidays are known (today is {today}). Admins are warned {days} days before a calendar in use runs out.',
    listItem: '*{calendar}*',
    usedBy: 'Used by: {uses}',
    unused: 'Not in use',
    usedWorkspace: 'the workspace default',
    usedDepartments: 'departments {departments}',
    usedPeople: '{count} people',
    usedPeopleOne: '1 person',
    usedSchedules: '{count} schedules',
    usedSchedulesOne: '1 schedule',
    separator: ' · ',
    listSeparator: ', ',
    warning:
      ':warning: Holiday data for *{calendar}* ends {date} ({left}); after that its holidays count as working days.',
    addYear: 'Add the next year: `/liaison calendar notice {key}`',
    pastEscalation: '• ESC-{number} {title}: deadline {when}, past the holiday data of {calendar}',
    pastSchedule: '• Schedule *{name}*: next run {when}, past the holiday data of {calendar}',
    pastHeading: '*Already past the holiday data:*',
    homeTitle: 'Holiday data',
    homeEmpty: '_Every calendar in use has holiday data for more than the next 60 days._',
    dmFallback: 'Holiday data for {calendar} ends {date}',
    dmTitle: ':warning: *Holiday data for {calendar} ends {date}* ({left}).',
    dmBody:
      'After that date Liaison treats the calendar’s public holidays as ordinary working days, so SLA deadlines, reminders and schedules could fall on them.',
    dmHowToAdd:
      'When the State Council publishes the next year’s holiday notice (usually in November), paste it with `/liaison calendar notice {key}`; single dates can be added with `/liaison calendar add`.',
    scheduleMark:
      ':warning: *Past holiday data* — the next run is after {date}, the end of the holidays known for {calendar}',
  },
  notice: {
    modalTitle: 'Add a year of holidays',
    preview: 'Preview',
    cancel: 'Cancel',
    intro:
      'Paste the State Council’s notice “国务院办公厅关于20XX年部分节假日安排的通知” as published, title included. Liaison reads its days off (放假) and make-up workdays (上班) for *{calendar}* and shows them to you before anything is stored.',
    label: 'The notice',
    previewTitle: 'Check the holidays',
    confirm: 'Add to calendar',
    heading:
      '*{year}* for *{calendar}*, from the State Council’s notice — days off: *{daysOff}*, make-up workdays: *{workdays}*.',
    item: '• *{name}* — days off ({count}): {ranges}',
    itemWorkdays: '    make-up workdays ({count}): {dates}',
    unnamed: 'Unnamed',
    range: '{from} – {to}',
    listSeparator: ', ',
    replaces: 'Dates the calendar already has on these days are replaced. Cancel changes nothing.',
    allRead: 'Every holiday line of the notice was understood.',
    problemsHeading:
      ':warning: *Lines not understood ({count})* — they will not be added. Correct the text and paste it again, or add those dates with `/liaison calendar add`:',
    problem: '• “{line}” — {why}',
    moreProblems: '…and {count} more',
    problems: {
      unreadable: 'no days off (放假) or working days (上班) could be read',
      badDate: '“{text}” is not a date in {year}',
      weekday: '“{text}”: the notice says {said}, which is not its weekday in {year} — is the year right?',
      count: 'it says {said} days, but its dates make {counted}',
      endBeforeStart: '“{text}” ends before it starts',
      tooLong: '“{text}” is longer than a month',
      conflict: '{text} would be both a day off and a working day',
    },
    doneTitle: 'Holidays added',
    failedTitle: 'Nothing added',
    done: 'Done',
    added:
      'Added *{year}* to *{calendar}* — days off: {daysOff}, make-up workdays: {workdays}. Deadlines and reminders count them from now on.',
    failed: 'Nothing was added: {reason}',
    errors: {
      noYear:
        'No year found. Paste the whole notice, including its title “国务院办公厅关于20XX年部分节假日安排的通知”.',
      nothingRead:
        'No holiday line of the {year} notice could be read. Lines look like “一、元旦：1月1日（周五）至3日（周日）放假，共3天。”',
      tooMany: 'The notice names more dates than one form can carry. Paste it in two parts.',
      invalid:
        'This form changed on its way back, so nothing was added. Paste the notice again with `/liaison calendar notice`.',
    },
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
