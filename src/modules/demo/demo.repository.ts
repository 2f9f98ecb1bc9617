import type { NewWorkspace } from '../workspaces/workspace.types.js';
import type { DEMO_DEPARTMENTS, DemoMeetingSeries, DemoPerson } from './demo.data.js';

export interface DemoRepository {
  /** True once the demo workspace holds its departments. */
  isSeeded(slackTeamId: string): Promise<boolean>;
  /** Workspace, departments, people and memberships in one transaction, audited. */
  seed(workspace: NewWorkspace, departments: typeof DEMO_DEPARTMENTS, people: DemoPerson[]): Promise<void>;
  /** Gives departments without a channel the one named (a channel someone chose stays). */
  giveChannels(slackTeamId: string, channels: { key: string; channelId: string }[]): Promise<void>;
  /** Creates the plan's joint meetings unless the workspace has any meeting series. */
  giveMeetingSeries(slackTeamId: string, series: readonly DemoMeetingSeries[]): Promise<void>;
}
