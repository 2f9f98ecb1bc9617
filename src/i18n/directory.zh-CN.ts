import type { CatalogShape } from './catalog-shape.js';
import type { directoryEn } from './directory.en.js';

export const directoryZhCN: CatalogShape<typeof directoryEn> = {
  help: {
    sync: '`/liaison sync` / `/liaison sync status` — 立即从 Slack 通讯录同步人员，或查看上次同步（管理员）',
  },
  sync: {
    started: '正在同步通讯录…完成后我会私信告诉你。',
    resumed: '正在从第 {pages} 页之后继续中断的通讯录同步…完成后我会私信告诉你。',
    busy: '已有一次通讯录同步正在进行（开始于 {started}，已完成 {pages} 页）。用 `/liaison sync status` 查看进度。',
    notInstalled: 'Liaison 目前无法连接到这个 Slack 工作区（尚未安装），因此没有同步任何内容。',
    usage: '`/liaison sync` 立即从 Slack 同步通讯录；`/liaison sync status` 查看上次同步。',
  },
  status: {
    none: '还没有进行过通讯录同步。用 `/liaison sync` 开始第一次；之后每晚自动同步。',
    running:
      ':arrows_counterclockwise: 通讯录同步进行中：已完成 {pages} 页，已读取 {seen} 人（开始于 {started}）。',
    succeeded:
      ':white_check_mark: 上次通讯录同步于 {finished} 完成，用时 {duration}：共 {seen} 人 — 新增 {created}，更新 {updated}，停用 {deactivated}。',
    failed:
      ':warning: 上次通讯录同步于 {finished} 在第 {pages} 页后中断：{error}。用 `/liaison sync` 可从中断处继续。',
    daily: '通讯录每晚也会自动更新；Slack 报告新账号或账号变更时会立即更新。',
  },
  summary: {
    fallback: '通讯录同步完成：新增 {created}，更新 {updated}，停用 {deactivated}',
    failedFallback: '通讯录同步中断：{error}',
    succeeded:
      ':white_check_mark: *通讯录同步完成*，用时 {duration}：从 Slack 读取 {seen} 人 — 新增 {created}，更新 {updated}，停用 {deactivated}。',
    notListed:
      'Liaison 已知的 {count} 人不在 Slack 的列表中，已保持原样（只有 Slack 停用账号时才会在这里停用）。',
    failed: ':warning: *通讯录同步中断*，已完成 {pages} 页：{error}。用 `/liaison sync` 可从中断处继续。',
  },
  duration: {
    seconds: '{seconds} 秒',
    minutes: '{minutes} 分 {seconds} 秒',
  },
  flag: {
    fallback: '{name} 已在 Slack 中被停用',
    deactivated: ':bust_in_silhouette: *{name}* 已在 Slack 中被停用。',
    roles: 'TA 曾是{roles}。',
    roleOf: '{department}的{role}',
    separator: '、',
    openItems: '未完成事项：',
    noOpenItems: '没有未完成事项。',
  },
  openItems: {
    departmentWithoutLead: '{department}目前没有负责人 — TA 曾是该部门负责人',
    departmentWithoutHead: '{department}目前没有部门主管 — TA 曾是该部门主管',
    cancelledMessage: '已取消 1 条等待发送给 TA 的 Liaison 消息',
    cancelledMessages: '已取消 {count} 条等待发送给 TA 的 Liaison 消息',
  },
};
