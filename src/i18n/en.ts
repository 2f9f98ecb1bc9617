import { accessEn } from './access.en.js';
import { actionItemsEn } from './action-items.en.js';
import { adminsEn } from './admins.en.js';
import { aiEn } from './ai.en.js';
import { auditEn } from './audit.en.js';
import { calendarEn } from './calendar.en.js';
import { consoleEn } from './console.en.js';
import { datesEn } from './dates.en.js';
import { departmentsEn } from './departments.en.js';
import { digestEn } from './digest.en.js';
import { directoryEn } from './directory.en.js';
import { escalationCardsEn } from './escalation-cards.en.js';
import { escalationRaiseEn } from './escalation-raise.en.js';
import { escalationReportEn } from './escalation-report.en.js';
import { escalationsEn } from './escalations.en.js';
import { exportEn } from './export.en.js';
import { homeEn } from './home.en.js';
import { kpisEn } from './kpis.en.js';
import { meetingsEn } from './meetings.en.js';
import { notificationsEn } from './notifications.en.js';
import { okrsEn } from './okrs.en.js';
import { schedulingEn } from './scheduling.en.js';

/**
 * English messages. The shape of this object is the catalog: zh-CN must have the same keys
 * (the type checker enforces it) and the same {placeholders} (a test enforces it).
 * Placeholders are filled with already-escaped text by the caller where Slack renders mrkdwn.
 */
export const en = {
  common: {
    appName: 'Liaison',
    /** This catalog's language, for the views that only hold a translator (src/i18n/format.ts). */
    locale: 'en',
    none: 'none',
    yes: 'yes',
    no: 'no',
  },
  roles: {
    MEMBER: 'member',
    LEAD: 'lead',
    HEAD: 'head',
    EXECUTIVE: 'executive',
  },
  help: {
    fallback: 'Liaison help: what Liaison does and the commands you can use.',
    title: 'Liaison — cross-department coordination',
    intro: 'Liaison keeps departments working as one, right here in Slack:',
    summaryLine: '• {summary}',
    commandsHeading: '*Commands you can use now*',
    commandHelp: '`/liaison help` — this message',
    commandWhoami: '`/liaison whoami` — your departments, role, time zone and language',
    language:
      'Liaison answers in your Slack language (English or 简体中文). Change it in Slack under Preferences → Language & region.',
    llmOn: 'AI summaries: on ({model}).',
    llmOff: 'AI summaries: off — Liaison works fully without them, with rule-based summaries.',
  },
  whoami: {
    fallback: 'Who you are to Liaison: {name}',
    title: 'You, as Liaison knows you',
    name: '*Name*\n{name}',
    slackId: '*Slack user*\n<@{userId}>',
    departments: '*Departments*\n{departments}',
    noDepartments: '*Departments*\nYou are not in any department yet. Ask an admin to add you.',
    departmentLine: '• {department} — {role}',
    timeZone: '*Time zone*\n{timeZone}',
    timeZoneDefault: '*Time zone*\n{timeZone} (workspace default — Slack did not tell us yours)',
    locale: '*Language*\n{locale}',
    admin: '*Workspace admin*\n{admin}',
    workspace: 'Workspace: {workspace}',
  },
  home: homeEn,
  ai: aiEn,
  export: exportEn,
  errors: {
    unknownSubcommand: 'I do not know `/liaison {subcommand}`. Type `/liaison help` to see the commands.',
    commandTooLong:
      'That command is {length} characters long; Slack takes at most {max}. Nothing was done: shorten it and try again.',
    apology: 'Sorry — something went wrong on our side and nothing was changed. Reference: `{referenceId}`.',
    databaseUnavailable:
      'Sorry — Liaison cannot reach its database right now, so nothing was changed. Please try again in a minute. Reference: `{referenceId}`.',
    notInstalledHere:
      'Liaison is not installed in this workspace, so nothing was done. Ask whoever runs Liaison to install it here.',
  },
  console: consoleEn,
  notifications: notificationsEn,
  access: accessEn,
  actionItems: actionItemsEn,
  digest: digestEn,
  meetings: meetingsEn,
  departments: departmentsEn,
  admins: adminsEn,
  audit: auditEn,
  calendar: calendarEn,
  dates: datesEn,
  directory: directoryEn,
  scheduling: schedulingEn,
  escalations: escalationsEn,
  kpis: kpisEn,
  escalationReport: escalationReportEn,
  escalationRaise: escalationRaiseEn,
  escalationCards: escalationCardsEn,
  okrs: okrsEn,
  locales: {
    en: 'English',
    'zh-CN': '简体中文 (Simplified Chinese)',
  },
} as const;
