import type { KnownBlock } from '@slack/types';
import type { HelpEntry } from '../../features/feature.types.js';
import type { MessageKey, Translate } from '../../i18n/catalog.js';
import { BLOCKS } from '../ids.js';

/** Slack refuses a section whose text is longer than 3,000 characters. */
const SECTION_TEXT_MAX = 3000;

/**
 * The command lines as sections of at most 3,000 characters each, cut between lines: the
 * first keeps the block id `help.commands`, the next ones `help.commands.2`, `help.commands.3`…
 */
export function commandSections(lines: readonly string[]): KnownBlock[] {
  const chunks: string[][] = [[]];
  let length = 0;
  for (const line of lines) {
    const current = chunks.at(-1) as string[];
    if (current.length > 0 && length + 1 + line.length > SECTION_TEXT_MAX) {
      chunks.push([line]);
      length = line.length;
    } else {
      current.push(line);
      length += (current.length > 1 ? 1 : 0) + line.length;
    }
  }
  return chunks.map((chunk, index) => ({
    type: 'section',
    block_id: index === 0 ? BLOCKS.help.commands : `${BLOCKS.help.commands}.${index + 1}`,
    text: { type: 'mrkdwn', text: chunk.join('\n').slice(0, SECTION_TEXT_MAX) },
  }));
}

export interface HelpMessage {
  text: string;
  blocks: KnownBlock[];
}

/** What help lists: each feature's one-line summary and its command lines. */
export interface HelpContent {
  summaries: readonly MessageKey[];
  help: readonly HelpEntry[];
}

/**
 * `/liaison help`: what Liaison does (the summaries of the features that exist) and the
 * commands that work now — nothing more.
 */
export function helpMessage(
  t: Translate,
  llm: { mode: 'openai' | 'fallback'; model?: string },
  reader: { isAdmin: boolean },
  content: HelpContent,
): HelpMessage {
  const commands = content.help
    .filter((entry) => reader.isAdmin || !entry.adminOnly)
    .map((entry) => t(entry.key));
  const intro = [
    t('help.intro'),
    ...content.summaries.map((key) => t('help.summaryLine', { summary: t(key) })),
  ];
  return {
    text: t('help.fallback'),
    blocks: [
      { type: 'header', block_id: BLOCKS.help.header, text: { type: 'plain_text', text: t('help.title') } },
      { type: 'section', block_id: BLOCKS.help.intro, text: { type: 'mrkdwn', text: intro.join('\n') } },
      { type: 'divider' },
      ...commandSections([t('help.commandsHeading'), ...commands]),
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
