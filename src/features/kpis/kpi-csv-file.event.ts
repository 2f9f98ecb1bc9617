import type { AllMiddlewareArgs } from '@slack/bolt';
import type { Translate } from '../../i18n/catalog.js';
import { DomainError, isDomainError } from '../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../../slack/deps.js';
import type { ActorContext } from '../../slack/request-actor.js';
import { servicesOf } from '../feature-registry.js';
import { kpiImportSummary } from './kpi-import.view.js';
import { kpisFeature } from './kpis.feature.js';

/** The largest CSV file Liaison reads from a DM (5,000 rows of `kpi,period,value,note` fit). */
export const KPI_CSV_FILE_MAX_BYTES = 512 * 1024;

/** The part of a Slack file object this listener reads. */
interface SharedFile {
  id: string;
  name?: string;
  filetype?: string;
  mimetype?: string;
  size?: number;
  url_private_download?: string;
  url_private?: string;
}

/** A message.im event as Slack sends it when a person shares a file in their DM with the app. */
interface ImFileShare {
  type: 'message';
  subtype?: string;
  channel: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  files?: SharedFile[];
}

const isCsv = (file: SharedFile) =>
  file.filetype === 'csv' || file.mimetype === 'text/csv' || /\.csv$/i.test(file.name ?? '');

/** The file's bytes as text, with the bot token (Slack serves url_private only with it); null when refused. */
async function download(file: SharedFile, botToken: string): Promise<string | null> {
  const url = file.url_private_download ?? file.url_private;
  if (!url) return null;
  const response = await fetch(url, { headers: { authorization: `Bearer ${botToken}` } });
  if (!response.ok || !response.body) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.length;
    if (size > KPI_CSV_FILE_MAX_BYTES) throw tooLarge();
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
}

const tooLarge = () =>
  new DomainError(
    'kpi.import_file_too_large',
    { key: 'kpis.import.fileTooLarge', params: { max: KPI_CSV_FILE_MAX_BYTES / 1024 } },
    { detail: `CSV file over ${KPI_CSV_FILE_MAX_BYTES} bytes` },
  );

/**
 * A CSV shared in a DM with Liaison (message.im, subtype file_share): downloaded with the bot
 * token (files:read), imported by the same service as `/kpi import`, and answered in that DM
 * with what was written and each rejected row with its reason. Importing the same file again
 * changes nothing (the latest value of a period wins; the same value is not a change).
 */
export function kpiCsvFileShared(deps: SlackDeps) {
  return async ({
    event,
    client,
    context,
  }: AllMiddlewareArgs<ActorContext> & { event: unknown }): Promise<void> => {
    const message = event as ImFileShare;
    if (message.channel_type !== 'im' || message.subtype !== 'file_share') return;
    if (!message.user || message.bot_id) return;
    const files = (message.files ?? []).filter(isCsv);
    if (files.length === 0) return;
    const actor = await context.actor();
    const { imports } = servicesOf(deps, kpisFeature);
    for (const file of files) {
      const reply = await importOne(file, actor.t, async (text) => imports.importCsv(actor.subject, text));
      await client.chat.postMessage({ channel: message.channel, ...reply });
    }

    async function importOne(
      file: SharedFile,
      t: Translate,
      run: (text: string) => ReturnType<typeof imports.importCsv>,
    ): Promise<{ text: string; blocks?: ReturnType<typeof kpiImportSummary>['blocks'] }> {
      try {
        if ((file.size ?? 0) > KPI_CSV_FILE_MAX_BYTES) throw tooLarge();
        const text = await download(file, context.botToken ?? '');
        if (text === null) return { text: t('kpis.import.fileUnreadable') };
        return kpiImportSummary(t, await run(text));
      } catch (error) {
        if (isDomainError(error)) return { text: t(error.userMessage.key, error.userMessage.params) };
        deps.logger.warn({ err: error, file: file.id }, 'KPI CSV file could not be imported');
        return { text: t('kpis.import.fileUnreadable') };
      }
    }
  };
}
