import type { CatalogShape } from './catalog-shape.js';
import type { notificationsEn } from './notifications.en.js';

/** 通知预算与投递的简体中文消息（目录中的 `notifications` 部分）。 */
export const notificationsZhCN: CatalogShape<typeof notificationsEn> = {
  about: '通知遵守你的免打扰时段和每日上限，并可静音或暂停',
  help: {
    show: '`/liaison notifications` — 查看你的免打扰时段、每日上限、已静音和暂缓的通知',
    quiet: '`/liaison quiet 21:30-08:00` 或 `/liaison quiet off` — 在这些时段（你的当地时间）不发通知',
    mute: '`/liaison mute <类型>` / `/liaison unmute <类型>` — 关闭或重新打开某类通知',
    snooze: '`/liaison snooze 30m | 2h | until 14:00 | until 2026-12-01 09:00` — 暂缓所有通知到那时',
  },
  settings: {
    fallback: '你的通知设置',
    title: '你的通知',
    quiet: '*免打扰时段*\n{start}–{end}（{timeZone}）',
    quietDefault: '*免打扰时段*\n{start}–{end}（{timeZone}，默认设置）',
    quietOff: '*免打扰时段*\n已关闭',
    cap: '*每日上限*\n每天 {cap} 条，其余的汇总成一条再发。紧急通知总会送达。',
    muted: '*已静音*\n{kinds}',
    snoozed: '*暂缓中*\n{snoozes}',
    snoozeAll: '全部通知，直到 {until}',
    snoozeKind: '`{kind}`，直到 {until}',
    hint: '可用 `/liaison quiet`、`/liaison mute`、`/liaison unmute`、`/liaison snooze` 修改。',
  },
  done: {
    quietSet: '免打扰时段已设为 {start}–{end}（{timeZone}）。这段时间的通知会汇总成一条再发。',
    quietOff: '免打扰时段已关闭，通知将即时送达。',
    muted: '已静音 `{kind}`。用 `/liaison unmute {kind}` 可重新打开。',
    unmuted: '`{kind}` 已重新打开。',
    notMuted: '`{kind}` 本来就没有静音。',
    snoozed: '已暂缓到 {until}。期间的通知会汇总成一条再发。',
  },
  buttons: {
    snoozeHour: '1 小时后提醒',
    muteKind: '静音此类通知',
    snoozedUntil: ':zzz: 已暂缓到 {until}，届时再提醒你。',
    mutedKind: ':no_bell: 已静音 `{kind}`。用 `/liaison unmute {kind}` 可重新打开。',
  },
  digest: {
    fallback: '你不在时的 {count} 条通知',
    title: '你不在时',
    intro: '有 {count} 条通知在等你：',
    more: '…… 还有 {count} 条',
  },
  errors: {
    quietUsage:
      '请这样写时段：`/liaison quiet 21:30-08:00`（24 小时制，你的当地时间），或 `/liaison quiet off`。',
    muteUsage: '请说明通知类型：`/liaison {verb} <类型>`。可用类型：{kinds}。',
    unknownKind: '没有名为 `{kind}` 的通知类型。可用类型：{kinds}。',
    snoozeUsage:
      '请说明暂缓多久：`/liaison snooze 30m`、`2h`、`until 14:00` 或 `until 2026-12-01 09:00`（你的当地时间）。',
    snoozeInPast: '{until} 已经过去了，请选一个之后的时间。',
    snoozeTooLong: '暂缓最长 30 天。',
    notYours: '这条通知是发给别人的，你不能操作它的按钮。',
    unknownNotification: '找不到这条通知了。',
  },
};
