/** `/liaison export`: English messages (merged into en.ts under `export`). */
export const exportEn = {
  /** One line for the intro of `/liaison help`. */
  about: 'An export of what Liaison keeps, for you or (admins) the whole workspace',
  help: {
    me: '`/liaison export me [json|csv]` — everything Liaison keeps about you, sent to your DMs as a file',
    workspace:
      '`/liaison export [json|csv]` — the whole workspace: one JSON file or one CSV per table, sent to your DMs (admins)',
  },
  usage:
    'I did not understand `{words}`. Try `/liaison export me`, `/liaison export me csv`, or (admins) `/liaison export json` or `/liaison export csv`.',
  scopeWorkspace: 'the whole workspace',
  scopeMe: 'your own data',
  formatJson: 'JSON',
  formatCsv: 'CSV, one file per table',
  preparing:
    'Preparing your export of {scope} ({format})… it will arrive in your direct messages with Liaison.',
  delivered: 'Your Liaison export of {scope} ({format}): {rows} rows in {tables} tables, made {when} (UTC).',
  historyWindow: 'The audit log and job runs cover the last {days} days.',
  truncated: 'These tables reached the limit of {limit} rows; the newest rows are included: {tables}.',
  part: 'Part {part} of {parts}.',
  failed:
    'Sorry — your export could not be delivered to your direct messages. Nothing was changed; please try again. Reference: `{referenceId}`.',
};
