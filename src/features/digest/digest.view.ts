import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { type Translate, translator } from '../../i18n/catalog.js';
import type { DeliveryMessage } from '../../modules/delivery/delivery.types.js';
import type { ComposedDigest } from '../../modules/digest/digest.types.js';
import type { DigestGroup, DigestLine } from '../../modules/digest/digest-section.types.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';

/** Slack's limits: 50 blocks a message, 3,000 characters a section's text, 150 a header's. */
export const SLACK_LIMITS = { blocks: 50, sectionText: 3_000, headerText: 150 } as const;
/** Blocks kept free for what the notification service adds (Snooze / Mute). */
const RESERVED_BLOCKS = 2;

export const DIGEST_BLOCKS = {
  header: 'digest.header',
  scope: 'digest.scope',
  risk: 'digest.risk',
  writtenBy: 'digest.written_by',
  section: (id: string) => `digest.section.${id}`,
  group: (id: string, index: number) => `digest.section.${id}.${index}`,
} as const;

/**
 * `heading` then one line per entry, as many as fit in `max` characters with room for
 * "…and N more" (which also counts what the section left out itself: `total`).
 */
export function fitLines(
  heading: string,
  lines: readonly string[],
  total: number,
  more: (count: number) => string,
  max: number = SLACK_LIMITS.sectionText,
): string {
  const reserve = more(Math.max(total, lines.length)).length + 1;
  let text = heading;
  let shown = 0;
  for (const line of lines) {
    const next = `${text}\n${line}`;
    const isLast = shown + 1 === lines.length && total <= lines.length;
    if (next.length > (isLast ? max : max - reserve)) break;
    text = next;
    shown += 1;
  }
  const hidden = Math.max(total, lines.length) - shown;
  return hidden > 0 ? `${text}\n${more(hidden)}` : text;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Only Slack's own permalinks become links; anything else stays plain. */
function safeLink(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    const slack = parsed.hostname === 'slack.com' || parsed.hostname.endsWith('.slack.com');
    return parsed.protocol === 'https:' && slack ? parsed.toString().replace(/[<>|]/g, '') : null;
  } catch {
    return null;
  }
}

function lineText(line: DigestLine): string {
  const link = safeLink(line.url);
  return `• ${escapeMrkdwn(line.text)}${link ? ` <${link}|↗>` : ''}`;
}

function groupBlock(sectionId: string, index: number, group: DigestGroup, t: Translate): KnownBlock {
  const heading = `_${escapeMrkdwn(group.heading)}_ (${group.total})`;
  const text =
    group.lines.length === 0
      ? `${heading}\n${escapeMrkdwn(group.emptyText ?? '')}`
      : fitLines(heading, group.lines.map(lineText), group.total, (count) =>
          t('digest.message.more', { count }),
        );
  return { type: 'section', block_id: DIGEST_BLOCKS.group(sectionId, index), text: { type: 'mrkdwn', text } };
}

function titleOf(digest: ComposedDigest, t: Translate): string {
  const date = DateTime.fromJSDate(digest.period.end, { zone: digest.timeZone })
    .setLocale(digest.locale)
    .toLocaleString(DateTime.DATE_MED);
  return digest.period.cadence === 'weekly'
    ? t('digest.message.titleWeekly', { date })
    : t('digest.message.titleDaily', { date });
}

/**
 * The managers' digest as a DM, in the reader's language: a header, each section's groups
 * (lines escaped, capped with "and N more" within Slack's limits), then the risk summary
 * with the items each line cites and which path wrote it.
 */
export function digestMessage(digest: ComposedDigest): DeliveryMessage {
  const t = translator(digest.locale);
  const title = titleOf(digest, t);
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      block_id: DIGEST_BLOCKS.header,
      text: { type: 'plain_text', text: clip(title, SLACK_LIMITS.headerText) },
    },
    {
      type: 'context',
      block_id: DIGEST_BLOCKS.scope,
      elements: [
        {
          type: 'mrkdwn',
          text: escapeMrkdwn(t('digest.message.for', { departments: digest.departments.join(', ') })),
        },
      ],
    },
  ];
  const body: KnownBlock[] = [];
  for (const section of digest.sections) {
    body.push({
      type: 'section',
      block_id: DIGEST_BLOCKS.section(section.id),
      text: { type: 'mrkdwn', text: clip(`*${escapeMrkdwn(section.title)}*`, SLACK_LIMITS.sectionText) },
    });
    section.groups.forEach((group, index) => {
      body.push(groupBlock(section.id, index, group, t));
    });
    body.push({ type: 'divider' });
  }
  if (digest.sections.length === 0)
    body.push({ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(t('digest.message.nothing')) } });
  const summaryLines = digest.summary.items.map(
    (item) => `• ${escapeMrkdwn(item.text)} (${item.refs.map(escapeMrkdwn).join(', ')})`,
  );
  const risk: KnownBlock[] = [
    {
      type: 'section',
      block_id: DIGEST_BLOCKS.risk,
      text: {
        type: 'mrkdwn',
        text:
          summaryLines.length === 0
            ? `${t('digest.message.riskTitle')}\n${escapeMrkdwn(t('digest.message.riskNone'))}`
            : fitLines(t('digest.message.riskTitle'), summaryLines, summaryLines.length, (count) =>
                t('digest.message.more', { count }),
              ),
      },
    },
    {
      type: 'context',
      block_id: DIGEST_BLOCKS.writtenBy,
      elements: [
        {
          type: 'mrkdwn',
          text: escapeMrkdwn(
            digest.summary.writtenBy === 'model' ? t('digest.message.byModel') : t('digest.message.byRules'),
          ),
        },
      ],
    },
  ];
  const room = SLACK_LIMITS.blocks - RESERVED_BLOCKS - blocks.length - risk.length;
  const kept = body.length <= room ? body : body.slice(0, room - 1);
  if (kept.length < body.length)
    kept.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: escapeMrkdwn(t('digest.message.more', { count: body.length - kept.length })),
        },
      ],
    });
  const count = digest.sections.reduce(
    (sum, section) => sum + section.groups.reduce((n, group) => n + group.total, 0),
    0,
  );
  const files = digest.sections.flatMap((section) => section.files ?? []);
  return {
    text: t('digest.message.fallback', { title, count }),
    blocks: [...blocks, ...kept, ...risk],
    ...(files.length > 0 ? { files } : {}),
  };
}
