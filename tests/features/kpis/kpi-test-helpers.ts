import { expect } from 'vitest';
import { COMMANDS } from '../../../src/slack/ids.js';
import type { LiaisonUnderTest } from '../../harness/liaison-under-test.js';

/** Types `/kpi TEXT` as a user and returns the private answer. */
export async function kpiAs(liaison: LiaisonUnderTest, userId: string, text: string) {
  const before = liaison.slack.ephemerals(userId, 'C0GENERAL').length;
  await liaison.driver.slashCommand({ command: COMMANDS.kpi, text, userId, channelId: 'C0GENERAL' });
  await liaison.slack.waitForCall(
    'response_url',
    () => liaison.slack.ephemerals(userId, 'C0GENERAL').length > before,
    5_000,
  );
  const reply = liaison.slack.ephemerals(userId, 'C0GENERAL').at(-1);
  if (!reply) throw new Error('no reply');
  return reply as { text?: string; blocks?: unknown[] };
}

/** The visible text of a reply: its fallback and every block's text. */
export function allText(reply: { text?: string; blocks?: unknown[] }): string {
  const parts = [reply.text ?? ''];
  for (const block of (reply.blocks ?? []) as Record<string, unknown>[]) {
    const text = block.text as { text?: string } | undefined;
    if (text?.text) parts.push(text.text);
    for (const f of (block.fields as { text: string }[] | undefined) ?? []) parts.push(f.text);
    for (const e of (block.elements as { text?: string }[] | undefined) ?? []) if (e.text) parts.push(e.text);
  }
  return parts.join('\n');
}

export const plainText = (value: string) => ({ value: { type: 'plain_text_input', value } });
export const option = (value: string) => ({ value: { type: 'static_select', selected_option: { value } } });

/** Submits a modal: Liaison's ack errors, or on success the DM it sent. */
export async function submitModal(
  liaison: LiaisonUnderTest,
  userId: string,
  view: { id: string },
  values: Record<string, Record<string, unknown>>,
) {
  liaison.slack.clearCalls();
  const response = await liaison.driver.viewSubmission({ userId, view, values });
  expect(response.status).toBe(200);
  const ack = response.json as { response_action?: string; errors?: Record<string, string> } | undefined;
  if (ack?.response_action === 'errors') return { errors: ack.errors ?? {}, dm: undefined };
  const dm = await liaison.slack.waitForCall('chat.postMessage', (call) => call.args.channel === userId);
  return { errors: undefined, dm: String(dm.args.text) };
}
