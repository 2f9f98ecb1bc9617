import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import type { AdminDto } from '../../modules/access/admins.repository.js';

/** block_ids of admin messages (tests find blocks by these). */
export const ADMINS_BLOCKS = {
  header: 'admins.header',
  list: 'admins.list',
  hint: 'admins.hint',
  result: 'admins.result',
} as const;

/** `/liaison admins`: who the admins are, and why each one is. */
export function adminsListMessage(
  t: Translate,
  admins: readonly AdminDto[],
): { text: string; blocks: KnownBlock[] } {
  const lines = admins.map((admin) =>
    t('admins.list.line', {
      user: admin.slackUserId,
      source: admin.isWorkspaceAdmin ? t('admins.list.sourceSlack') : t('admins.list.sourceGranted'),
    }),
  );
  return {
    text: t('admins.list.fallback', { count: admins.length }),
    blocks: [
      {
        type: 'header',
        block_id: ADMINS_BLOCKS.header,
        text: { type: 'plain_text', text: t('admins.list.title') },
      },
      {
        type: 'section',
        block_id: ADMINS_BLOCKS.list,
        text: {
          type: 'mrkdwn',
          text: (lines.length > 0 ? lines.join('\n') : t('admins.list.empty')).slice(0, 3000),
        },
      },
      {
        type: 'context',
        block_id: ADMINS_BLOCKS.hint,
        elements: [{ type: 'mrkdwn', text: t('admins.list.hint') }],
      },
    ],
  };
}

/** One line after `/liaison admins add|remove`. */
export function adminsResultMessage(text: string): { text: string; blocks: KnownBlock[] } {
  return {
    text,
    blocks: [{ type: 'section', block_id: ADMINS_BLOCKS.result, text: { type: 'mrkdwn', text } }],
  };
}
