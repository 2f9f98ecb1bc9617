import type { OkrConfidence, OkrDirection } from '../okrs/okrs.types.js';
import type { DemoDepartmentKey } from './demo.data.js';

/** A demo key result: a metric (following a demo KPI or not) or a milestone; owned by a demo person. */
export interface DemoKeyResult {
  title: string;
  owner: string;
  metric?: { start: number; target: number; unit: string; direction: OkrDirection; kpi?: string };
  /** A milestone already reached. */
  done?: boolean;
  /** One answer per past check-in round (oldest first); none for company key results. */
  checkIns?: readonly DemoCheckIn[];
}

export interface DemoCheckIn {
  value?: number;
  done?: boolean;
  confidence: OkrConfidence;
  comment?: string;
  blockers?: string;
}

export interface DemoObjective {
  key: string;
  title: string;
  /** Null: a company objective. */
  department: DemoDepartmentKey | null;
  /** The company objective (by key) a department objective is aligned to. */
  parent?: string;
  keyResults: readonly DemoKeyResult[];
}

const SUPPLIER_BLOCKER = '供应商交期延迟 Supplier lead times slipping';

/**
 * The demo's quarter of OKRs (whatever quarter it is): two company objectives, and the
 * departments' objectives aligned to them, tied to the demo KPIs; two past check-in rounds.
 */
export const DEMO_OBJECTIVES: readonly DemoObjective[] = [
  {
    key: 'grow-gmv',
    title: '直播成交稳步增长 Grow live-commerce GMV',
    department: null,
    keyResults: [
      {
        title: '日均成交总额 Daily GMV',
        owner: 'U0DEMOCHEN',
        metric: { start: 1_500_000, target: 2_500_000, unit: '¥', direction: 'INCREASE', kpi: 'gmv' },
      },
      {
        title: '转化率 Conversion rate',
        owner: 'U0DEMOPRIYA',
        metric: { start: 3.4, target: 4.5, unit: '%', direction: 'INCREASE', kpi: 'conversion_rate' },
      },
    ],
  },
  {
    key: 'reliable-supply',
    title: '供货稳定、履约可靠 Reliable supply and fulfilment',
    department: null,
    keyResults: [
      {
        title: '断货率 Stock-out rate',
        owner: 'U0DEMOZHANG',
        metric: { start: 1.5, target: 0.5, unit: '%', direction: 'DECREASE', kpi: 'stockout_rate' },
      },
      {
        title: '投诉率 Complaint rate',
        owner: 'U0DEMOSAM',
        metric: { start: 0.6, target: 0.3, unit: '%', direction: 'DECREASE', kpi: 'complaint_rate' },
      },
    ],
  },
  {
    key: 'live-ops-convert',
    title: '每场直播都有转化 Make every live session convert',
    department: 'live-ops',
    parent: 'grow-gmv',
    keyResults: [
      {
        title: '观看人数 Viewers per day',
        owner: 'U0DEMOLIN',
        metric: { start: 100_000, target: 160_000, unit: '', direction: 'INCREASE', kpi: 'viewers' },
        checkIns: [
          { value: 108_000, confidence: 'ON_TRACK' },
          { value: 115_000, confidence: 'ON_TRACK', comment: '周末专场带量 Weekend specials pulled viewers' },
        ],
      },
      {
        title: '上线直播复盘模板 Ship the session review template',
        owner: 'U0DEMOLIN',
        checkIns: [
          { done: false, confidence: 'ON_TRACK' },
          { done: false, confidence: 'AT_RISK', comment: '主播排期冲突 Host schedules clash' },
        ],
      },
    ],
  },
  {
    key: 'marketing-spend',
    title: '投放更高效 Spend smarter on acquisition',
    department: 'marketing',
    parent: 'grow-gmv',
    keyResults: [
      {
        title: '获客成本 Acquisition cost',
        owner: 'U0DEMOPRIYA',
        metric: { start: 55, target: 45, unit: '¥', direction: 'DECREASE', kpi: 'cac' },
        checkIns: [
          { value: 52, confidence: 'ON_TRACK' },
          { value: 49, confidence: 'ON_TRACK', comment: '砍掉低效渠道 Cut two weak channels' },
        ],
      },
      {
        title: '双 12 活动方案定稿 Double-12 campaign plan signed off',
        owner: 'U0DEMOPRIYA',
        done: true,
        checkIns: [
          { done: false, confidence: 'ON_TRACK' },
          { done: true, confidence: 'ON_TRACK' },
        ],
      },
    ],
  },
  {
    key: 'supply-in-stock',
    title: '爆款不断货 Keep best-sellers in stock',
    department: 'supply-chain',
    parent: 'reliable-supply',
    keyResults: [
      {
        title: '库存周转率 Inventory turnover',
        owner: 'U0DEMOZHANG',
        metric: { start: 8.5, target: 12, unit: '', direction: 'INCREASE', kpi: 'inventory_turnover' },
        checkIns: [
          { value: 9, confidence: 'AT_RISK', blockers: SUPPLIER_BLOCKER },
          { value: 9.2, confidence: 'OFF_TRACK', blockers: SUPPLIER_BLOCKER },
        ],
      },
      {
        title: '签约 3 家备选供应商 Sign 3 backup suppliers',
        owner: 'U0DEMOZHANG',
        checkIns: [
          { done: false, confidence: 'ON_TRACK' },
          { done: false, confidence: 'AT_RISK', comment: '已签 1 家 One signed' },
        ],
      },
    ],
  },
  {
    key: 'tech-stable-stream',
    title: '直播间稳定不卡 A stable live room',
    department: 'tech',
    parent: 'grow-gmv',
    keyResults: [
      {
        title: '直播卡顿率 Stream stall rate',
        owner: 'U0DEMOALEX',
        metric: { start: 2, target: 0.5, unit: '%', direction: 'DECREASE' },
        checkIns: [
          { value: 1.6, confidence: 'ON_TRACK' },
          {
            value: 1.4,
            confidence: 'AT_RISK',
            blockers: 'CDN 合同未续签 CDN contract renewal pending',
          },
        ],
      },
      {
        title: '推流自动切换上线 Stream failover live',
        owner: 'U0DEMOALEX',
        checkIns: [
          { done: false, confidence: 'ON_TRACK' },
          { done: false, confidence: 'ON_TRACK' },
        ],
      },
    ],
  },
  {
    key: 'service-scripts',
    title: '售后更快更稳 Faster, steadier after-sales',
    department: 'customer-service',
    parent: 'reliable-supply',
    keyResults: [
      {
        title: '首次回复时长（分钟）First reply time (minutes)',
        owner: 'U0DEMOSAM',
        metric: { start: 12, target: 5, unit: 'min', direction: 'DECREASE' },
        checkIns: [{ value: 9, confidence: 'ON_TRACK' }],
      },
      {
        title: '更新售后话术库 Refresh the after-sales scripts',
        owner: 'U0DEMOSAM',
        checkIns: [{ done: false, confidence: 'ON_TRACK' }],
      },
    ],
  },
];

/** How many days before today each past check-in round was (oldest first). */
export const DEMO_CHECK_IN_ROUNDS_DAYS_AGO: readonly number[] = [14, 7];
