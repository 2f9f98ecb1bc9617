import type { SamplePoint } from '../kpis/kpi.types.js';
import type { KpiThresholdDto } from '../kpis/kpi-plan.types.js';
import type { NewWorkspace } from '../workspaces/workspace.types.js';
import type { DEMO_DEPARTMENTS, DemoMeetingSeries, DemoPerson } from './demo.data.js';
import type { DemoKpi } from './demo-kpis.data.js';
import type { DemoObjective } from './demo-okrs.data.js';

export interface DemoRepository {
  /** True once the demo workspace holds its departments. */
  isSeeded(slackTeamId: string): Promise<boolean>;
  /** Workspace, departments, people and memberships in one transaction, audited. */
  seed(workspace: NewWorkspace, departments: typeof DEMO_DEPARTMENTS, people: DemoPerson[]): Promise<void>;
  /** Gives departments without a channel the one named (a channel someone chose stays). */
  giveChannels(slackTeamId: string, channels: { key: string; channelId: string }[]): Promise<void>;
  /** True once the demo workspace holds KPIs: their 90 days of history are not built again. */
  hasKpis(slackTeamId: string): Promise<boolean>;
  /**
   * The demo KPIs and their history, in one transaction and a few batched inserts; nothing
   * when the workspace already has KPIs. Returns how many KPIs were created.
   */
  seedKpis(
    slackTeamId: string,
    kpis: readonly {
      kpi: DemoKpi;
      history: SamplePoint[];
      plan: readonly KpiThresholdDto[];
      /**
       * The level its plan puts the latest value at, recorded as an open breach already
       * alerted and escalated: the demo shows real levels without a flood of alerts.
       */
      standing: { level: number; period: string; value: number } | null;
    }[],
  ): Promise<number>;
  /** The demo workspace's default time zone (its days are the KPIs' periods). */
  timeZoneOf(slackTeamId: string): Promise<string | null>;
  /** Creates the plan's joint meetings unless the workspace has any meeting series. */
  giveMeetingSeries(slackTeamId: string, series: readonly DemoMeetingSeries[]): Promise<void>;
  /**
   * The demo's quarter of OKRs and its past check-in rounds, in one transaction, audited;
   * nothing when the period already has objectives. Returns how many objectives were created.
   */
  seedOkrs(slackTeamId: string, quarter: DemoOkrQuarter): Promise<number>;
}

/** The period the demo OKRs go into and the past check-in rounds (cycle date, when asked). */
export interface DemoOkrQuarter {
  period: { key: string; startsOn: string; endsOn: string };
  rounds: readonly { cycleOn: string; at: Date }[];
  objectives: readonly DemoObjective[];
}
