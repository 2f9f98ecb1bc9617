/** The Home tab: English messages (merged into en.ts under `home`). */
export const homeEn = {
  fallback: 'Liaison home',
  title: 'Welcome to Liaison, {name}',
  intro:
    'Your dashboard: your departments and role, and what needs you. It refreshes when something of yours changes.',
  tryHelp: 'Type `/liaison help` in any channel to see what you can do.',
  roles: '*Your roles:* {roles}',
  updated: 'Updated {when}',
  dateTime: 'ccc d LLL, HH:mm',
  more: '…and {count} more',
  unavailable: '_This section could not be loaded just now; it comes back on the next refresh._',
  sections: {
    actionItems: {
      title: 'My action items',
      empty: '_No action items — when a joint meeting assigns you one, it appears here with its due date._',
    },
    checkIns: {
      title: 'My pending check-ins',
      empty: '_No check-ins waiting — when an OKR check-in is due from you, it appears here._',
    },
    escalations: {
      title: 'Escalations I own or must act on',
      empty: '_No escalations need you — ones you own, or that wait on your department, appear here._',
    },
    kpiHealth: {
      title: 'KPI health',
      empty: "_No KPIs yet — once your departments track KPIs, each one's health appears here._",
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
