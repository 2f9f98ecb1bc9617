import type { KnownBlock } from '@slack/types';
import { BLOCKS } from '../ids.js';

/** An error shown where the person is (ephemeral). The text is already localized. */
export function errorMessage(text: string): { text: string; blocks: KnownBlock[] } {
  return {
    text,
    blocks: [
      {
        type: 'section',
        block_id: BLOCKS.error.message,
        text: { type: 'mrkdwn', text: `:warning: ${text}` },
      },
    ],
  };
}
