import { accessEn } from './access.en.js';
import { actionItemsEn } from './action-items.en.js';
import { adminsEn } from './admins.en.js';
import { auditEn } from './audit.en.js';
import { calendarEn } from './calendar.en.js';
import { datesEn } from './dates.en.js';
import { departmentsEn } from './departments.en.js';
import { directoryEn } from './directory.en.js';
import { escalationCardsEn } from './escalation-cards.en.js';
import { escalationRaiseEn } from './escalation-raise.en.js';
import { escalationReportEn } from './escalation-report.en.js';
import { escalationsEn } from './escalations.en.js';
import { exportEn } from './export.en.js';
import { homeEn } from './home.en.js';
import { meetingsEn } from './meetings.en.js';
import { notificationsEn } from './notifications.en.js';
import { schedulingEn } from './scheduling.en.js';

/**
 * English messages. The shape of this object is the catalog: zh-CN must have the same keys
 * (the type checker enforces it) and the same {placeholders} (a test enforces it).
 * Placeholders are filled with already-escaped text by the caller where Slack renders mrkdwn.
 */
export const en = {
  common: {
    appName: 'Liaison',
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
    intro:
      'Liaison keeps departments working as one: joint meetings, OKR check-ins, escalations between departments and KPI digests, right here in Slack.',
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
  console: {
    welcome: 'Liaison local console — no Slack workspace needed. Workspace: {workspace}.',
    demoCreated: 'First run: created the demo workspace with 12 departments and {people} people.',
    actingAs: 'You are {name} ({userId}) in #{channel}. Others: {others}.',
    start: 'Type /liaison help to begin, `help` for console commands, Ctrl-D to quit.',
    logFile: 'Logs: {path}',
    nowActingAs: 'You are now {name} ({userId}).',
    noSuchPerson: 'Nobody called "{query}" here. Try one of: {names}.',
    noSuchControl: 'There is no [{number}] on screen. Numbers in [brackets] are buttons, menus and fields.',
    noModal: 'No modal is open.',
    viewGone: 'That view is no longer open.',
    modalHeading: 'Modal',
    modalHint: 'Fill fields with `set N <text>` or `choose N <option>`, then `submit` or `cancel`.',
    modalClosed: '(modal closed)',
    homeHeading: 'Home tab',
    inDm: 'Direct message from Liaison',
    onlyVisibleToYou: 'Only visible to you',
    goodbye: 'Bye.',
  },
  notifications: notificationsEn,
  access: accessEn,
  actionItems: actionItemsEn,
  meetings: meetingsEn,
  departments: departmentsEn,
  admins: adminsEn,
  audit: auditEn,
  calendar: calendarEn,
  dates: datesEn,
  directory: directoryEn,
  scheduling: schedulingEn,
  escalations: escalationsEn,
  escalationReport: escalationReportEn,
  escalationRaise: escalationRaiseEn,
  escalationCards: escalationCardsEn,
  locales: {
    en: 'English',
    'zh-CN': '简体中文 (Simplified Chinese)',
  },
} as const;
