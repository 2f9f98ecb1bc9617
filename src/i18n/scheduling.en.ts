/** Scheduling's English messages (merged into en.ts under `scheduling`). */
export const schedulingEn = {
  help: {
    commandSchedules:
      '`/liaison schedules` — every schedule: next run in your time zone, last run and how it went (admins)',
  },
  errors: {
    adminOnly: 'Only workspace admins can see schedules. Ask an admin if one needs changing.',
    invalid: 'That schedule is not valid: {detail}',
    notFound: 'There is no schedule `{scheduleId}` in this workspace.',
  },
  list: {
    fallback: 'Schedules: {count}',
    title: 'Schedules',
    intro: 'Times are in your time zone, {timeZone}.',
    empty:
      'No schedules yet. Features that run on a schedule (digests, check-in prompts, meetings) add theirs here.',
    heading: '*{name}*  `{kind}`',
    rule: '{rule} ({timeZone})',
    next: 'Next run: {when}',
    nextNone: 'Next run: none',
    overdue: ':hourglass: *Overdue* — due since {when}',
    lastRun: 'Last run: {when} — {outcome}',
    neverRun: 'Last run: never',
    paused: ':double_vertical_bar: *Paused*',
    failing: ':warning: *Failing* — {count} failed runs in a row. Last error: {error}',
    invalidRule: ':warning: *Its rule is no longer valid* — it will not run',
    dateTime: 'ccc d LLL yyyy, HH:mm',
    more: '…and {count} more, not shown.',
  },
  outcomes: {
    RUNNING: 'running',
    SUCCEEDED: 'succeeded',
    FAILED: 'failed',
    SKIPPED: 'skipped',
  },
  recurrence: {
    daily: 'Every day at {time}',
    weekly: 'Every {weekdays} at {time}',
    everyNWeeks: 'Every {interval} weeks on {weekdays} at {time}, from the week of {anchor}',
    everyWeek: 'Every week on {weekdays} at {time}, from the week of {anchor}',
    monthlyDay: 'Monthly on day {day} at {time} (the last day in shorter months)',
    monthlyNth: 'Monthly on the {nth} {weekday} at {time}',
    workdays: 'Every working day at {time}',
    cron: 'Cron `{expression}`',
    skipNonWorking: '{rule}, skipping holidays and weekends',
    separator: ', ',
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
  nth: { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '-1': 'last' },
} as const;
