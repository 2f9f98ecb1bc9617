import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import type { LlmUsage } from '../../llm/llm.js';
import type { Subcommand } from '../../slack/listeners/commands/liaison/subcommand.types.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';

/** `/liaison ai` as blocks: on or off, today's tokens against the budget, the breaker, the last failures. */
export function aiStatusMessage(usage: LlmUsage, t: Translate): { text: string; blocks: KnownBlock[] } {
  const summary =
    usage.mode === 'openai'
      ? t('ai.status.on', {
          model: escapeMrkdwn(usage.model ?? 'LLM'),
          used: usage.tokensToday,
          budget: usage.dailyTokenBudget,
          calls: usage.callsToday,
          breaker: t(`ai.status.breaker.${usage.breaker}`),
        })
      : t('ai.status.off', { used: usage.tokensToday });
  const failures =
    usage.recentFailures.length > 0
      ? usage.recentFailures
          .map((run) =>
            t('ai.status.failure', {
              at: `${run.at.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
              prompt: escapeMrkdwn(run.promptName),
              outcome: escapeMrkdwn(run.outcome),
            }),
          )
          .join('\n')
      : t('ai.status.noFailures');
  return {
    text: summary,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `${t('ai.status.title')}\n${summary}` } },
      { type: 'section', text: { type: 'mrkdwn', text: `${t('ai.status.failures')}\n${failures}` } },
    ],
  };
}

/** `/liaison ai` (admins): whether a model is on, today's usage and the last failures. */
export const aiStatusSubcommand: Subcommand = {
  names: ['ai'],
  async run({ deps, actor, reply }) {
    await deps.authorization.require(actor.subject, 'ai.status');
    await reply(aiStatusMessage(await deps.llm.usage(actor.workspace.id), actor.t));
  },
};
