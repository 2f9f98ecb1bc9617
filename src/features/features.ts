import { actionItemsFeature } from './action-items/action-items.feature.js';
import { adminsFeature } from './admins/admins.feature.js';
import { aiFeature } from './ai/ai.feature.js';
import { auditFeature } from './audit/audit.feature.js';
import { calendarFeature } from './calendar/calendar.feature.js';
import { coreFeature } from './core/core.feature.js';
import { departmentsFeature } from './departments/departments.feature.js';
import { digestFeature } from './digest/digest.feature.js';
import { directoryFeature } from './directory/directory.feature.js';
import { escalationsFeature } from './escalations/escalations.feature.js';
import { exportFeature } from './export/export.feature.js';
import type { Feature } from './feature.types.js';
import { formSubmissionsFeature } from './form-submissions/form-submissions.feature.js';
import { homeFeature } from './home/home.feature.js';
import { installationsFeature } from './installations/installations.feature.js';
import { kpisFeature } from './kpis/kpis.feature.js';
import { meetingsFeature } from './meetings/meetings.feature.js';
import { notificationsFeature } from './notifications/notifications.feature.js';
import { okrsFeature } from './okrs/okrs.feature.js';
import { schedulingFeature } from './scheduling/scheduling.feature.js';

/**
 * Every capability of Liaison, in the order `/liaison help` lists their commands. A new
 * feature is a folder with its declaration (see docs/ARCHITECTURE.md, "Add a feature") and
 * one line here.
 */
export const FEATURES: readonly Feature[] = [
  coreFeature,
  departmentsFeature,
  adminsFeature,
  auditFeature,
  schedulingFeature,
  directoryFeature,
  calendarFeature,
  notificationsFeature,
  actionItemsFeature,
  escalationsFeature,
  digestFeature,
  okrsFeature,
  aiFeature,
  kpisFeature,
  meetingsFeature,
  exportFeature,
  installationsFeature,
  homeFeature,
  formSubmissionsFeature,
] as Feature[];
