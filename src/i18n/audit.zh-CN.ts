import type { auditEn } from './audit.en.js';
import type { CatalogShape } from './catalog-shape.js';

export const auditZhCN: CatalogShape<typeof auditEn> = {
  fallback: '审计日志：{count} 条',
  title: '审计日志',
  titleFiltered: '审计日志 —— {object}',
  intro: '最近 {count} 条记录，最新的在前；时间为 {zone} 时间。',
  empty: '没有记录。',
  line: '`{time}` {actor} · *{action}* · {object}',
  hint: '缩小范围：`/liaison audit 标识`（部门）、`/liaison audit @某人`、`/liaison audit 类型:ID`。',
  errors: {
    unknownObject: '找不到「{object}」。请给出部门标识、@某人或 类型:ID。',
  },
  actions: {
    departmentCreated: '创建了部门',
    departmentRenamed: '重命名了部门',
    departmentDescriptionChanged: '修改了简介',
    departmentChannelChanged: '修改了频道',
    departmentLanguageChanged: '修改了频道语言',
    departmentArchived: '归档了部门',
    departmentUnarchived: '取消归档了部门',
    departmentMemberAdded: '添加了成员',
    departmentRoleChanged: '变更了角色',
    departmentMemberRemoved: '移除了成员',
    personCreated: '新认识了一个人',
    personUpdated: '更新了个人资料',
    personAdminGranted: '授予了管理员权限',
    personAdminRevoked: '收回了管理员权限',
    authorizationRefused: '被拒绝',
    workspaceDemoSeeded: '创建了演示工作区',
  },
  help: '`/liaison audit [标识 | @某人 | 类型:ID]` —— 最近的更改及操作人',
};
