import type { CatalogShape } from './catalog-shape.js';
import type { exportEn } from './export.en.js';

export const exportZhCN: CatalogShape<typeof exportEn> = {
  about: '导出 Liaison 保存的数据：你自己的，或（管理员）整个工作区的',
  help: {
    me: '`/liaison export me [json|csv]` — 导出 Liaison 保存的关于你的全部数据，以文件形式发到你的私信',
    workspace:
      '`/liaison export [json|csv]` — 导出整个工作区的数据：一个 JSON 文件，或每张表一个 CSV，发到你的私信（管理员）',
  },
  usage:
    '无法理解 `{words}`。可以试试 `/liaison export me`、`/liaison export me csv`，或（管理员）`/liaison export json`、`/liaison export csv`。',
  scopeWorkspace: '整个工作区',
  scopeMe: '你自己的数据',
  formatJson: 'JSON 格式',
  formatCsv: 'CSV，每张表一个文件',
  preparing: '正在准备{scope}的导出（{format}）…… 完成后会发到你与 Liaison 的私信中。',
  delivered: '你的 Liaison 导出：{scope}（{format}），共 {tables} 张表、{rows} 行，生成于 {when}（UTC）。',
  historyWindow: '审计日志和任务运行记录包含最近 {days} 天。',
  truncated: '以下表达到了 {limit} 行的上限，只包含最新的记录：{tables}。',
  part: '第 {part} 部分，共 {parts} 部分。',
  failed: '抱歉，导出文件未能发送到你的私信。没有做任何更改，请重试。参考编号：`{referenceId}`。',
};
