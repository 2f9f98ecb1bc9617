import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import { HELP_ENTRIES } from '../help-entries.js';
import { BLOCKS } from '../ids.js';

export interface HelpMessage {
  text: string;
  blocks: KnownBlock[];
}

/** `/liaison help`: what Liaison does and the commands that work now — nothing more. */
export function helpMessage(
  t: Translate,
  llm: { mode: 'openai' | 'fallback'; model?: string },
  reader: { isAdmin: boolean },
): HelpMessage {
  const commands = HELP_ENTRIES.filter((entry) => reader.isAdmin || !entry.adminOnly).map((entry) =>
    t(entry.key),
  );
  return {
    text: t('help.fallback'),
    blocks: [
      { type: 'header', block_id: BLOCKS.help.header, text: { type: 'plain_text', text: t('help.title') } },
      { type: 'section', block_id: BLOCKS.help.intro, text: { type: 'mrkdwn', text: t('help.intro') } },
      { type: 'divider' },
      {
        type: 'section',
        block_id: BLOCKS.help.commands,
        text: { type: 'mrkdwn', text: [t('help.commandsHeading'), ...commands].join('\n') },
      },
      {
        type: 'context',
        block_id: BLOCKS.help.language,
        elements: [{ type: 'mrkdwn', text: t('help.language') }],
      },
      {
        type: 'context',
        block_id: BLOCKS.help.llm,
        elements: [
          {
            type: 'mrkdwn',
            text: llm.mode === 'openai' ? t('help.llmOn', { model: llm.model ?? 'LLM' }) : t('help.llmOff'),
          },
        ],
      },
    ],
  };
}
