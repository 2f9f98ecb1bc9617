import type { CatalogShape } from './catalog-shape.js';
import type { digestEn } from './digest.en.js';

/** 管理者摘要：`/liaison digest`、私信、各部分与风险摘要。 */
export const digestZhCN: CatalogShape<typeof digestEn> = {
  about:
    '给高管、负责人和主管的每周或每日摘要：待处理、已超时和已决定的升级，逾期待办，以及逐条注明来源的风险摘要',
  help: '`/liaison digest` — 管理者摘要（高管、部门主管、负责人）：`weekly mon 09:00`、`daily 08:30`、`off` 或 `now`',
  setting: {
    weekly: '你的摘要每*{weekday}* *{time}*（{timeZone}）发送。',
    daily: '你的摘要每天 *{time}*（{timeZone}）发送。',
    off: '你的摘要已*关闭*。用 `/liaison digest weekly mon 09:00` 或 `/liaison digest daily 08:30` 重新开启。',
    next: '下一次：{when}。',
    howTo:
      '用 `/liaison digest weekly <星期> <HH:MM>`、`/liaison digest daily <HH:MM>` 或 `/liaison digest off` 修改；`/liaison digest now` 立即发送一份。',
    saved: '已保存。',
  },
  now: {
    queued: '你的摘要正在发往你的私信。',
    held: '你的摘要已排队，将在{when}（免打扰或暂停结束后）送达。',
    muted: '你已静音摘要，因此没有发送。用 `/liaison unmute digest.managers` 重新开启。',
    already: '刚刚已给你发送了一份摘要，请查看私信。',
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
  message: {
    titleWeekly: '你的每周摘要 — 截至 {date} 的一周',
    titleDaily: '你的每日摘要 — {date}',
    fallback: '{title}：{count} 项需要你关注。',
    for: '范围：{departments}',
    more: '……另有 {count} 项',
    nothing: '本期没有需要你处理的事项。',
    riskTitle: '*风险摘要*',
    riskNone: '你的部门没有未决风险。',
    byRules: '由规则根据以上事项生成（未使用 AI 模型）；每条均注明所引用的事项。',
    byModel: '由 AI 模型根据以上事项起草；每条均注明所引用的事项。行动前请先核对。',
  },
  duration: {
    hours: '{count} 小时',
    days: '{count} 天',
  },
  risk: {
    act: '需立即处理：{text}——已等待 {waiting}。',
    atRisk: '有风险：{text}——已等待 {waiting}。',
    soon: '即将到期：{text}。',
    info: '供参考：{text}。',
    moreEscalations: '另有 {count} 个类似升级事项（最长等待 {waiting}）',
    moreActionItems: '另有 {count} 个类似行动项（最长等待 {waiting}）',
    moreItems: '另有 {count} 个类似事项（最长等待 {waiting}）',
  },
  sections: {
    escalations: {
      title: '升级事项',
      waiting: '等待你处理',
      waitingEmpty: '没有等待你处理的事项。',
      breached: '已超过时限',
      breachedEmpty: '没有超时的事项。',
      decided: '本期已决定',
      decidedEmpty: '本期没有决定。',
      line: '{ref} {title} — {severity}，第 {level} 级，已开启 {waiting}',
      decidedLine: '{ref} {title} — {decision}',
      fact: '{ref}「{title}」：{severity}，第 {level} 级{breached}',
      factBreached: '，已超过时限',
      severity: { NORMAL: '普通', HIGH: '高', URGENT: '紧急' },
    },
    actionItems: {
      title: '你部门的行动项',
      overdue: '已逾期',
      overdueEmpty: '没有逾期事项。',
      dueSoon: '即将到期',
      dueSoonEmpty: '没有即将到期的事项。',
      line: '{title} — {owner}，{department}，{due} 到期',
      factOverdue: '行动项「{title}」（{owner}，{department}）自 {due} 起逾期',
      factDueSoon: '行动项「{title}」（{owner}，{department}）{due} 到期',
      noDepartment: '无部门',
    },
  },
  errors: {
    badSetting:
      '无法识别“{input}”。试试 `/liaison digest weekly mon 09:00`、`/liaison digest daily 08:30`、`/liaison digest off` 或 `/liaison digest now`。',
    notEligible:
      '管理者摘要面向部门的高管、主管和负责人，你目前还不是。你自己的事项在主页标签和 `/liaison actions` 中。',
  },
};
