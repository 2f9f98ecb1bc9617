import { isAllowed, isLeadAnywhere } from '../../../../modules/access/access.rules.js';
import { DomainError } from '../../../../modules/shared/domain-error.types.js';
import { slackDepartmentDirectory } from '../../../department-directory.js';
import { departmentImportModal } from '../../../views/department-import.view.js';
import { departmentManageModal } from '../../../views/department-manage.view.js';
import { departmentChangesMessage, departmentsListMessage } from '../../../views/departments.view.js';
import type { Subcommand, SubcommandContext } from './subcommand.types.js';

/** A key or name as typed; anything else (markup, mentions) is a usage error, never echoed. */
const KEY_ARGUMENT = /^[\p{L}\p{N}_-]{1,80}$/u;

function usage(text: string): DomainError {
  return new DomainError(
    'departments.usage',
    { key: 'departments.errors.usage' },
    { detail: `/liaison departments ${text.slice(0, 200)}` },
  );
}

function keyArgument(word: string | undefined, text: string): string {
  if (!word || !KEY_ARGUMENT.test(word)) throw usage(text);
  return word.toLowerCase();
}

async function list({ deps, actor, reply }: SubcommandContext, includeArchived: boolean) {
  const departments = await deps.departments.list(actor.subject, { includeArchived });
  const reader = isAllowed(actor.subject, 'departments.manage')
    ? 'admin'
    : isLeadAnywhere(actor.subject)
      ? 'lead'
      : 'member';
  await reply(departmentsListMessage(actor.t, actor.locale, departments, { includeArchived, reader }));
}

/** Opens the modal with the command's trigger_id (valid three seconds): allowed or refused first. */
async function manage({ deps, actor, args }: SubcommandContext, key: string | null) {
  const opened = await deps.departments.openForEditing(actor.subject, key);
  await args.client.views.open({
    trigger_id: args.command.trigger_id,
    view: departmentManageModal(actor.t, actor.locale, opened),
  });
}

async function openImport({ deps, actor, args }: SubcommandContext) {
  // Checked before the modal opens; the submission is checked again by the import itself.
  await deps.authorization.require(actor.subject, 'departments.import');
  await args.client.views.open({ trigger_id: args.command.trigger_id, view: departmentImportModal(actor.t) });
}

/** `archive KEY`, `unarchive KEY`, `rename KEY en|zh NAME…`: one change without the modal. */
async function quickEdit(context: SubcommandContext, action: string, words: string[]) {
  const { deps, actor, args, reply, parsed } = context;
  const key = keyArgument(words[0], parsed.args);
  let edit: Parameters<typeof deps.departments.editByKey>[2];
  if (action === 'rename') {
    const language = words[1]?.toLowerCase();
    const name = words.slice(2).join(' ');
    if ((language !== 'en' && language !== 'zh') || !name) throw usage(parsed.args);
    edit = { fields: language === 'en' ? { nameEn: name } : { nameZh: name } };
  } else {
    if (words.length > 1) throw usage(parsed.args);
    edit = { archived: action === 'archive' };
  }
  const result = await deps.departments.editByKey(
    actor.subject,
    key,
    edit,
    slackDepartmentDirectory(args.client),
  );
  await reply(departmentChangesMessage(actor.t, actor.locale, result));
}

/** `/liaison departments [all | manage [KEY] | import | archive KEY | unarchive KEY | rename KEY en|zh NAME]`. */
export const departmentsSubcommand: Subcommand = {
  names: ['departments', 'department', 'depts'],
  async run(context) {
    const [first = '', ...words] = context.parsed.args.split(/\s+/).filter(Boolean);
    const action = first.toLowerCase();
    switch (action) {
      case '':
        return list(context, false);
      case 'all':
        if (words.length > 0) throw usage(context.parsed.args);
        return list(context, true);
      case 'manage':
      case 'edit':
      case 'new':
        if (words.length > 1 || (action === 'new' && words.length > 0)) throw usage(context.parsed.args);
        return manage(context, words[0] ? keyArgument(words[0], context.parsed.args) : null);
      case 'import':
        return openImport(context);
      case 'archive':
      case 'unarchive':
      case 'rename':
        return quickEdit(context, action, words);
      default:
        throw usage(context.parsed.args);
    }
  },
};
