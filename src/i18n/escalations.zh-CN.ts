import type { CatalogShape } from './catalog-shape.js';
import type { escalationsEn } from './escalations.en.js';

export const escalationsZhCN: CatalogShape<typeof escalationsEn> = {
  about: '部门间问题升级：可从任意消息发起，按工作时间计算的期限逐级上报，记录决定并按季度汇总',
  refused: {
    acknowledge: '只有 {esc} 当前层级的人员（或其指派人）可以确认。未做任何更改。',
    propose: '只有 {esc} 当前层级的人员（或其指派人）可以提出解决方案。未做任何更改。',
    accept: '只有同一层级的另一部门或更高层级的人员可以接受 {esc} 的方案。未做任何更改。',
    reject: '只有同一层级的另一部门或更高层级的人员可以拒绝 {esc} 的方案。未做任何更改。',
    escalate: '只有 {esc} 的发起人或当前层级的人员可以立即升级。未做任何更改。',
    reassign: '只有 {esc} 当前层级的人员或管理员可以重新指派。未做任何更改。',
    resolve: '只有 {esc} 当前层级的人员、高管或管理员可以解决。未做任何更改。',
    reopen: '只有 {esc} 的发起人、相关部门负责人或管理员可以重新打开。未做任何更改。',
    markForMeeting: '只有 {esc} 的相关人员可以将其标记待讨论。未做任何更改。',
    breach: '只有 Liaison 会在截止时间过后自动升级 {esc}。',
  },
  errors: {
    invalidTransition: {
      OPEN: '升级事项处于待处理状态时无法执行此操作。',
      ACKNOWLEDGED: '升级事项已确认，无法执行此操作。',
      PROPOSED: '已有待定的解决方案，无法执行此操作。',
      RESOLVED: '该升级事项已解决，请先重新打开。',
    },
    notFound: '此工作区中没有 {esc}。',
    changedMeanwhile: '{esc} 在你查看期间已发生变化，请刷新后重试。',
    titleRequired: '请为升级事项填写标题。',
    titleTooLong: '标题最多 {max} 个字符。',
    textTooLong: '“{field}”最多 {max} 个字符。',
    textRequired: '“{field}”为必填项。',
    twoDepartments: '升级事项至少需要涉及两个不同的部门。',
    unknownDepartment: '其中某个部门不存在或已归档。',
    decisionRequired: '请写下决定内容。',
    noProposal: '没有可接受的方案。',
    reasonRequired: '请说明重新打开的原因。',
    alreadyTop: '{esc} 已处于最高层级。',
    assigneeUnknown: '此人不在该工作区中。',
    actionItemsUnavailable: '暂时无法记录行动项，请先不带行动项完成解决。',
  },
  severity: { NORMAL: '普通', HIGH: '高', URGENT: '紧急' },
  status: { OPEN: '待处理', ACKNOWLEDGED: '已确认', PROPOSED: '已提出方案', RESOLVED: '已解决' },
  notice: {
    raised: '{esc}（{severity}）需要你在第 {level} 级处理：{title}。请在 {due} 前处理。',
    breached: '{esc} 已升至第 {level} 级：SLA 已于你当地时间 {deadline} 到期。{title}',
    breachedLate: '{esc} 已升至第 {level} 级：SLA 已于你当地时间 {deadline} 到期（停机后补发）。{title}',
    reping: '提醒：{esc}（紧急）仍未确认：{title}。第 {level} 级，截止 {due}。',
    escalated: '{esc} 已被升级至第 {level} 级：{title}。请在 {due} 前处理。',
    acknowledged: '{esc} 已确认：{title}',
    proposed: '{esc} 已提出解决方案：{title}',
    rejected: '{esc} 的解决方案被拒绝：{title}',
    resolved: '{esc} 已解决：{title}',
    reopened: '{esc} 已重新打开：{title}',
    reassigned: '{esc} 已转交给你：{title}',
    markedForMeeting: '{esc} 已标记，待相关部门一起讨论：{title}',
    noDeadline: '无截止时间',
  },
  command: {
    usage:
      '用法：`/escalate`（或 `/escalate new`）发起升级，`/escalate list [mine|department|open]` 或 `/escalate search 关键词`。',
    heading: {
      mine: '你发起或转交给你的升级事项',
      department: '你所在部门的待处理升级事项',
      open: '所有待处理的升级事项',
    },
  },
  help: {
    list: '`/escalate list [mine|department|open]` — 你发起或转交给你的、你所在部门的、或全部待处理的升级事项及其截止时间',
    search: '`/escalate search 关键词` — 查找提到这些词的已记录决定',
  },
  search: {
    heading: '与“{query}”相关的决定',
    empty: '还没有决定提到这些词。试试更少或别的关键词。',
    line: '{esc} {title} — {decision}（{date}）',
  },
  list: {
    empty: '这里没有待处理的升级事项。',
    line: '{esc} · {severity} · {status} · 第 {level} 级 · 截止 {due} — {title}',
  },
};
