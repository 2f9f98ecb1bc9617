import type { actionItemsEn } from './action-items.en.js';
import type { CatalogShape } from './catalog-shape.js';

export const actionItemsZhCN: CatalogShape<typeof actionItemsEn> = {
  about: '有负责人和截止日期的待办事项，到期前后都会提醒',
  status: {
    OPEN: '进行中',
    DONE: '已完成',
    CANCELLED: '已取消',
    OVERDUE: '已逾期',
  },
  reminder: '*提醒：*「{title}」将于 {due} 到期。',
  overdue: '*已逾期：*「{title}」原定 {due} 到期。请标记完成、改期或取消。',
  line: '• {title} — {due} 到期',
  lineOverdue: '• {title} — 自 {due} 起*已逾期*',
  buttons: {
    done: '完成',
    redate: '改期',
    cancel: '取消',
    plusDay: '顺延 1 个工作日',
    plusDays: '顺延 {days} 个工作日',
  },
  after: {
    done: '✅ 已完成：「{title}」',
    cancelled: '✖️ 已取消：「{title}」',
    redated: '📅 已改期至 {due}：「{title}」',
  },
  list: {
    fallback: '你的待办事项',
    title: '*你的待办事项*（{count}）',
    empty: '你没有未完成的待办事项。分配给你的事项（例如升级问题解决时）会显示在这里。',
  },
  openItem: '未完成的待办事项：{title}（{due} 到期）',
  help: '`/liaison actions`（或 `todo`）— 你未完成和已逾期的待办事项，附「完成」和「改期」按钮',
  errors: {
    badWorkingDays: '请给出 1 到 {max} 个工作日。',
    badTitle: '待办事项需要一个不超过 {max} 个字符的标题。',
    notFound: '该待办事项已不存在。',
    alreadyClosed: '该待办事项已关闭，未做任何更改。',
    changedMeanwhile: '刚才有人修改了该待办事项，请重新查看后再试。',
    badButton: '该按钮已失效，请使用 `/liaison actions`。',
  },
};
