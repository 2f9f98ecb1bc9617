import type { CatalogShape } from './catalog-shape.js';
import type { homeEn } from './home.en.js';

export const homeZhCN: CatalogShape<typeof homeEn> = {
  fallback: 'Liaison 主页',
  title: '欢迎使用 Liaison，{name}',
  intro: '你的工作台：你的部门和角色，以及需要你处理的事项。与你相关的内容变化时会自动刷新。',
  tryHelp: '在任意频道输入 `/liaison help` 查看你可以做什么。',
  roles: '*你的角色：*{roles}',
  updated: '更新于 {when}',
  more: '……还有 {count} 项',
  unavailable: '_此部分暂时无法加载，下次刷新时会恢复。_',
  sections: {
    actionItems: {
      title: '我的待办事项',
      empty: '_暂无待办事项 — 有任务分配给你时（例如升级事项解决时），会连同截止日期显示在这里。_',
    },
    escalations: {
      title: '我负责或需处理的升级事项',
      empty: '_暂无需要你处理的升级事项 — 由你负责或等待你所在部门处理的升级会显示在这里。_',
    },
  },
  admin: {
    title: '工作区（管理员）',
    departments: '*部门*\n{count}',
    people: '*成员*\n{count} 位在职',
    lastSync: '*最近一次通讯录同步*\n{when} — {status}',
    neverSynced: '*最近一次通讯录同步*\n尚未同步',
    syncStatus: {
      RUNNING: '进行中',
      SUCCEEDED: '已完成',
      FAILED: '失败',
    },
  },
};
