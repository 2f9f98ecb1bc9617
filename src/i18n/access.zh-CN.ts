import type { accessEn } from './access.en.js';
import type { CatalogShape } from './catalog-shape.js';

export const accessZhCN: CatalogShape<typeof accessEn> = {
  refused: {
    adminOnly: '只有 Liaison 管理员可以执行此操作。未做任何更改，请联系工作区管理员。',
    leadOrAdmin: '只有该部门的负责人、部门主管或管理员可以执行此操作。未做任何更改。',
    leadOrExecutive: '只有部门负责人、部门主管和高管可以查看此内容。',
    memberOrAdmin: '只有该 KPI 所属部门的成员或管理员可以录入数值。未做任何更改。',
    ownerLeadOrAdmin: '只有该事项的负责人、其所在部门的负责人或主管、或管理员可以执行此操作。未做任何更改。',
    unknownPerson: 'Liaison 暂时还不认识你，请稍后再试。',
  },
  roleNames: {
    admin: '管理员',
    executive: '高管',
    lead: '负责人',
    member: '成员',
  },
};
