import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { DEPARTMENT_VIEWS } from '../../ids.js';
import { departmentImportSubmission } from './department-import.submission.js';
import { departmentManageSubmission } from './department-manage.submission.js';

/** Modal submissions (view_submission), one line per callback_id. */
export function registerViews(app: App, deps: SlackDeps): void {
  app.view(DEPARTMENT_VIEWS.manage, departmentManageSubmission(deps));
  app.view(DEPARTMENT_VIEWS.import, departmentImportSubmission(deps));
}
