import type { SamplePoint } from '../kpis/kpi.types.js';
import type { KpiThresholdDto } from '../kpis/kpi-plan.types.js';
import type { NewWorkspace } from '../workspaces/workspace.types.js';
import type { DEMO_DEPARTMENTS, DemoMeetingSeries, DemoPerson } from './demo.data.js';
import type { DemoKpi } from './demo-kpis.data.js';

export interface DemoRepository {
  /** True once the demo workspace holds its departments. */
  isSeeded(slackTeamId: string): Promise<boolean>;
  /** Workspace, departments, people and memberships in one transaction, audited. */
  seed(workspace: NewWorkspace, departments: typeof DEMO_DEPARTMENTS, people: DemoPerson[]): Promise<void>;
  /** Gives departments without a channel the one named (a channel someone chose stays). */
  giveChannels(slackTeamId: string, channels: { key: string; channelId: string }[]): Promise<void>;
  /**
   * The demo KPIs and their history, in one transaction and a few batched inserts; nothing
   * when the workspace already has KPIs. Returns how many KPIs were created.
   */
  seedKpis(
    slackTeamId: string,
    kpis: readonly { kpi: DemoKpi; history: SamplePoint[]; plan: readonly KpiThresholdDto[] }[],
  ): Promise<number>;
  /** The demo workspace's default time zone (its days are the KPIs' periods). */
  timeZoneOf(slackTeamId: string): Promise<string | null>;
  /** Creates the plan's joint meetings unless the workspace has any meeting series. */
  giveMeetingSeries(slackTeamId: string, series: readonly DemoMeetingSeries[]): Promise<void>;
}
