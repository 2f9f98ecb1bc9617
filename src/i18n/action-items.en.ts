/** Action items: reminders, the DM buttons, `/liaison actions`, the Home section. */
export const actionItemsEn = {
  /** One line for the intro of `/liaison help`. */
  about: 'Action items with an owner and a due date, with reminders before and after',
  status: {
    OPEN: 'open',
    DONE: 'done',
    CANCELLED: 'cancelled',
    OVERDUE: 'overdue',
  },
  reminder: '*Reminder:* “{title}” is due {due}.',
  overdue: '*Overdue:* “{title}” was due {due}. Mark it done, give it a new date, or cancel it.',
  line: '• {title} — due {due}',
  lineOverdue: '• {title} — *overdue* since {due}',
  buttons: {
    done: 'Done',
    redate: 'Re-date',
    cancel: 'Cancel',
    plusDay: '+1 working day',
    plusDays: '+{days} working days',
  },
  after: {
    done: '✅ Done: “{title}”',
    cancelled: '✖️ Cancelled: “{title}”',
    redated: '📅 Now due {due}: “{title}”',
  },
  list: {
    fallback: 'Your action items',
    title: '*Your action items* ({count})',
    empty:
      'You have no open action items. Items assigned to you (e.g. when an escalation is resolved) appear here.',
  },
  openItem: 'Open action item: {title} (due {due})',
  help: '`/liaison actions` (or `todo`) — your open and overdue action items, with Done and Re-date buttons',
  errors: {
    badWorkingDays: 'Give between 1 and {max} working days.',
    badTitle: 'An action item needs a title of at most {max} characters.',
    notFound: 'That action item no longer exists.',
    alreadyClosed: 'That action item is already closed. Nothing was changed.',
    changedMeanwhile: 'Someone changed that action item just now. Look again and retry.',
    badButton: 'That button is no longer valid. Try `/liaison actions`.',
  },
};
