import type { adminsEn } from './admins.en.js';
import type { CatalogShape } from './catalog-shape.js';

export const adminsZhCN: CatalogShape<typeof adminsEn> = {
  list: {
    fallback: 'Liaison 管理员：{count} 位',
    title: 'Liaison 管理员',
    line: '• <@{user}> —— {source}',
    sourceSlack: 'Slack 工作区管理员',
    sourceGranted: '在 Liaison 中授予',
    empty: '还没有 Liaison 管理员。Slack 工作区管理员第一次使用 Liaison 时会自动成为管理员。',
    hint: '管理员可以用 `/liaison admins add @某人` 授予、用 `/liaison admins remove @某人` 收回管理员权限。Slack 工作区管理员始终是管理员。',
  },
  granted: '<@{user}> 现在是 Liaison 管理员。',
  alreadyAdmin: '<@{user}> 已经是管理员，没有任何更改。',
  revoked: '<@{user}> 不再是 Liaison 管理员。',
  notAdmin: '<@{user}> 不是被授予的 Liaison 管理员，没有任何更改。',
  errors: {
    usage: '用法：`/liaison admins` · `/liaison admins add @某人` · `/liaison admins remove @某人`',
    unknownPerson: '找不到 {person}。请提及一个人，例如 `/liaison admins add @alex`。',
    notAPerson: '<@{user}> 是应用或已停用的账号，不能成为管理员。',
    slackAdmin:
      '<@{user}> 是 Slack 工作区管理员，因此也是 Liaison 管理员。这由 Slack 决定，而不是 Liaison。没有任何更改。',
    lastAdmin: '这样 Liaison 就没有管理员了。请先授予其他人管理员权限。没有任何更改。',
  },
  roles: '*角色*\n{roles}',
  help: {
    list: '`/liaison admins` —— 查看 Liaison 管理员',
    manage: '`/liaison admins add|remove @某人` —— 授予或收回管理员权限',
  },
};
