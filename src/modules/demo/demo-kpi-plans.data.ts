import type { KpiThresholdDto } from '../kpis/kpi-plan.types.js';

/**
 * The founding plan's three-level risk plans (4.4) on the demo KPIs: level 1 normal operation
 * (watch), level 2 shortage (act: start the backup suppliers, adjust the product mix), level 3
 * extreme (emergency: pause non-core categories, emergency purchasing). Measures in both
 * languages, as the departments of a bilingual company write them.
 */
export const DEMO_KPI_PLANS: Record<string, KpiThresholdDto[]> = {
  stockout_rate: [
    {
      level: 1,
      rule: 'absolute_above',
      value: 0.9,
      periods: 1,
      measures: [
        '每日核对安全库存 / Check the safety stock daily',
        '跟踪库存周转率 / Track inventory turnover',
      ],
      escalateTo: [],
    },
    {
      level: 2,
      rule: 'absolute_above',
      value: 1,
      periods: 1,
      measures: [
        '启动备用供应商 / Start the backup suppliers',
        '调整产品结构 / Adjust the product mix',
        '关键品类保持 30% 库存冗余 / Keep 30% extra stock of key categories',
      ],
      escalateTo: ['merchandising', 'logistics'],
    },
    {
      level: 3,
      rule: 'absolute_above',
      value: 3,
      periods: 1,
      measures: [
        '暂停非核心品类销售 / Pause sales of non-core categories',
        '启动紧急采购 / Start emergency purchasing',
      ],
      escalateTo: ['merchandising', 'logistics', 'finance'],
    },
  ],
  complaint_rate: [
    {
      level: 1,
      rule: 'relative_up',
      value: 15,
      periods: 7,
      measures: ['复盘本周投诉分类 / Review this week’s complaints by category'],
      escalateTo: [],
    },
    {
      level: 2,
      rule: 'relative_up',
      value: 30,
      periods: 7,
      measures: [
        '排查投诉集中的商品并暂停推广 / Find the products most complained about and pause their promotion',
        '主播话术纠偏 / Correct the hosts’ scripts',
      ],
      escalateTo: ['merchandising', 'hosts'],
    },
    {
      level: 3,
      rule: 'absolute_above',
      value: 1,
      periods: 1,
      measures: [
        '下架问题商品 / Take the problem products down',
        '启动客诉应急小组 / Start the complaints emergency team',
      ],
      escalateTo: ['merchandising', 'hosts', 'legal'],
    },
  ],
  conversion_rate: [
    {
      level: 1,
      rule: 'below_target',
      value: 0,
      periods: 3,
      measures: ['检查直播间转化漏斗 / Check the live room’s conversion funnel'],
      escalateTo: [],
    },
    {
      level: 2,
      rule: 'relative_down',
      value: 20,
      periods: 7,
      measures: [
        '调整优惠与选品 / Adjust the offers and the product selection',
        '加强主播促单话术 / Strengthen the hosts’ closing scripts',
      ],
      escalateTo: ['live-ops', 'hosts'],
    },
  ],
  viewers: [
    {
      level: 2,
      rule: 'relative_down',
      value: 30,
      periods: 7,
      measures: [
        '流量渠道多元化 / Diversify the traffic channels',
        '内容创新激励 / Reward content innovation',
      ],
      escalateTo: ['content', 'marketing'],
    },
  ],
};
