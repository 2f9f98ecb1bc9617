/** Directory sync's English messages (merged into en.ts under `directory`). */
export const directoryEn = {
  help: {
    sync: '`/liaison sync` / `/liaison sync status` — read people from the Slack directory now, or see the last sync (admins)',
  },
  sync: {
    started: "Syncing the directory… I'll DM you when done.",
    resumed: "Resuming the interrupted directory sync after page {pages}… I'll DM you when done.",
    busy: 'A directory sync is already running (started {started}, {pages} pages so far). `/liaison sync status` shows its progress.',
    notInstalled:
      'Liaison cannot reach this workspace in Slack right now (it is not installed here), so nothing was synced.',
    usage: '`/liaison sync` reads the directory from Slack now; `/liaison sync status` shows the last sync.',
  },
  status: {
    none: 'No directory sync has run yet. `/liaison sync` starts one; after that it runs every night.',
    running:
      ':arrows_counterclockwise: A directory sync is running: {pages} pages, {seen} people read so far (started {started}).',
    succeeded:
      ':white_check_mark: Last directory sync finished {finished} in {duration}: {seen} people — {created} new, {updated} updated, {deactivated} deactivated.',
    failed:
      ':warning: The last directory sync stopped {finished} after {pages} pages: {error}. `/liaison sync` resumes it where it stopped.',
    daily:
      'The directory is also refreshed every night, and at once when Slack reports a new or changed account.',
  },
  summary: {
    fallback: 'Directory sync finished: {created} new, {updated} updated, {deactivated} deactivated',
    failedFallback: 'Directory sync stopped: {error}',
    succeeded:
      ':white_check_mark: *Directory sync finished* in {duration}: {seen} people read from Slack — {created} new, {updated} updated, {deactivated} deactivated.',
    notListed:
      '{count} people Liaison knows were not in Slack’s list; they were left as they are (only Slack deactivating an account deactivates it here).',
    failed:
      ':warning: *Directory sync stopped* after {pages} pages: {error}. `/liaison sync` resumes it where it stopped.',
  },
  duration: {
    seconds: '{seconds} s',
    minutes: '{minutes} min {seconds} s',
  },
  flag: {
    fallback: '{name} was deactivated in Slack',
    deactivated: ':bust_in_silhouette: *{name}* was deactivated in Slack.',
    roles: 'They were {roles}.',
    roleOf: '{role} of {department}',
    separator: ', ',
    openItems: 'Open items:',
    noOpenItems: 'No open items.',
  },
  openItems: {
    departmentWithoutLead: '{department} has no lead now — they were its lead',
    departmentWithoutHead: '{department} has no head now — they were its head',
    cancelledMessage: '1 Liaison message waiting for them was cancelled',
    cancelledMessages: '{count} Liaison messages waiting for them were cancelled',
  },
};
