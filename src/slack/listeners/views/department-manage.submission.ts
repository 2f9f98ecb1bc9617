import { z } from 'zod';
import { cleanFields, fieldProblems } from '../../../modules/departments/departments.rules.js';
import type { DepartmentFields, Roster } from '../../../modules/departments/departments.types.js';
import { slackDepartmentDirectory } from '../../department-directory.js';
import type { SlackDeps } from '../../deps.js';
import { DEPARTMENT_FIELDS } from '../../ids.js';
import type { ViewSubmissionArgs } from '../../listener-args.types.js';
import { readMetadata } from '../../parsers/metadata.parser.js';
import { firstInputBlock, readViewState, withModalErrors } from '../../parsers/view-state.parser.js';
import { ROSTER_FIELDS, WORKSPACE_DEFAULT_LANGUAGE } from '../../views/department-manage.view.js';
import { departmentChangesMessage } from '../../views/departments.view.js';

/** The service's field names → the modal's blocks. */
const FIELD_BLOCKS: Record<string, string> = {
  key: DEPARTMENT_FIELDS.key,
  nameEn: DEPARTMENT_FIELDS.nameEn,
  nameZh: DEPARTMENT_FIELDS.nameZh,
  description: DEPARTMENT_FIELDS.description,
  slackChannelId: DEPARTMENT_FIELDS.channel,
  locale: DEPARTMENT_FIELDS.language,
  ...Object.fromEntries(ROSTER_FIELDS.map(({ role, block }) => [`roster.${role}`, block])),
};

/** private_metadata: empty for a new department, else `{"d": "<department id>"}` — nothing more. */
const metadataSchema = z.union([z.literal(''), z.object({ d: z.uuid() }).strict()]);

function departmentIdOf(text: string): string | null {
  const metadata = readMetadata(text, metadataSchema, {
    code: 'view.bad_metadata',
    message: 'departments.errors.badSubmission',
    what: 'department modal metadata',
    whenEmpty: '',
  });
  return metadata === '' ? null : metadata.d;
}

/**
 * The manage modal was submitted. The actor comes from the signed payload; the metadata says
 * only which department, and the service decides again whether this person may change it.
 */
export function departmentManageSubmission(deps: SlackDeps) {
  return async ({ ack, body, view, client, context }: ViewSubmissionArgs): Promise<void> => {
    const actor = await context.actor();
    const result = await withModalErrors(FIELD_BLOCKS, firstInputBlock(view), async () => {
      const departmentId = departmentIdOf(view.private_metadata);
      const state = readViewState(view.state.values);
      const fields: Partial<DepartmentFields> = {};
      const text = {
        key: state.text(DEPARTMENT_FIELDS.key),
        nameEn: state.text(DEPARTMENT_FIELDS.nameEn),
        nameZh: state.text(DEPARTMENT_FIELDS.nameZh),
        description: state.text(DEPARTMENT_FIELDS.description),
      };
      for (const [name, value] of Object.entries(text))
        if (value !== undefined) Object.assign(fields, { [name]: value });
      const channel = state.conversation(DEPARTMENT_FIELDS.channel);
      if (channel !== undefined) fields.slackChannelId = channel;
      const language = state.option(DEPARTMENT_FIELDS.language);
      if (language !== undefined) fields.locale = language === WORKSPACE_DEFAULT_LANGUAGE ? null : language;
      const roster: Roster = {};
      for (const { role, block } of ROSTER_FIELDS) {
        const users = state.users(block);
        if (users !== undefined) roster[role] = users;
      }
      // Every problem with the typed fields at once, before anything is looked up.
      const problems = fieldProblems(cleanFields(fields), departmentId ? 'update' : 'create');
      if (problems.length > 0) {
        await ack({
          response_action: 'errors',
          errors: Object.fromEntries(
            problems.map((p) => [FIELD_BLOCKS[p.field] ?? p.field, actor.t(p.message.key, p.message.params)]),
          ),
        });
        return null;
      }
      const directory = slackDepartmentDirectory(client);
      return departmentId
        ? deps.departments.edit(
            actor.subject,
            departmentId,
            { fields, roster, archived: state.checked(DEPARTMENT_FIELDS.archived, 'archived') },
            directory,
          )
        : deps.departments.create(actor.subject, { fields, roster }, directory);
    });
    if (!result) return;
    await ack();
    await client.chat.postMessage({
      channel: body.user.id,
      ...departmentChangesMessage(actor.t, actor.locale, result),
    });
  };
}
