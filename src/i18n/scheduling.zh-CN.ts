import type { CatalogShape } from './catalog-shape.js';
import type { schedulingEn } from './scheduling.en.js';

/** 排程相关的简体中文文案。Keys and {placeholders} mirror scheduling.en.ts exactly. */
export const schedulingZhCN: CatalogShape<typeof schedulingEn> = {
  help: {
    commandSchedules: '`/liaison schedules` — 所有排程：按你的时区显示下次运行、上次运行及其结果（仅管理员）',
  },
  errors: {
    adminOnly: '只有工作区管理员可以查看排程。如需调整，请联系管理员。',
    invalid: '该排程无效：{detail}',
    notFound: '此工作区中没有排程 `{scheduleId}`。',
  },
  list: {
    fallback: '排程：{count} 个',
    title: '排程',
    intro: '时间按你的时区 {timeZone} 显示。',
    empty: '还没有排程。按计划运行的功能会在这里添加它们的排程。',
    heading: '*{name}*  `{kind}`',
    rule: '{rule}（{timeZone}）',
    next: '下次运行：{when}',
    nextNone: '下次运行：无',
    overdue: ':hourglass: *已逾期* — 自 {when} 起应运行',
    lastRun: '上次运行：{when} — {outcome}',
    neverRun: '上次运行：从未运行',
    paused: ':double_vertical_bar: *已暂停*',
    failing: ':warning: *持续失败* — 已连续失败 {count} 次。最近错误：{error}',
    invalidRule: ':warning: *规则已失效* — 不会运行',
    more: '……还有 {count} 个未显示。',
  },
  outcomes: {
    RUNNING: '运行中',
    SUCCEEDED: '成功',
    FAILED: '失败',
    SKIPPED: '已跳过',
  },
  recurrence: {
    daily: '每天 {time}',
    weekly: '每{weekdays} {time}',
    everyNWeeks: '每 {interval} 周的{weekdays} {time}（自 {anchor} 所在周起）',
    everyWeek: '每周的{weekdays} {time}（自 {anchor} 所在周起）',
    monthlyDay: '每月 {day} 日 {time}（小月取最后一天）',
    monthlyNth: '每月{nth}个{weekday} {time}',
    workdays: '每个工作日 {time}',
    everyMinute: '每分钟',
    everyNMinutes: '每 {minutes} 分钟',
    hourly: '每小时第 {minute} 分',
    monthlyOn: '每月 {day} 日 {time}',
    cron: '自定义时间表（cron 表达式 `{expression}`）',
    skipNonWorking: '{rule}，节假日和周末跳过',
    separator: '、',
  },
  weekdays: {
    '1': '周一',
    '2': '周二',
    '3': '周三',
    '4': '周四',
    '5': '周五',
    '6': '周六',
    '7': '周日',
  },
  nth: { '1': '第一', '2': '第二', '3': '第三', '4': '第四', '-1': '最后一' },
};
