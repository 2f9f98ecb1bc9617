/** Dates typed or picked by a person, checked by parseCalendarDate, in forms and commands. */
export const datesEn = {
  errors: {
    malformed: '“{text}” is not a date. Write dates as YYYY-MM-DD, for example 2026-12-01.',
    noSuchMonth: '“{text}” is not a date: a year has 12 months.',
    noSuchDay: '“{text}” is not a date: {year}-{month} has {days} days.',
    beforeToday: 'That date is in the past (today is {today}). Choose today or a later date.',
    tooEarly: '{date} is too early. Choose {min} or a later date.',
    tooLate: '{date} is too far ahead. Choose {max} or an earlier date.',
  },
};
