import { accessZhCN } from './access.zh-CN.js';
import { actionItemsZhCN } from './action-items.zh-CN.js';
import { adminsZhCN } from './admins.zh-CN.js';
import { auditZhCN } from './audit.zh-CN.js';
import { calendarZhCN } from './calendar.zh-CN.js';
import type { CatalogShape } from './catalog-shape.js';
import { datesZhCN } from './dates.zh-CN.js';
import { departmentsZhCN } from './departments.zh-CN.js';
import { directoryZhCN } from './directory.zh-CN.js';
import type { en } from './en.js';
import { escalationCardsZhCN } from './escalation-cards.zh-CN.js';
import { escalationRaiseZhCN } from './escalation-raise.zh-CN.js';
import { escalationReportZhCN } from './escalation-report.zh-CN.js';
import { escalationsZhCN } from './escalations.zh-CN.js';
import { exportZhCN } from './export.zh-CN.js';
import { homeZhCN } from './home.zh-CN.js';
import { meetingsZhCN } from './meetings.zh-CN.js';
import { notificationsZhCN } from './notifications.zh-CN.js';
import { schedulingZhCN } from './scheduling.zh-CN.js';

/** 简体中文。Keys and {placeholders} mirror en.ts exactly. */
export const zhCN: CatalogShape<typeof en> = {
  common: {
    appName: 'Liaison',
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
    intro:
      'Liaison 让各部门协同如一：联席会议、OKR 进度更新、部门间问题升级和 KPI 简报，全部在 Slack 中完成。',
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
  export: exportZhCN,
  errors: {
    unknownSubcommand: '没有 `/liaison {subcommand}` 这个命令。输入 `/liaison help` 查看可用命令。',
    commandTooLong: '这条命令有 {length} 个字符，Slack 最多接受 {max} 个。未做任何操作：请缩短后再试。',
    apology: '抱歉，我们这边出了问题，没有做任何更改。参考编号：`{referenceId}`。',
    databaseUnavailable:
      '抱歉，Liaison 暂时无法连接数据库，没有做任何更改。请稍后再试。参考编号：`{referenceId}`。',
    notInstalledHere: 'Liaison 没有安装在这个工作区，因此没有做任何操作。请联系负责 Liaison 的人在这里安装。',
  },
  console: {
    welcome: 'Liaison 本地控制台 — 无需 Slack 工作区。工作区：{workspace}。',
    demoCreated: '首次运行：已创建演示工作区，包含 12 个部门和 {people} 位成员。',
    actingAs: '你当前是 {name}（{userId}），位于 #{channel}。其他人：{others}。',
    start: '输入 /liaison help 开始，输入 `help` 查看控制台命令，按 Ctrl-D 退出。',
    logFile: '日志：{path}',
    nowActingAs: '你现在是 {name}（{userId}）。',
    noSuchPerson: '这里没有叫「{query}」的人。可选：{names}。',
    noSuchControl: '屏幕上没有 [{number}]。方括号中的数字是按钮、菜单和输入框。',
    noModal: '当前没有打开的对话框。',
    viewGone: '该视图已关闭。',
    modalHeading: '对话框',
    modalHint: '用 `set N <文本>` 或 `choose N <选项>` 填写，然后 `submit` 提交或 `cancel` 取消。',
    modalClosed: '（对话框已关闭）',
    homeHeading: '主页',
    inDm: '来自 Liaison 的私信',
    onlyVisibleToYou: '仅你可见',
    goodbye: '再见。',
  },
  notifications: notificationsZhCN,
  access: accessZhCN,
  actionItems: actionItemsZhCN,
  meetings: meetingsZhCN,
  departments: departmentsZhCN,
  admins: adminsZhCN,
  audit: auditZhCN,
  calendar: calendarZhCN,
  dates: datesZhCN,
  directory: directoryZhCN,
  scheduling: schedulingZhCN,
  escalations: escalationsZhCN,
  escalationReport: escalationReportZhCN,
  escalationRaise: escalationRaiseZhCN,
  escalationCards: escalationCardsZhCN,
  locales: {
    en: 'English（英语）',
    'zh-CN': '简体中文',
  },
};
