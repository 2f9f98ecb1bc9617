import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { CALENDAR_VIEWS, DEPARTMENT_VIEWS, ESCALATION_RAISE_VIEW } from '../../ids.js';
import { calendarNoticePreviewSubmission, calendarNoticeSubmission } from './calendar-notice.submission.js';
import { departmentImportSubmission } from './department-import.submission.js';
import { departmentManageSubmission } from './department-manage.submission.js';
import { escalationRaiseSubmission } from './escalation-raise.submission.js';
import { registerEscalationStepViews } from './escalation-step.submission.js';

/** Modal submissions (view_submission), one line per callback_id. */
export function registerViews(app: App, deps: SlackDeps): void {
  app.view(DEPARTMENT_VIEWS.manage, departmentManageSubmission(deps));
  app.view(DEPARTMENT_VIEWS.import, departmentImportSubmission(deps));
  app.view(ESCALATION_RAISE_VIEW, escalationRaiseSubmission(deps));
  app.view(CALENDAR_VIEWS.notice, calendarNoticeSubmission(deps));
  app.view(CALENDAR_VIEWS.noticePreview, calendarNoticePreviewSubmission(deps));
  registerEscalationStepViews(app, deps);
}
