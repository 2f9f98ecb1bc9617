import { MAX_ROWS_PER_TABLE, WORKSPACE_HISTORY_DAYS } from '../../../../modules/export/export.service.js';
import type { ExportFormat, ExportScope } from '../../../../modules/export/export.types.js';
import { DomainError, isDomainError } from '../../../../modules/shared/domain-error.types.js';
import { newReferenceId } from '../../../error-handler.js';
import { deliverFilesToDm } from '../../../export/deliver-files.js';
import { escapeMrkdwn } from '../../../views/escape.js';
import { exportComment, exportFailedMessage, exportPreparingMessage } from '../../../views/export.view.js';
import type { Subcommand } from './subcommand.types.js';

const SCOPE_WORDS: Record<string, ExportScope> = {
  me: 'person',
  mine: 'person',
  my: 'person',
  myself: 'person',
  workspace: 'workspace',
  all: 'workspace',
};
const FORMAT_WORDS: Record<string, ExportFormat> = { json: 'json', csv: 'csv' };

/** `export`, `export csv`, `export me`, `export me csv` (any order); null when a word is unknown. */
export function parseExportArgs(text: string): { scope: ExportScope; format: ExportFormat } | null {
  let scope: ExportScope = 'workspace';
  let format: ExportFormat = 'json';
  for (const word of text.toLowerCase().split(/\s+/).filter(Boolean)) {
    const asScope = SCOPE_WORDS[word];
    const asFormat = FORMAT_WORDS[word];
    if (asScope) scope = asScope;
    else if (asFormat) format = asFormat;
    else return null;
  }
  return { scope, format };
}

/**
 * `/liaison export [me] [json|csv]`: admins export the workspace, anyone what is about them.
 * Permission is checked before anything is said; the files come as a DM (files.uploadV2),
 * and if that fails the person is told privately with a reference to the log.
 */
export const exportSubcommand: Subcommand = {
  names: ['export'],
  async run({ deps, actor, parsed, args, reply }) {
    const request = parseExportArgs(parsed.args);
    if (!request) {
      throw new DomainError(
        'export.usage',
        { key: 'export.usage', params: { words: escapeMrkdwn(parsed.args.slice(0, 100)) } },
        { detail: `${actor.person.slackUserId} typed "export ${parsed.args}"` },
      );
    }
    await deps.exports.assertAllowed(actor.subject, request.scope);
    await reply(exportPreparingMessage(actor.t, request));
    try {
      const result = await deps.exports.create(actor.subject, request);
      const delivered = await deliverFilesToDm(args.client, {
        slackUserId: actor.person.slackUserId,
        files: result.files,
        comment: (index, count) =>
          exportComment(actor.t, result, {
            index,
            count,
            historyDays: WORKSPACE_HISTORY_DAYS,
            rowLimit: MAX_ROWS_PER_TABLE,
          }),
      });
      deps.logger.info(
        {
          slackUserId: actor.person.slackUserId,
          ...request,
          rowCounts: result.rowCounts,
          fileIds: delivered.fileIds,
        },
        'export delivered',
      );
    } catch (error) {
      if (isDomainError(error)) throw error;
      const referenceId = newReferenceId();
      deps.logger.error(
        { err: error, referenceId, slackUserId: actor.person.slackUserId, ...request },
        'export could not be delivered',
      );
      await reply(exportFailedMessage(actor.t, referenceId));
    }
  },
};
