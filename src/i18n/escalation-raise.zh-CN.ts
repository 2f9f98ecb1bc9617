import type { CatalogShape } from './catalog-shape.js';
import type { escalationRaiseEn } from './escalation-raise.en.js';

/** 发起升级：对话框（来自 /escalate 或消息快捷方式“升级此消息”）及其回复。 */
export const escalationRaiseZhCN: CatalogShape<typeof escalationRaiseEn> = {
  modal: {
    title: '发起升级',
    submit: '发起',
    close: '取消',
    intro: '升级会请相关部门的负责人在截止时间前做出决定。逾期未处理时，会依次上报给部门主管和高管。',
    quoted: '来自 {author} 的消息：',
    quotedNoAuthor: '来自这条消息：',
    titleLabel: '标题',
    titleHint: '用一句话让负责人一眼认出，例如“周五直播的库存”。',
    blocked: '卡在哪里',
    raiserDepartment: '你的部门',
    raiserDepartmentHint: '你在多个部门：请选择受阻的那个部门。',
    counterparts: '涉及的其他部门',
    counterpartsHint: '需要其做出决定或共同决定的部门。',
    counterpartsPlaceholder: '选择部门',
    impact: '影响',
    impactHint: '如果迟迟不做决定，会发生什么、影响到谁。',
    decisionNeeded: '需要做出的决定',
    options: '可选方案',
    optionsHint: '每行一个方案。在你推荐的方案前加 *（例如“* 周一起预售”）。没有方案可以留空。',
    severity: '紧急程度',
    severityHint:
      '每一级在上报前有多少处理时间。普通和高按该级人员的工作时间计算；紧急按实际时间计算，不分昼夜。',
    wantedBy: '期望完成日期',
    wantedByHint: '如有需要在某天之前做出决定，请填写。所有相关人员都能看到。',
  },
  severity: {
    NORMAL: '普通',
    HIGH: '高',
    URGENT: '紧急',
    NORMALHelp: '{sla}内做出决定',
    HIGHHelp: '{sla}内做出决定',
    URGENTHelp: '{sla}内做出决定；确认前每 {minutes} 分钟再次提醒',
  },
  sla: {
    workingDay: '1 个工作日',
    workingDays: '{amount} 个工作日',
    workingHour: '1 个工作小时',
    workingHours: '{amount} 个工作小时',
    wallMinutes: '{amount} 分钟（不分昼夜）',
    wallHour: '1 小时（不分昼夜）',
  },
  field: {
    title: '标题',
    blocked: '卡在哪里',
    impact: '影响',
    decisionNeeded: '需要做出的决定',
    options: '可选方案',
  },
  errors: {
    noDepartment:
      '你还不属于任何部门，因此无法发起升级：升级总是由某个部门发起的。请联系 Liaison 管理员把你加入部门（`/liaison departments`）。',
    notYourDepartment: '请选择你所在的部门之一。',
    badSubmission: '无法读取此表单。请关闭后重新输入 `/escalate`。',
  },
  raised:
    '已发起 *{esc}*：{title}\n第 {level} 级为{who}，需在 *{due}*（你的时间，{timeZone}）前处理。每一步进展都会私信通知你。',
  raisedNoDeadline: '已发起 *{esc}*：{title}\n第 {level} 级为{who}。每一步进展都会私信通知你。',
  who: {
    level1: '{departments}的负责人（{people}）',
    level1Nobody: '{departments}的负责人，但目前没有人担任该角色（管理员可用 `/liaison departments` 指定）',
    level2: '{departments}的主管（{people}）',
    level2Nobody: '{departments}的主管，但目前没有人担任该角色（管理员可用 `/liaison departments` 指定）',
    level3: '一位高管',
  },
  console: {
    noMessage: '还没有可以升级的消息。先用 `say <文字>` 发一条消息，再输入 `escalate-this`。',
  },
  help: {
    raise: '`/escalate` — 发起你所在部门与其他部门之间的升级（填写表单）；也可以在消息上使用“升级此消息”',
  },
};
