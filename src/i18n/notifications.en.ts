/** English messages of the notification budget and delivery (catalog section `notifications`). */
export const notificationsEn = {
  /** One line for the intro of `/liaison help`. */
  about: 'Notifications that respect your quiet hours and daily limit, with mutes and snoozes',
  help: {
    show: '`/liaison notifications` — your quiet hours, daily limit, mutes and snoozes',
    quiet:
      '`/liaison quiet 21:30-08:00` or `/liaison quiet off` — no notifications in those hours (your time)',
    mute: '`/liaison mute <kind>` / `/liaison unmute <kind>` — turn a kind of notification off or on',
    snooze:
      '`/liaison snooze 30m | 2h | until 14:00 | until 2026-12-01 09:00` — hold all notifications until then',
  },
  settings: {
    fallback: 'Your notification settings',
    title: 'Your notifications',
    quiet: '*Quiet hours*\n{start}–{end} ({timeZone})',
    quietDefault: '*Quiet hours*\n{start}–{end} ({timeZone}, the default)',
    quietOff: '*Quiet hours*\noff',
    cap: '*Daily limit*\n{cap} a day; the rest waits for one summary. Urgent ones always come through.',
    muted: '*Muted*\n{kinds}',
    snoozed: '*Snoozed*\n{snoozes}',
    snoozeAll: 'everything until {until}',
    snoozeKind: '`{kind}` until {until}',
    hint: 'Change with `/liaison quiet`, `/liaison mute`, `/liaison unmute`, `/liaison snooze`.',
  },
  done: {
    quietSet: 'Quiet hours set: {start}–{end} ({timeZone}). What arrives then waits for one summary.',
    quietOff: 'Quiet hours are off. Notifications come when they are sent.',
    muted: 'Muted `{kind}`. `/liaison unmute {kind}` turns it back on.',
    unmuted: '`{kind}` is on again.',
    notMuted: '`{kind}` was not muted.',
    snoozed: 'Snoozed until {until}. What comes meanwhile waits for one summary.',
  },
  buttons: {
    snoozeHour: 'Snooze 1 hour',
    muteKind: 'Mute this kind',
    snoozedUntil: ':zzz: Snoozed until {until}. It comes back then.',
    mutedKind: ':no_bell: Muted `{kind}`. `/liaison unmute {kind}` turns it back on.',
  },
  digest: {
    fallback: 'While you were away: {count} notifications',
    title: 'While you were away',
    intro: '{count} notifications waited for you:',
    more: '… and {count} more',
  },
  errors: {
    quietUsage:
      'Tell me the hours as `/liaison quiet 21:30-08:00` (24-hour clock, your time) or `/liaison quiet off`.',
    muteUsage: 'Tell me which kind: `/liaison {verb} <kind>`. Kinds: {kinds}.',
    unknownKind: 'I do not know the notification kind `{kind}`. Kinds: {kinds}.',
    snoozeUsage:
      'Tell me how long: `/liaison snooze 30m`, `2h`, `until 14:00` or `until 2026-12-01 09:00` (your time).',
    snoozeInPast: '{until} has already passed. Pick a time ahead.',
    snoozeTooLong: 'A snooze can last up to 30 days.',
    notYours: 'This notification is for someone else, so its buttons are not yours to press.',
    unknownNotification: 'I cannot find that notification any more.',
  },
} as const;
