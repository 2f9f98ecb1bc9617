import {
  departmentsExportSection,
  membershipsExportSection,
} from '../../modules/departments/departments.export.prisma-repository.js';
import { DEPARTMENT_VIEWS } from '../../slack/ids.js';
import { departmentsSubcommand } from '../../slack/listeners/commands/liaison/departments.subcommand.js';
import { setupSubcommand } from '../../slack/listeners/commands/liaison/setup.subcommand.js';
import { departmentImportSubmission } from '../../slack/listeners/views/department-import.submission.js';
import { departmentManageSubmission } from '../../slack/listeners/views/department-manage.submission.js';
import { defineFeature, onView } from '../feature.types.js';

/** Departments, their people and roles: list, manage form, CSV import, the demo set. */
export const departmentsFeature = defineFeature({
  name: 'departments',
  summary: 'departments.about',
  exportSections: ({ db }) => [departmentsExportSection(db.prisma), membershipsExportSection(db.prisma)],
  subcommands: [departmentsSubcommand, setupSubcommand],
  listeners: [
    onView(DEPARTMENT_VIEWS.manage, departmentManageSubmission),
    onView(DEPARTMENT_VIEWS.import, departmentImportSubmission),
  ],
  help: [
    { key: 'departments.help.list' },
    { key: 'departments.help.manage' },
    { key: 'departments.help.all', adminOnly: true },
    { key: 'departments.help.import', adminOnly: true },
    { key: 'departments.help.quick', adminOnly: true },
    { key: 'departments.help.setup', adminOnly: true },
  ],
});
