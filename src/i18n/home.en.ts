/** The Home tab: English messages (merged into en.ts under `home`). */
export const homeEn = {
  fallback: 'Liaison home',
  title: 'Welcome to Liaison, {name}',
  intro:
    'Your dashboard: your departments and role, and what needs you. It refreshes when something of yours changes.',
  tryHelp: 'Type `/liaison help` in any channel to see what you can do.',
  roles: '*Your roles:* {roles}',
  updated: 'Updated {when}',
  more: '…and {count} more',
  unavailable: '_This section could not be loaded just now; it comes back on the next refresh._',
  sections: {
    actionItems: {
      title: 'My action items',
      empty:
        '_No action items — when one is assigned to you (for example when an escalation is resolved), it appears here with its due date._',
    },
    escalations: {
      title: 'Escalations I own or must act on',
      empty: '_No escalations need you — ones you own, or that wait on your department, appear here._',
    },
  },
  admin: {
    title: 'Workspace (admins)',
    departments: '*Departments*\n{count}',
    people: '*People*\n{count} active',
    lastSync: '*Last directory sync*\n{when} — {status}',
    neverSynced: '*Last directory sync*\nnot yet',
    syncStatus: {
      RUNNING: 'running',
      SUCCEEDED: 'done',
      FAILED: 'failed',
    },
  },
};
