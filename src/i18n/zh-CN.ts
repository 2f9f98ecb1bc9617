import { accessZhCN } from './access.zh-CN.js';
import { actionItemsZhCN } from './action-items.zh-CN.js';
import { adminsZhCN } from './admins.zh-CN.js';
import { aiZhCN } from './ai.zh-CN.js';
import { auditZhCN } from './audit.zh-CN.js';
import { calendarZhCN } from './calendar.zh-CN.js';
import type { CatalogShape } from './catalog-shape.js';
import { consoleZhCN } from './console.zh-CN.js';
import { datesZhCN } from './dates.zh-CN.js';
import { departmentsZhCN } from './departments.zh-CN.js';
import { digestZhCN } from './digest.zh-CN.js';
import { directoryZhCN } from './directory.zh-CN.js';
import type { en } from './en.js';
import { escalationCardsZhCN } from './escalation-cards.zh-CN.js';
import { escalationRaiseZhCN } from './escalation-raise.zh-CN.js';
import { escalationReportZhCN } from './escalation-report.zh-CN.js';
import { escalationsZhCN } from './escalations.zh-CN.js';
import { exportZhCN } from './export.zh-CN.js';
import { homeZhCN } from './home.zh-CN.js';
import { kpisZhCn } from './kpis.zh-CN.js';
import { meetingsZhCN } from './meetings.zh-CN.js';
import { notificationsZhCN } from './notifications.zh-CN.js';
import { okrsZhCN } from './okrs.zh-CN.js';
import { schedulingZhCN } from './scheduling.zh-CN.js';

/** 简体中文。Keys and {placeholders} mirror en.ts exactly. */
export const zhCN: CatalogShape<typeof en> = {
  common: {
    appName: 'Liaison',
    locale: 'zh-CN',
    none: '无',
    yes: '是',
    no: '否',
  },
  roles: {
    MEMBER: '成员',
    LEAD: '负责人',
    HEAD: '部门主管',
    EXECUTIVE: '高管',
  },
  help: {
    fallback: 'Liaison 帮助：Liaison 能做什么，以及你可以使用的命令。',
    title: 'Liaison — 跨部门协同',
    intro: 'Liaison 让各部门协同如一，全部在 Slack 中完成：',
    summaryLine: '• {summary}',
    commandsHeading: '*现在可用的命令*',
    commandHelp: '`/liaison help` — 显示本帮助',
    commandWhoami: '`/liaison whoami` — 你的部门、角色、时区和语言',
    language:
      'Liaison 使用你在 Slack 中设置的语言（English 或 简体中文）回复。可在 Slack 的「偏好设置 → 语言和地区」中更改。',
    llmOn: 'AI 摘要：已开启（{model}）。',
    llmOff: 'AI 摘要：未开启 — 没有 AI，Liaison 也能完整工作，并使用基于规则的摘要。',
  },
  whoami: {
    fallback: 'Liaison 中的你：{name}',
    title: 'Liaison 所了解的你',
    name: '*姓名*\n{name}',
    slackId: '*Slack 用户*\n<@{userId}>',
    departments: '*部门*\n{departments}',
    noDepartments: '*部门*\n你还不属于任何部门。请联系管理员将你加入。',
    departmentLine: '• {department} — {role}',
    timeZone: '*时区*\n{timeZone}',
    timeZoneDefault: '*时区*\n{timeZone}（工作区默认值 — Slack 未提供你的时区）',
    locale: '*语言*\n{locale}',
    admin: '*工作区管理员*\n{admin}',
    workspace: '工作区：{workspace}',
  },
  home: homeZhCN,
  ai: aiZhCN,
  export: exportZhCN,
  errors: {
    unknownSubcommand: '没有 `/liaison {subcommand}` 这个命令。输入 `/liaison help` 查看可用命令。',
    commandTooLong: '这条命令有 {length} 个字符，Slack 最多接受 {max} 个。未做任何操作：请缩短后再试。',
    apology: '抱歉，我们这边出了问题，没有做任何更改。参考编号：`{referenceId}`。',
    databaseUnavailable:
      '抱歉，Liaison 暂时无法连接数据库，没有做任何更改。请稍后再试。参考编号：`{referenceId}`。',
    notInstalledHere: 'Liaison 没有安装在这个工作区，因此没有做任何操作。请联系负责 Liaison 的人在这里安装。',
  },
  console: consoleZhCN,
  notifications: notificationsZhCN,
  access: accessZhCN,
  actionItems: actionItemsZhCN,
  digest: digestZhCN,
  meetings: meetingsZhCN,
  departments: departmentsZhCN,
  admins: adminsZhCN,
  audit: auditZhCN,
  calendar: calendarZhCN,
  dates: datesZhCN,
  directory: directoryZhCN,
  scheduling: schedulingZhCN,
  escalations: escalationsZhCN,
  kpis: kpisZhCn,
  escalationReport: escalationReportZhCN,
  escalationRaise: escalationRaiseZhCN,
  escalationCards: escalationCardsZhCN,
  okrs: okrsZhCN,
  locales: {
    en: 'English（英语）',
    'zh-CN': '简体中文',
  },
};
