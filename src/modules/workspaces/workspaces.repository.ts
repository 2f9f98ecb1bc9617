import type { NewWorkspace, WorkspaceDto } from './workspace.types.js';

export interface WorkspacesRepository {
  findBySlackTeamId(slackTeamId: string): Promise<WorkspaceDto | null>;
  /** Creates the workspace if absent (racing creators agree on one row) and audits a creation. */
  ensure(workspace: NewWorkspace): Promise<WorkspaceDto>;
}
