import type { SupportedLocale } from '../../i18n/locales.js';
import type { Role, SlackProfile } from '../people/person.types.js';

/** The 12 departments of the founding plan (BRIEF.md), in both languages. */
export const DEMO_DEPARTMENTS = [
  { key: 'live-ops', nameEn: 'Live Ops', nameZh: '直播运营' },
  { key: 'hosts', nameEn: 'Hosts', nameZh: '主播' },
  { key: 'merchandising', nameEn: 'Merchandising', nameZh: '选品' },
  { key: 'content', nameEn: 'Content', nameZh: '内容' },
  { key: 'marketing', nameEn: 'Marketing', nameZh: '营销' },
  { key: 'tech', nameEn: 'Tech', nameZh: '技术' },
  { key: 'supply-chain', nameEn: 'Supply Chain', nameZh: '供应链' },
  { key: 'logistics', nameEn: 'Logistics', nameZh: '仓储物流' },
  { key: 'customer-service', nameEn: 'Customer Service', nameZh: '客服' },
  { key: 'data', nameEn: 'Data', nameZh: '数据' },
  { key: 'finance', nameEn: 'Finance', nameZh: '财务' },
  { key: 'legal', nameEn: 'Legal & Compliance', nameZh: '法务合规' },
] as const;

/**
 * The demo company is a Chinese live-commerce business: its department channels speak
 * Chinese, so escalation cards (and whatever else reads a department's language) are posted
 * in Chinese there, whatever the workspace's default language (`/liaison setup demo` too).
 */
export const DEMO_DEPARTMENT_LOCALE: SupportedLocale = 'zh-CN';

export type DemoDepartmentKey = (typeof DEMO_DEPARTMENTS)[number]['key'];

/**
 * The channel of each demo department in the local console (`#live-ops` is `C0LIVEOPS`):
 * escalation cards land there. Tests seed the demo without channels.
 */
export function demoDepartmentChannel(key: DemoDepartmentKey): { id: string; name: string } {
  return { id: `C0${key.replace(/-/g, '').toUpperCase()}`.slice(0, 20), name: key };
}

export interface DemoPerson extends SlackProfile {
  memberships: { department: DemoDepartmentKey; role: Role }[];
  /** A calendar of their own (else the workspace default, China's). */
  calendarKey?: 'cn' | 'us';
}

/** The company works to China's calendar, 调休 included; its New York lead follows the US one. */
export const DEMO_DEFAULT_CALENDAR_KEY = 'cn';

function person(
  slackUserId: string,
  displayName: string,
  realName: string,
  timeZone: string,
  locale: string,
  memberships: DemoPerson['memberships'],
  isWorkspaceAdmin = false,
): DemoPerson {
  return {
    slackUserId,
    displayName,
    realName,
    email: `${displayName.toLowerCase().replace(/\s+/g, '.')}@demo.liaison.invalid`,
    timeZone,
    locale,
    isWorkspaceAdmin,
    isBot: false,
    deleted: false,
    memberships,
  };
}

/** A few people spread over zones and languages, so time and language rules show. */
export const DEMO_PEOPLE: DemoPerson[] = [
  person(
    'U0DEMOLIN',
    'lin.wei',
    '林伟 Lin Wei',
    'Asia/Shanghai',
    'zh-CN',
    [{ department: 'live-ops', role: 'LEAD' }],
    true,
  ),
  {
    ...person('U0DEMOALEX', 'alex', 'Alex Morgan', 'America/New_York', 'en-US', [
      { department: 'tech', role: 'LEAD' },
    ]),
    calendarKey: 'us',
  },
  person('U0DEMOZHANG', 'zhang.min', '张敏 Zhang Min', 'Asia/Shanghai', 'zh-CN', [
    { department: 'supply-chain', role: 'LEAD' },
    { department: 'logistics', role: 'MEMBER' },
  ]),
  person('U0DEMOPRIYA', 'priya', 'Priya Nair', 'Europe/Berlin', 'en-GB', [
    { department: 'marketing', role: 'HEAD' },
  ]),
  person('U0DEMOCHEN', 'chen.jie', '陈洁 Chen Jie', 'Asia/Shanghai', 'zh-CN', [
    { department: 'live-ops', role: 'EXECUTIVE' },
  ]),
  person('U0DEMOSAM', 'sam', 'Sam Taylor', 'Australia/Melbourne', 'en-AU', [
    { department: 'customer-service', role: 'MEMBER' },
  ]),
];

export const DEMO_TEAM = { teamId: 'T0LIAISON', name: 'Liaison Demo 直播电商' } as const;

/** The founding plan's two joint meetings (`/meeting list` in the console's demo). */
export interface DemoMeetingSeries {
  title: string;
  departments: readonly DemoDepartmentKey[];
  recurrence: unknown;
  timeOfDay: string;
  channelOf: DemoDepartmentKey;
  facilitator: string;
}

export const DEMO_MEETING_SERIES: readonly DemoMeetingSeries[] = [
  {
    title: 'New-product launch sync 新品上市联席会',
    departments: ['supply-chain', 'marketing', 'tech'],
    recurrence: { type: 'weekly', weekdays: [1] },
    timeOfDay: '10:00',
    channelOf: 'supply-chain',
    facilitator: 'U0DEMOZHANG',
  },
  {
    title: 'All-departments joint meeting 全部门联席会',
    departments: DEMO_DEPARTMENTS.map((d) => d.key),
    recurrence: { type: 'monthly', nth: 1, weekday: 3 },
    timeOfDay: '14:00',
    channelOf: 'live-ops',
    facilitator: 'U0DEMOCHEN',
  },
];
